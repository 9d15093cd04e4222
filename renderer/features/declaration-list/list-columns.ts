import type { DeclarationSummary } from '../../../shared/api';
import type { listSortKeys } from '../../../shared/api';
import type { Locale } from '../../../shared/i18n/locale';
import { statusName } from '../../../shared/status';
import { localMinute } from '../../i18n/local-time';
import type { Messages } from '../../i18n/messages';

export type SortKey = (typeof listSortKeys)[number];

/** A code's name in a code table ('' when unknown), for columns that show a code with its name. */
export type CodeNames = (table: string, code: string) => string;

export interface ListColumn {
  id: string;
  label(t: Messages): string;
  sort?: SortKey;
  text(item: DeclarationSummary, t: Messages, locale: Locale, names: CodeNames): string;
}

const noNames: CodeNames = () => '';

/** 件数/毛重 as one column: "12 件 / 1520.5 kg" (either may be missing on a draft). */
function packWeight(item: DeclarationSummary, locale: Locale): string {
  const packs = item.packNo ? (locale === 'en' ? `${item.packNo} pkg` : `${item.packNo} 件`) : '';
  const weight = item.grossWet ? `${item.grossWet} kg` : '';
  return [packs, weight].filter(Boolean).join(' / ');
}

/** The list's columns; the user picks which show (ClientSeqNo always does: it opens the declaration). */
export const listColumns: readonly ListColumn[] = [
  { id: 'clientSeqNo', label: (t) => t.clientSeqNo, sort: 'clientSeqNo', text: (i) => i.clientSeqNo },
  { id: 'ieFlag', label: (t) => t.ieFlag, text: (i, t) => (i.ieFlag === 'I' ? t.import : t.export) },
  {
    id: 'status',
    label: (t) => t.status,
    text: (i, _t, locale) => statusName(i.status, locale),
  },
  { id: 'tradeName', label: (t) => t.colTradeName, sort: 'tradeName', text: (i) => i.tradeName },
  { id: 'billNo', label: (t) => t.colBillNo, sort: 'billNo', text: (i) => i.billNo },
  { id: 'contrNo', label: (t) => t.colContrNo, sort: 'contrNo', text: (i) => i.contrNo },
  { id: 'entryId', label: (t) => t.entryId, sort: 'entryId', text: (i) => i.entryId ?? '' },
  { id: 'seqNo', label: (t) => t.seqNo, sort: 'seqNo', text: (i) => i.seqNo ?? '' },
  { id: 'lineCount', label: (t) => t.lineCount, text: (i) => String(i.lineCount) },
  {
    id: 'declaredAt',
    label: (t) => t.colDeclaredAt,
    sort: 'declaredAt',
    text: (i) => (i.declaredAt ? localMinute(i.declaredAt) : ''),
  },
  {
    id: 'tradeMode',
    label: (t) => t.colTradeMode,
    text: (i, _t, _locale, names) =>
      [i.tradeMode, i.tradeMode ? names('trade-modes', i.tradeMode) : ''].join(' ').trim(),
  },
  {
    id: 'packWeight',
    label: (t) => t.colPackWeight,
    text: (i, _t, locale) => packWeight(i, locale),
  },
  {
    id: 'inputerName',
    label: (t) => t.colInputerName,
    text: (i) => i.inputerName,
  },
  { id: 'updatedAt', label: (t) => t.updatedAt, sort: 'updatedAt', text: (i) => localMinute(i.updatedAt) },
  { id: 'createdAt', label: (t) => t.createdAt, sort: 'createdAt', text: (i) => localMinute(i.createdAt) },
];

export const defaultColumns: readonly string[] = [
  'clientSeqNo',
  'ieFlag',
  'status',
  'tradeName',
  'billNo',
  'entryId',
  'updatedAt',
];

/** The chosen columns in the list's order, ClientSeqNo first and always there. */
export function visibleColumns(chosen: readonly string[]): ListColumn[] {
  const wanted = new Set(chosen.length > 0 ? chosen : defaultColumns);
  wanted.add('clientSeqNo');
  return listColumns.filter((c) => wanted.has(c.id));
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The rows as CSV with the visible columns (UTF-8 with a BOM, so spreadsheet programs read the Chinese). */
/** The exported list's file name, dated by the machine's clock as the times in it are (not by UTC's day). */
export function csvFileName(now: Date): string {
  return `declarations-${localMinute(now.toISOString()).slice(0, 10)}.csv`;
}

export function toCsv(
  items: readonly DeclarationSummary[],
  columns: readonly ListColumn[],
  t: Messages,
  locale: Locale,
  names: CodeNames = noNames,
): string {
  const lines = [columns.map((c) => csvCell(c.label(t))).join(',')];
  for (const item of items) lines.push(columns.map((c) => csvCell(c.text(item, t, locale, names))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
