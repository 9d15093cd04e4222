import type { DeclarationDoc, Row, SectionDef } from '../catalog';
import { goodsDeclaration, withTwoStepMode } from '../catalog';
import { isRequired } from './rules-basic';

/**
 * A well-formed import declaration for tests, benchmarks and the CLI's examples: general trade,
 * CIF (so no freight or insurance), `lines` goods lines of fresh apples (商品编号 0808100000,
 * first legal unit 035 千克, no second unit). The party codes are made up; their USCCs carry
 * valid check characters.
 */
export function sampleDeclaration(lines = 1): DeclarationDoc {
  const head: Row = {
    IEFlag: 'I',
    AgentCode: '3122480063',
    AgentName: '上海示例报关有限公司',
    AgentCodeScc: '91310115MA1H7KXX39',
    BillNo: 'COSU6123456780',
    ContrNo: 'SH-2026-001',
    CustomMaster: '2248',
    CutMode: '101',
    DistinatePort: 'USA042',
    GrossWet: '1200.5',
    IEPort: '2248',
    NetWt: '1100',
    OwnerName: '上海示例食品有限公司',
    OwnerCode: '3122460001',
    OwnerCodeScc: '91310000MA1FL1XX4W',
    PackNo: '100',
    TradeCode: '3122460001',
    TradeCoScc: '91310000MA1FL1XX4W',
    TradeCountry: 'USA',
    TradeMode: '0110',
    TradeName: '上海示例食品有限公司',
    TrafMode: '2',
    TrafName: 'COSCO SHIPPING',
    TransMode: '1',
    WrapType: '22',
    EdiId: '1',
    CopName: '上海示例报关有限公司',
    CopCode: '31224800X',
    EntryType: '0',
    TypistNo: '8930000012345',
    InputerName: '李四',
    DeclTrnRel: '0',
    PromiseItmes: '00099',
    TradeAreaCode: 'USA',
    MarkNo: 'N/M',
    DespPortCode: 'USA042',
    EntyPortCode: '310001',
    GoodsPlace: '洋山港区',
    DeclareName: '张三',
  };
  const line = (i: number): Row => ({
    CodeTS: '0808100000',
    CiqCode: '999',
    GName: '鲜苹果',
    GModel: '0|3|鲜|富士|一级||||',
    GNo: String(i + 1),
    DeclPrice: '1.2500',
    GQty: '1000',
    DeclTotal: '1250.00',
    TradeCurr: 'USD',
    GUnit: '035',
    FirstUnit: '035',
    FirstQty: '1000',
    DutyMode: '1',
    OriginCountry: 'USA',
    DestinationCountry: 'CHN',
    DistrictCode: '31222',
  });
  return { head, lines: Array.from({ length: lines }, (_v, i) => line(i)), tables: {} };
}

/**
 * The sample as the 概要申报 of a two-step declaration: only what the 概要 stage asks (the catalog's 概要 and 暂存
 * elements, plus what the app fills itself), DecHead/Type saying 5, and the 航次号.
 */
export function sampleSummaryDeclaration(lines = 1): DeclarationDoc {
  const doc = sampleDeclaration(lines);
  const keep = (row: Row, section: SectionDef): Row => {
    const out: Row = {};
    for (const e of section.elements) {
      const value = row[e.xml];
      if (value !== undefined && (isRequired(e, 'summary') || e.auto)) out[e.xml] = value;
    }
    return out;
  };
  const head = goodsDeclaration.sections.find((s) => s.id === 'head');
  const line = goodsDeclaration.sections.find((s) => s.id === 'lines');
  if (!head || !line) throw new Error('the catalog has no head or lines');
  return {
    head: { ...keep(doc.head, head), Type: withTwoStepMode(doc.head.Type, 'summary') },
    lines: doc.lines.map((l) => keep(l, line)),
    tables: { freeText: [{ VoyNo: '026E' }] },
  };
}
