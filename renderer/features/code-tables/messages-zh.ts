// The 代码表 settings screen's wording in Chinese; messages-en.ts has the same keys.

export const codeTablesZh = {
  tab: '代码表',
  intro:
    '内置代码表来自官方参数表（见各表来源）。可导入更新的官方参数文件（CSV/XLSX）；连接数据交换中心后，连接和同步时会自动取回其代码表。较新的代码表优先。',
  table: '代码表',
  version: '版本',
  rows: '行数',
  origin: '来源',
  date: '日期',
  complete: '完整',
  yes: '完整',
  partial: '部分',
  none: '未安装',
  builtin: '内置',
  importedOrigin: '导入',
  hub: '数据交换中心',
  importTitle: '导入官方参数文件',
  importInto: '导入到',
  chooseFile: '参数文件 (CSV/XLSX)',
  wholeTable: '文件是完整的官方代码表（表中没有的代码即不存在）',
  previewOf: (file: string, rows: number) => `“${file}”：${rows.toLocaleString('zh-CN')} 行`,
  columns: '识别的列：',
  sample: '前几行',
  code: '代码',
  name: '名称',
  diff: (d: Diff) =>
    `与当前代码表相比：新增 ${d.added} 行，删除 ${d.removed} 行，变更 ${d.changed} 行，不变 ${d.unchanged} 行`,
  current: (version: string | null, rows: number) =>
    version ? `当前：${version}（${rows.toLocaleString('zh-CN')} 行）` : '当前：未安装',
  problems: (n: number) => `有 ${n} 处问题，不能导入（全部或全不导入）：请改正文件后重新选择`,
  moreProblems: (n: number) => `…另有 ${n} 处`,
  line: (n: number) => (n > 0 ? `第 ${n} 行` : '文件'),
  doImport: '导入',
  cancel: '取消',
  reading: '正在读取…',
  importing: '正在导入…',
  imported: (table: string, rows: number, d: Diff) =>
    `已导入${table}：${rows.toLocaleString('zh-CN')} 行（新增 ${d.added}，删除 ${d.removed}，变更 ${d.changed}）。打开的报关单已按新代码表重新检查。`,
  unchanged: (table: string) => `${table}与文件内容相同，未作改动`,
  restore: '恢复内置',
  restoreLabel: (table: string) => `删除导入的${table}，恢复内置代码表`,
  restored: (table: string) => `已恢复内置的${table}`,
};

export interface Diff {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

export type CodeTablesMessages = typeof codeTablesZh;
