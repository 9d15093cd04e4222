import { useUi } from '../../state/ui-store';

// The 代码表 settings screen's wording, beside it.

const zh = {
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
  columns: '识别的列',
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

export type CodeTablesMessages = typeof zh;

const en: CodeTablesMessages = {
  tab: 'Code tables',
  intro:
    'The built-in tables come from the official parameter tables (see each source). Import a newer official parameter file (CSV/XLSX); once connected, the exchange hub’s tables arrive on connecting and on Sync. The newest table wins.',
  table: 'Table',
  version: 'Version',
  rows: 'Rows',
  origin: 'From',
  date: 'Date',
  complete: 'Complete',
  yes: 'Complete',
  partial: 'Partial',
  none: 'Not installed',
  builtin: 'Built in',
  importedOrigin: 'Imported',
  hub: 'Exchange hub',
  importTitle: 'Import an official parameter file',
  importInto: 'Import into',
  chooseFile: 'Parameter file (CSV/XLSX)',
  wholeTable: 'The file is the whole official table (a code it lacks does not exist)',
  previewOf: (file, rows) => `“${file}”: ${rows.toLocaleString('en')} rows`,
  columns: 'Columns read',
  sample: 'First rows',
  code: 'Code',
  name: 'Name',
  diff: (d) =>
    `Against the table in use: ${d.added} added, ${d.removed} removed, ${d.changed} changed, ${d.unchanged} unchanged`,
  current: (version, rows) => (version ? `In use: ${version} (${rows.toLocaleString('en')} rows)` : 'In use: none'),
  problems: (n) => `${n} problems: the file cannot be imported (all or nothing) — correct it and choose it again`,
  moreProblems: (n) => `… and ${n} more`,
  line: (n) => (n > 0 ? `Line ${n}` : 'File'),
  doImport: 'Import',
  cancel: 'Cancel',
  reading: 'Reading…',
  importing: 'Importing…',
  imported: (table, rows, d) =>
    `Imported ${table}: ${rows.toLocaleString('en')} rows (${d.added} added, ${d.removed} removed, ${d.changed} changed). Open declarations were checked again.`,
  unchanged: (table) => `${table} already holds what the file holds; nothing changed`,
  restore: 'Use built-in',
  restoreLabel: (table) => `Remove the imported ${table} and use the built-in table`,
  restored: (table) => `${table}: the built-in table is in use again`,
};

export const codeTablesMessages = { 'zh-CN': zh, en } as const;

export function useCodeTablesT(): CodeTablesMessages {
  return codeTablesMessages[useUi((s) => s.locale)];
}
