import type { DeclarationDoc, Row } from '../../../shared/catalog';
import { countriesFromMessage, findElement, goodsDeclaration } from '../../../shared/catalog';

// The printed 报关单 (../shared/DOMAIN.md §1.8): the head's boxes row by row as the official form
// places them, the goods table, the price declarations and the declarant's block. Each box names
// the elements it prints; the form's labels turn with the direction (进境关别 / 出境关别).
// Pure data and functions, so the page renders it and the tests check it without a browser.

export type Names = (table: string, code: string) => string;

/** One box of the form: its id (the test finds it by this), label, width in 24ths, and its text. */
export interface Box {
  id: string;
  label: string;
  span: number;
  text: string[];
}

interface BoxSpec {
  id: string;
  label: { I: string; E: string };
  span: number;
  text(doc: DeclarationDoc, names: Names): string[];
}

const both = (label: string) => ({ I: label, E: label });
const v = (row: Row, xml: string) => row[xml] ?? '';

/** A code with its name when the code table knows it: 一般贸易 (0110). */
function coded(doc: DeclarationDoc, xml: string, names: Names): string {
  const code = v(doc.head, xml);
  if (code === '') return '';
  const table = findElement(goodsDeclaration, 'head', xml)?.codeTable;
  const name = table ? names(table, code) : '';
  return name ? `${name} (${code})` : code;
}

const field = (xml: string) => (doc: DeclarationDoc) => [v(doc.head, xml)];
const code = (xml: string) => (doc: DeclarationDoc, names: Names) => [coded(doc, xml, names)];
const joined = (...parts: string[]) => parts.filter((p) => p !== '').join(' ');

/** A party: name, then its codes (海关编码 / 统一社会信用代码 / 检验检疫编码) on one line. */
const party =
  (name: string, ...codes: string[]) =>
  (doc: DeclarationDoc) =>
    [v(doc.head, name), joined(...codes.map((c) => v(doc.head, c)))].filter((t) => t !== '');

/** 运费/保费/杂费: mark (rate, unit or total), amount and currency as the form writes them: 3/120/USD. */
const charge = (mark: string, rate: string, curr: string) => (doc: DeclarationDoc) => {
  const values = [v(doc.head, mark), v(doc.head, rate), v(doc.head, curr)];
  return values.every((x) => x === '') ? [] : [values.join('/')];
};

const headRows: BoxSpec[][] = [
  [
    {
      id: 'trade',
      label: { I: '境内收货人', E: '境内发货人' },
      span: 8,
      text: party('TradeName', 'TradeCode', 'TradeCoScc', 'TradeCiqCode'),
    },
    { id: 'IEPort', label: { I: '进境关别', E: '出境关别' }, span: 4, text: code('IEPort') },
    { id: 'IEDate', label: { I: '进口日期', E: '出口日期' }, span: 4, text: field('IEDate') },
    { id: 'DDate', label: both('申报日期'), span: 4, text: () => [] },
    { id: 'ManualNo', label: both('备案号'), span: 4, text: field('ManualNo') },
  ],
  [
    {
      id: 'overseas',
      label: { I: '境外发货人', E: '境外收货人' },
      span: 8,
      text: (doc) => {
        const ie = doc.head.IEFlag === 'E' ? 'E' : 'I';
        return ie === 'I'
          ? [
              joined(v(doc.head, 'OverseasConsignorEname') || v(doc.head, 'OverseasConsignorCname')),
              v(doc.head, 'OverseasConsignorCode'),
            ].filter((t) => t !== '')
          : [v(doc.head, 'OverseasConsigneeEname'), v(doc.head, 'OverseasConsigneeCode')].filter((t) => t !== '');
      },
    },
    { id: 'TrafMode', label: both('运输方式'), span: 4, text: code('TrafMode') },
    {
      id: 'TrafName',
      label: both('运输工具名称及航次号'),
      span: 4,
      text: (doc) => {
        const voyage = v(doc.tables.freeText?.[0] ?? {}, 'VoyNo');
        return [`${v(doc.head, 'TrafName')}${voyage ? `/${voyage}` : ''}`];
      },
    },
    { id: 'BillNo', label: both('提运单号'), span: 4, text: field('BillNo') },
    { id: 'GoodsPlace', label: { I: '货物存放地点', E: '货物存放地点' }, span: 4, text: field('GoodsPlace') },
  ],
  [
    {
      id: 'owner',
      label: { I: '消费使用单位', E: '生产销售单位' },
      span: 8,
      text: party('OwnerName', 'OwnerCode', 'OwnerCodeScc', 'OwnerCiqCode'),
    },
    { id: 'TradeMode', label: both('监管方式'), span: 4, text: code('TradeMode') },
    { id: 'CutMode', label: both('征免性质'), span: 4, text: code('CutMode') },
    { id: 'LicenseNo', label: both('许可证号'), span: 4, text: field('LicenseNo') },
    { id: 'DespPortCode', label: { I: '启运港', E: '启运港' }, span: 4, text: code('DespPortCode') },
  ],
  [
    { id: 'ContrNo', label: both('合同协议号'), span: 8, text: field('ContrNo') },
    { id: 'TradeAreaCode', label: both('贸易国(地区)'), span: 4, text: code('TradeAreaCode') },
    { id: 'TradeCountry', label: { I: '启运国(地区)', E: '运抵国(地区)' }, span: 4, text: code('TradeCountry') },
    { id: 'DistinatePort', label: { I: '经停港', E: '指运港' }, span: 4, text: code('DistinatePort') },
    { id: 'EntyPortCode', label: { I: '入境口岸', E: '离境口岸' }, span: 4, text: code('EntyPortCode') },
  ],
  [
    {
      id: 'WrapType',
      label: both('包装种类'),
      span: 4,
      text: (doc, names) =>
        [
          coded(doc, 'WrapType', names),
          ...(doc.tables.otherPacks ?? []).map((p) => joined(v(p, 'PackType'), v(p, 'PackQty'))),
        ].filter((t) => t !== ''),
    },
    { id: 'PackNo', label: both('件数'), span: 2, text: field('PackNo') },
    { id: 'GrossWet', label: both('毛重(千克)'), span: 3, text: field('GrossWet') },
    { id: 'NetWt', label: both('净重(千克)'), span: 3, text: field('NetWt') },
    { id: 'TransMode', label: both('成交方式'), span: 3, text: code('TransMode') },
    { id: 'Fee', label: both('运费'), span: 3, text: charge('FeeMark', 'FeeRate', 'FeeCurr') },
    { id: 'Insur', label: both('保费'), span: 3, text: charge('InsurMark', 'InsurRate', 'InsurCurr') },
    { id: 'Other', label: both('杂费'), span: 3, text: charge('OtherMark', 'OtherRate', 'OtherCurr') },
  ],
  [
    {
      id: 'licenceDocs',
      label: both('随附单证及编号'),
      span: 24,
      text: (doc) =>
        [(doc.tables.licenceDocs ?? []).map((d) => joined(v(d, 'DocuCode'), v(d, 'CertCode'))).join('；')].filter(
          (t) => t !== '',
        ),
    },
  ],
  [
    {
      id: 'marks',
      label: both('标记唛码及备注'),
      span: 24,
      text: (doc) => [v(doc.head, 'MarkNo'), v(doc.head, 'NoteS')].filter((t) => t !== ''),
    },
  ],
];

/** The goods table's columns as the form heads them (the last two turn with the direction). */
export const goodsColumns = [
  { id: 'GNo', label: both('项号'), width: 5 },
  { id: 'CodeTS', label: both('商品编号'), width: 12 },
  { id: 'GName', label: both('商品名称及规格型号'), width: 25 },
  { id: 'Qty', label: both('数量及单位'), width: 13 },
  { id: 'Price', label: both('单价/总价/币制'), width: 13 },
  { id: 'Origin', label: both('原产国(地区)'), width: 8 },
  { id: 'Destination', label: both('最终目的国(地区)'), width: 9 },
  { id: 'District', label: { I: '境内目的地', E: '境内货源地' }, width: 9 },
  { id: 'DutyMode', label: both('征免'), width: 6 },
] as const;

export type GoodsColumnId = (typeof goodsColumns)[number]['id'];

/** One goods line's cells, by column: several lines of text each, as the form stacks them. */
export function goodsCells(
  doc: DeclarationDoc,
  line: Row,
  index: number,
  names: Names,
): Record<GoodsColumnId, string[]> {
  const ie = doc.head.IEFlag === 'E' ? 'E' : 'I';
  const countries = countriesFromMessage(ie, line);
  const unit = (u: string) => (u === '' ? '' : names('units', u) || u);
  const qty = (q: string, u: string) => (q === '' && u === '' ? '' : `${q}${unit(u)}`);
  const country = (c: string) =>
    c === '' ? '' : `${names('countries', c) || ''}${names('countries', c) ? ` (${c})` : c}`;
  return {
    GNo: [String(index + 1)],
    // Each code on a line of its own: a narrow column breaks text between words, never inside a code.
    CodeTS: [v(line, 'CodeTS'), v(line, 'CiqCode')].filter((t) => t !== ''),
    GName: [v(line, 'GName'), v(line, 'GModel')].filter((t) => t !== ''),
    Qty: [
      qty(v(line, 'FirstQty'), v(line, 'FirstUnit')),
      qty(v(line, 'SecondQty'), v(line, 'SecondUnit')),
      qty(v(line, 'GQty'), v(line, 'GUnit')),
    ].filter((t) => t !== ''),
    Price: [v(line, 'DeclPrice'), v(line, 'DeclTotal'), v(line, 'TradeCurr')].filter((t) => t !== ''),
    Origin: [country(countries.origin)],
    Destination: [country(countries.destination)],
    // 境内目的地 (国内地区代码) and under it 目的地代码 (the county-level division), each with its name (产地 on exports).
    District: [
      joined(v(line, 'DistrictCode'), names('domestic-districts', v(line, 'DistrictCode'))),
      joined(v(line, 'DestCode'), names('admin-divisions', v(line, 'DestCode'))),
    ].filter((t) => t !== ''),
    DutyMode: [names('duty-modes', v(line, 'DutyMode')) || v(line, 'DutyMode')],
  };
}

/** 价格说明 (PromiseItmes): one position per statement, 1 是, 0 否, 9 or blank empty. */
export function promiseStatements(doc: DeclarationDoc): Array<{ id: string; label: string; answer: string }> {
  const items = v(doc.head, 'PromiseItmes');
  const answer = (i: number) => ({ '1': '是', '0': '否' })[items[i] ?? ''] ?? '';
  return [
    { id: 'promise1', label: '特殊关系确认', answer: answer(0) },
    { id: 'promise2', label: '价格影响确认', answer: answer(1) },
    { id: 'promise3', label: '支付特许权使用费确认', answer: answer(2) },
    { id: 'promise4', label: '公式定价确认', answer: answer(3) },
    { id: 'promise5', label: '暂定价格确认', answer: answer(4) },
    { id: 'selfTax', label: '自报自缴', answer: v(doc.head, 'Type').startsWith('Z') ? '是' : '否' },
  ];
}

/** The head's rows of boxes for this declaration's direction. */
export function headBoxes(doc: DeclarationDoc, names: Names): Box[][] {
  const ie = doc.head.IEFlag === 'E' ? 'E' : 'I';
  return headRows
    .map((row) => row.filter((box) => !(ie === 'E' && (box.id === 'GoodsPlace' || box.id === 'DespPortCode'))))
    .map((row) => {
      // Export rows without the import-only boxes spread the space they leave over the row's last box.
      const used = row.reduce((sum, b) => sum + b.span, 0);
      return row.map((box, i) => ({
        id: box.id,
        label: box.label[ie],
        span: box.span + (i === row.length - 1 ? 24 - used : 0),
        text: box.text(doc, names),
      }));
    });
}

/** Lines on the first page (below the head) and on each continuation page (续页). */
export const FIRST_PAGE_LINES = 6;
export const NEXT_PAGE_LINES = 14;

/** The goods lines of each page: the first page's few, then continuation pages. */
export function paginate<T>(lines: readonly T[]): T[][] {
  const pages: T[][] = [lines.slice(0, FIRST_PAGE_LINES)];
  for (let i = FIRST_PAGE_LINES; i < lines.length; i += NEXT_PAGE_LINES)
    pages.push(lines.slice(i, i + NEXT_PAGE_LINES));
  return pages;
}
