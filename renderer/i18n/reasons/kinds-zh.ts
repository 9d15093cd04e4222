import type { GzipProblem, RecordProblem } from '../../../shared/api/reasons/archive';
import type { XlsxProblem } from '../../../shared/api/reasons/xlsx-problems';
import type { XmlProblem } from '../../../shared/api/reasons/xml-problems';

/** A kind in Chinese; a kind this version does not know (kept by another version) reads as `fallback`'s. */
function worded<K extends string>(table: Record<K, string>, fallback: K): (kind: string) => string {
  return (kind) => (Object.hasOwn(table, kind) ? table[kind as K] : table[fallback]);
}

/** What is wrong with a text that is not well-formed XML (shared/api/reasons/xml-problems.ts). */
export const xmlProblemZh = worded<XmlProblem>(
  {
    'unclosed-tag': '有元素没有结束标签',
    'mismatched-end-tag': '结束标签与它要结束的元素不符',
    'text-outside-root': '根元素之外还有文字或第二个元素',
    empty: '其中没有任何 XML 元素',
    'unexpected-end': 'XML 没有写完文件就结束了',
    'bad-character': '有 XML 不允许出现在该处的字符',
    'bad-entity': '有无法识别或格式不对的实体（&…;）',
    'bad-attribute': '有格式不对的属性（缺少引号、重复或没有值）',
    doctype: '含有不允许的 DOCTYPE 声明',
    'bad-namespace': '使用了未声明的命名空间前缀',
    'bad-declaration': 'XML 声明（<?xml …?>）格式不对',
    syntax: '语法错误',
  },
  'syntax',
);

/** Why a file could not be read as an .xlsx workbook (shared/api/reasons/xlsx-problems.ts). */
export const xlsxProblemZh = worded<XlsxProblem>(
  {
    empty: '文件是空的',
    encrypted: '工作簿设有密码（或是旧版 Excel 97–2003 工作簿）：请去掉密码另存为 .xlsx',
    'not-a-workbook': '它不是 Excel 工作簿，可能是改名为 .xlsx 的其他文件',
    damaged: '工作簿已损坏或不完整',
    other: '工作簿无法读取',
  },
  'other',
);

/** Why an archive could not be decompressed (shared/api/reasons/archive.ts). */
export const gzipProblemZh = worded<GzipProblem>(
  {
    'not-gzip': '它不是按归档文件的方式压缩的',
    'cut-short': '文件提前结束：复制时被截断了',
    damaged: '压缩数据已损坏',
    other: '无法解压',
  },
  'other',
);

/** Which part of an archive's record is not what SW Desk writes (shared/api/reasons/archive.ts). */
export const recordProblemZh = worded<RecordProblem>(
  {
    'not-a-record': '不是 SW Desk 写出的记录',
    'declaration-head': '报关单的表头已损坏',
    'declaration-row': '报关单的某一行已损坏',
    template: '模板不是一份报关单',
    product: '商品记录中没有商品项的值',
    defaults: '保存的默认值已损坏',
    'not-json': '含有不是 JSON 的文字',
  },
  'not-a-record',
);
