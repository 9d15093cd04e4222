import { AppError } from '../api/errors';
import type { DeclarationDoc, DocumentCatalog, Row } from '../catalog';
import { findElement } from '../catalog';

/**
 * One changed field of a modification request (a DecModList row; docs/modify-cancel.md). `table` and `row` say where
 * the field is without parsing `fieldCode`: the head, or the goods line at `row` (0-based; its 项号 is row + 1).
 */
export interface DecModChange {
  no: number;
  table: 'head' | 'lines';
  row: number | null;
  /** The DecMessage element for a head field (`TradeMode`); with the 项号 for a goods line (`GModel@3`). */
  fieldCode: string;
  /** The field's Chinese name in the catalog (its element name when the catalog has none). */
  fieldName: string;
  oldValue: string;
  newValue: string;
  /** The old and new value's names in the field's code table (一般贸易 for 0110), '' when it has none. */
  oldName: string;
  newName: string;
}

/** The name of a code in a code table, when the caller has the tables at hand. */
export type CodeName = (table: string, code: string) => string | undefined;

function changedFields(
  catalog: DocumentCatalog,
  section: 'head' | 'lines',
  row: number | null,
  before: Row,
  after: Row,
  names: CodeName | undefined,
): Array<Omit<DecModChange, 'no'>> {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: Array<Omit<DecModChange, 'no'>> = [];
  for (const key of keys) {
    const oldValue = before[key] ?? '';
    const newValue = after[key] ?? '';
    if (oldValue === newValue) continue;
    const element = findElement(catalog, section, key);
    const name = (code: string) => (element?.codeTable && code !== '' ? (names?.(element.codeTable, code) ?? '') : '');
    out.push({
      table: section,
      row,
      fieldCode: row === null ? key : `${key}@${row + 1}`,
      fieldName: element?.zh ?? key,
      oldValue,
      newValue,
      oldName: name(oldValue),
      newName: name(newValue),
    });
  }
  return out;
}

/**
 * The DecModList of a modification request: every head and goods-line field that differs between the declaration as
 * declared (`before`) and the broker's edited copy (`after`), head first, then the lines in order. A modification
 * changes values only: goods lines added or removed, or a change in another table (containers, documents …), are
 * refused naming what changed, since the request could not carry it and the change would be lost.
 */
export function buildDecModList(
  catalog: DocumentCatalog,
  before: DeclarationDoc,
  after: DeclarationDoc,
  names?: CodeName,
): DecModChange[] {
  if (before.lines.length !== after.lines.length)
    throw new AppError('declarations.modify-line-count', { before: before.lines.length, after: after.lines.length });
  for (const table of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)]))
    if (JSON.stringify(before.tables[table] ?? []) !== JSON.stringify(after.tables[table] ?? []))
      throw new AppError('declarations.modify-table-changed', { table });
  const changes = [
    ...changedFields(catalog, 'head', null, before.head, after.head, names),
    ...before.lines.flatMap((line, i) => changedFields(catalog, 'lines', i, line, after.lines[i] ?? {}, names)),
  ];
  return changes.map((change, i) => ({ no: i + 1, ...change }));
}

/** `row` with `key` set to `value`, or without `key` when `value` is '' (a document stores no empty values). */
function withValue(row: Row, key: string, value: string): Row {
  return Object.fromEntries(Object.entries({ ...row, [key]: value }).filter(([k, v]) => k !== key || v !== ''));
}

/**
 * The declaration a modification request leaves: each change's NewValue put in its place ('' leaves the field
 * empty).
 */
export function applyDecModList(before: DeclarationDoc, changes: readonly DecModChange[]): DeclarationDoc {
  let head = before.head;
  const lines = [...before.lines];
  for (const change of changes) {
    if (change.table === 'head') {
      head = withValue(head, change.fieldCode, change.newValue);
      continue;
    }
    const row = change.row ?? -1;
    const line = lines[row];
    if (!line) throw new Error(`DecModList row ${change.no} names goods line ${row + 1}, not in the declaration`);
    lines[row] = withValue(line, change.fieldCode.slice(0, change.fieldCode.lastIndexOf('@')), change.newValue);
  }
  return { head, lines, tables: before.tables };
}

/** The form path of a changed field (`head.TradeMode`, `lines[2].GModel`), to label it as the form does. */
export function changePath(change: Pick<DecModChange, 'table' | 'row' | 'fieldCode'>): string {
  if (change.table === 'head') return `head.${change.fieldCode}`;
  const at = change.fieldCode.lastIndexOf('@');
  return `lines[${change.row ?? 0}].${at < 0 ? change.fieldCode : change.fieldCode.slice(0, at)}`;
}
