import type { ExtractionMismatch, ProposedLineField } from '../../../shared/extract/document';
import { useUi } from '../../state/ui-store';
import type { HeadField } from './review-model';

// The review screen's own wording, zh-CN and en.

type Fields = Record<ProposedLineField, string>;
type Heads = Record<HeadField, string>;
const totals: Record<string, [string, string]> = {
  quantity: ['数量', 'quantity'],
  amount: ['总价', 'amount'],
  packages: ['件数', 'packages'],
  netWeight: ['净重', 'net weight'],
  grossWeight: ['毛重', 'gross weight'],
};

const zhFields: Fields = {
  GName: '商品名称',
  GNameEn: '英文品名',
  GModel: '规格型号',
  GQty: '数量',
  GUnit: '单位',
  DeclPrice: '单价',
  DeclTotal: '总价',
  TradeCurr: '币制',
  OriginCountry: '原产国',
  NetWt: '净重',
  GrossWt: '毛重',
  CodeTS: '商品编号',
};
const enFields: Fields = {
  GName: 'Goods name',
  GNameEn: 'English name',
  GModel: 'Specification',
  GQty: 'Quantity',
  GUnit: 'Unit',
  DeclPrice: 'Unit price',
  DeclTotal: 'Amount',
  TradeCurr: 'Currency',
  OriginCountry: 'Origin',
  NetWt: 'Net wt',
  GrossWt: 'Gross wt',
  CodeTS: 'HS code',
};

const zh = {
  menu: '从发票/装箱单识别商品…',
  title: '从发票和装箱单识别商品',
  choose: '选择发票、装箱单（PDF、JPG、PNG、TIFF，可多选；Excel 转到列对应导入）',
  reading: (file: string, page: number, pages: number) =>
    pages > 0 ? `正在读取 ${file}：第 ${page} / ${pages} 页` : `正在打开 ${file}`,
  ocr: (percent: number) => `文字识别 ${percent}%`,
  cancel: '取消识别',
  cancelled: '已取消识别，未提出任何内容',
  page: (file: string, page: number, pages: number) => `${file} 第 ${page} / ${pages} 页`,
  prevPage: '上一页',
  nextPage: '下一页',
  picture: (file: string, page: number) => `${file} 第 ${page} 页的图像`,
  lines: '识别出的商品',
  accept: '接受',
  discard: '取消',
  acceptLine: (n: number) => `接受第 ${n} 项`,
  acceptAll: '全部接受',
  fromLibrary: '商品库',
  fromLibraryTitle: '由商品库中以前放行的同名商品提出，并非从单据读出',
  head: '表头',
  takeHead: (label: string) => `采用${label}`,
  checks: '核对',
  noMismatch: '各行与单据合计一致',
  doubtfulBadge: '待核对',
  doubtful: '识别把握不高，请对照原件核对',
  doubtfulValue: (where: string, value: string) => `${where} ${value}：识别把握不高，请对照原件核对`,
  lineField: (line: number, field: string) => `第 ${line} 项${field}`,
  fields: zhFields,
  heads: {
    ContrNo: '合同协议号（发票号）',
    TransMode: '成交方式（贸易术语）',
    PackNo: '件数',
    GrossWet: '毛重',
    NetWt: '净重',
  } satisfies Heads,
  mismatch(m: ExtractionMismatch): string {
    const label = zhFields[m.field as ProposedLineField] ?? totals[m.field]?.[0] ?? m.field;
    const line = m.line !== undefined ? `第 ${m.line + 1} 项` : '';
    if (m.kind === 'total') return `${label}合计：单据为 ${m.expected}，各行相加为 ${m.actual}`;
    if (m.kind === 'line-arithmetic') return `${line}：${label}为 ${m.expected}，数量 × 单价为 ${m.actual}`;
    if (m.kind === 'invoice-vs-packing') return `${line}${label}：发票为 ${m.expected}，装箱单为 ${m.actual}`;
    return `${line}（${m.actual}）在另一份单据中没有对应的行`;
  },
  written: (n: number, seq: string) => `已从单据写入 ${n} 项商品到报关单 ${seq}`,
  writtenHead: '已写入所选表头值',
  undo: '撤销',
  dismiss: '隐藏',
  undone: '已撤销从单据写入的内容',
  refused: (n: number) => `有 ${n} 处错误，未写入任何内容：`,
};

const en: typeof zh = {
  menu: 'Goods lines from an invoice / packing list…',
  title: 'Goods lines from the invoice and packing list',
  choose:
    'Choose the invoice and packing list (PDF, JPG, PNG, TIFF; several at once; Excel goes to the column mapping)',
  reading: (file, page, pages) => (pages > 0 ? `Reading ${file}: page ${page} of ${pages}` : `Opening ${file}`),
  ocr: (percent) => `Text recognition ${percent}%`,
  cancel: 'Cancel',
  cancelled: 'Reading was cancelled; nothing was proposed',
  page: (file, page, pages) => `${file} page ${page} of ${pages}`,
  prevPage: 'Previous page',
  nextPage: 'Next page',
  picture: (file, page) => `Picture of ${file} page ${page}`,
  lines: 'Goods lines found',
  accept: 'Accept',
  discard: 'Cancel',
  acceptLine: (n) => `Accept line ${n}`,
  acceptAll: 'Accept all',
  fromLibrary: 'Library',
  fromLibraryTitle: 'Proposed by the product library from a product of that name released before, not read',
  head: 'Head',
  takeHead: (label) => `Take ${label}`,
  checks: 'Checks',
  noMismatch: 'The lines agree with the totals on the documents',
  doubtfulBadge: 'check',
  doubtful: 'Read with low certainty: check it against the document',
  doubtfulValue: (where, value) => `${where} ${value}: read with low certainty, check it against the document`,
  lineField: (line, field) => `Line ${line} ${field.toLowerCase()}`,
  fields: enFields,
  heads: {
    ContrNo: 'Contract no. (invoice no.)',
    TransMode: 'Transaction mode (Incoterm)',
    PackNo: 'Packages',
    GrossWet: 'Gross weight',
    NetWt: 'Net weight',
  },
  mismatch(m) {
    const label = enFields[m.field as ProposedLineField] ?? totals[m.field]?.[1] ?? m.field;
    const line = m.line !== undefined ? `Line ${m.line + 1}` : '';
    if (m.kind === 'total')
      return `Total ${label.toLowerCase()}: the document says ${m.expected}, the lines add up to ${m.actual}`;
    if (m.kind === 'line-arithmetic')
      return `${line}: the ${label.toLowerCase()} is ${m.expected}, quantity × unit price is ${m.actual}`;
    if (m.kind === 'invoice-vs-packing')
      return `${line} ${label.toLowerCase()}: ${m.expected} on the invoice, ${m.actual} on the packing list`;
    return `${line} (${m.actual}) has no matching line in the other document`;
  },
  written: (n, seq) => `${n} goods lines from the documents written to declaration ${seq}`,
  writtenHead: 'The chosen head values were written',
  undo: 'Undo',
  dismiss: 'Hide',
  undone: 'What was written from the documents was undone',
  refused: (n) => `${n} errors; nothing was written:`,
};

export const extractMessages = { 'zh-CN': zh, en };
export type ExtractMessages = typeof zh;

export function useXt(): ExtractMessages {
  return extractMessages[useUi((s) => s.locale)];
}
