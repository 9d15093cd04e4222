import type { ExtractionMismatch, ProposedLineField } from '../../../shared/extract/document';
import type { HeadField } from './review-model';

// The review screen's wording in Chinese; messages-en.ts has the same keys.

/** The totals a mismatch may name besides a line's fields. */
const totalsZh: Record<string, string> = {
  quantity: '数量',
  amount: '总价',
  packages: '件数',
  netWeight: '净重',
  grossWeight: '毛重',
};

const fieldsZh: Record<ProposedLineField, string> = {
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

export const extractZh = {
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
  fields: fieldsZh,
  heads: {
    ContrNo: '合同协议号（发票号）',
    TransMode: '成交方式（贸易术语）',
    PackNo: '件数',
    GrossWet: '毛重',
    NetWt: '净重',
  } satisfies Record<HeadField, string>,
  mismatch(m: ExtractionMismatch): string {
    const label = fieldsZh[m.field as ProposedLineField] ?? totalsZh[m.field] ?? m.field;
    const line = m.line !== undefined ? `第 ${m.line + 1} 项` : '';
    if (m.kind === 'total') return `${label}合计：单据为 ${m.expected}，各行相加为 ${m.actual}`;
    if (m.kind === 'line-arithmetic') return `${line}：${label}为 ${m.expected}，数量 × 单价为 ${m.actual}`;
    if (m.kind === 'invoice-vs-packing') return `${line}${label}：发票为 ${m.expected}，装箱单为 ${m.actual}`;
    if (m.kind === 'rows-after-totals') {
      // Rows the parser did not read: the document and page they stand on, and how many.
      const where = [m.fileName, m.box ? `第 ${m.box.page + 1} 页` : ''].filter(Boolean).join(' ');
      return `${where}：合计行之后还有 ${m.expected} 行像是商品行，未读入，请对照原件核对`;
    }
    return `${line}（${m.actual}）在另一份单据中没有对应的行`;
  },
  written: (n: number, seq: string) => `已从单据写入 ${n} 项商品到报关单 ${seq}`,
  writtenHead: '已写入所选表头值',
  undo: '撤销',
  dismiss: '隐藏',
  undone: '已撤销从单据写入的内容',
  refused: (n: number) => `有 ${n} 处错误，未写入任何内容：`,
};

export type ExtractMessages = typeof extractZh;
