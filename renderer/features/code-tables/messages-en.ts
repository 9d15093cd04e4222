import type { CodeTablesMessages } from './messages-zh';

// The 代码表 settings screen's wording in English.

export const codeTablesEn: CodeTablesMessages = {
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
  columns: 'Columns read: ',
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
