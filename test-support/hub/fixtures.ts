import type { DeclarationDoc } from '../../shared/catalog';
import type { DecPayload } from '../../shared/protocol';

const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Completes a 17-character 统一社会信用代码 body with its GB 32100 check character. */
export function withUsccCheck(body17: string): string {
  const sum = [...body17].reduce((acc, ch, i) => acc + usccAlphabet.indexOf(ch) * (usccWeights[i] ?? 0), 0);
  return body17 + (usccAlphabet[(31 - (sum % 31)) % 31] ?? '0');
}

/**
 * A complete, valid import declaration (fresh apples from the US through
 * Yangshan, CIF), every element the catalog requires for declaring filled with
 * a value from the official code tables. Tests change one field to provoke a
 * finding.
 */
export function sampleDoc(): DeclarationDoc {
  const trade = withUsccCheck('91310115MA1K4ABC2');
  const agent = withUsccCheck('91310000132211111');
  return {
    head: {
      IEFlag: 'I',
      Type: 'SW',
      AgentCode: '3122480063',
      AgentName: '上海洋山报关有限公司',
      BillNo: 'COSU6123456780',
      ContrNo: 'SH-APL-2026-001',
      CustomMaster: '2248',
      DistinatePort: 'USA000',
      GrossWet: '1200.5',
      NetWt: '1100',
      IEPort: '2248',
      OwnerName: '上海测试贸易有限公司',
      PackNo: '100',
      TradeCode: '3122460001',
      TradeCountry: 'USA',
      TradeMode: '0110',
      TradeName: '上海测试贸易有限公司',
      TrafMode: '2',
      TransMode: '1',
      WrapType: '22',
      EdiId: '1',
      CopName: '上海洋山报关有限公司',
      CopCode: '312248006',
      EntryType: 'M',
      TypistNo: '8930000012345',
      InputerName: '张三',
      DeclTrnRel: '0',
      OwnerCodeScc: trade,
      AgentCodeScc: agent,
      TradeCoScc: trade,
      PromiseItmes: '00000',
      TradeAreaCode: 'USA',
      DespPortCode: 'USA000',
      EntyPortCode: '310001',
      GoodsPlace: '洋山港区冷链查验场',
      DeclareName: '李四',
    },
    lines: [
      {
        CodeTS: '0808100000',
        GName: '鲜苹果',
        GModel: '0|0|鲜|富士|一级|无品牌',
        DeclPrice: '1.5',
        DeclTotal: '1500',
        TradeCurr: 'USD',
        GQty: '1000',
        GUnit: '035',
        FirstQty: '1000',
        FirstUnit: '035',
        DutyMode: '1',
        OriginCountry: 'USA',
        DestinationCountry: 'CHN',
        DistrictCode: '31222',
      },
    ],
    tables: {},
  };
}

export function samplePayload(change?: (doc: DeclarationDoc) => void): DecPayload {
  const doc = sampleDoc();
  change?.(doc);
  return { ieFlag: 'I', doc };
}

/** The same goods exported FOB (an export under CIF would need freight and insurance). */
export function sampleExportPayload(): DecPayload {
  const doc = sampleDoc();
  doc.head.IEFlag = 'E';
  doc.head.TransMode = '3';
  return { ieFlag: 'E', doc };
}
