import { fieldError } from '../api/errors';
import type { PatchOp } from '../api/schemas';
import type { DeclarationDoc, Row } from './document';
import { parseFieldPath } from './document';
import { findElement, findSection, isSingleRowTable } from './lookup';
import type { DocumentCatalog } from './types';

/** What a patch changed: enough to write only the touched rows and to record the revision. */
export interface PatchEffect {
  headChanged: boolean;
  /** Rows changed in place, by table. */
  touchedRows: Map<string, Set<number>>;
  /** Tables whose row order or count changed (rewritten whole). */
  restructured: Set<string>;
  /** Human-auditable list of the edits. */
  changes: Array<{
    op: string;
    path?: string;
    table?: string;
    index?: number;
    to?: number;
    from?: string;
    value?: string;
  }>;
}

/** Empty values are not stored: '' and absent mean the same in the message. */
function withValue(row: Row, key: string, value: string): Row {
  if (value !== '') return { ...row, [key]: value };
  return Object.fromEntries(Object.entries(row).filter(([k]) => k !== key));
}

/** An edit the editor should never send: a program error, named in English for the diagnostics. */
function bad(message: string, path = '(ops)'): never {
  throw fieldError(path, 'declarations.bad-edit', { detail: message });
}

function repeatingSection(catalog: DocumentCatalog, table: string) {
  const section = findSection(catalog, table);
  if (!section || !section.repeats) bad(`There is no table "${table}" in a goods declaration`, table);
  return section;
}

/** A table section a `set` may address: a repeating one, or a single-row block at index 0. */
function tableSection(catalog: DocumentCatalog, table: string, index: number, path: string) {
  const section = findSection(catalog, table);
  if (!section || section.id === 'head') bad(`There is no table "${table}" in a goods declaration`, path);
  if (isSingleRowTable(section) && index !== 0)
    bad(`"${section.en}" (${section.zh}) appears once: use ${table}[0]`, path);
  return section;
}

function checkRow(catalog: DocumentCatalog, table: string, row: Row): Row {
  for (const key of Object.keys(row)) {
    if (!findElement(catalog, table, key)) bad(`Table "${table}" has no field "${key}"`, `${table}.${key}`);
  }
  return { ...row };
}

/**
 * Applies edit operations to a copy of the document. Unknown fields, tables or
 * rows are refused with an error that names them, and nothing is applied.
 */
export function applyPatch(
  catalog: DocumentCatalog,
  input: DeclarationDoc,
  ops: readonly PatchOp[],
): { doc: DeclarationDoc; effect: PatchEffect } {
  const doc: DeclarationDoc = {
    head: { ...input.head },
    lines: input.lines.map((r) => ({ ...r })),
    tables: Object.fromEntries(Object.entries(input.tables).map(([k, rows]) => [k, rows.map((r) => ({ ...r }))])),
  };
  const effect: PatchEffect = { headChanged: false, touchedRows: new Map(), restructured: new Set(), changes: [] };
  const rowsFor = (table: string): Row[] => {
    if (table === 'lines') return doc.lines;
    return (doc.tables[table] ??= []);
  };

  for (const op of ops) {
    switch (op.op) {
      case 'set': {
        const path = parseFieldPath(op.path);
        if (!path) bad(`"${op.path}" is not a field path (expected head.Element or table[index].Element)`, op.path);
        const section = path.kind === 'head' ? 'head' : path.table;
        if (!findElement(catalog, section, path.element))
          bad(`There is no field "${path.element}" in ${section}`, op.path);
        if (path.kind === 'head') {
          const from = doc.head[path.element] ?? '';
          if (from === op.value) break;
          doc.head = withValue(doc.head, path.element, op.value);
          effect.headChanged = true;
          effect.changes.push({ op: 'set', path: op.path, from, value: op.value });
        } else {
          const section = tableSection(catalog, path.table, path.index, op.path);
          const rows = rowsFor(path.table);
          // A single-row block (DecFreeTxt, DecSign …) comes into being with its first value.
          if (isSingleRowTable(section) && rows.length === 0) rows.push({});
          const row = rows[path.index];
          if (!row) bad(`Row ${path.index + 1} of "${path.table}" does not exist`, op.path);
          const from = row[path.element] ?? '';
          if (from === op.value) break;
          rows[path.index] = withValue(row, path.element, op.value);
          // Clearing a block's last value removes the block: its stored row must go too.
          if (isSingleRowTable(section) && Object.keys(rows[path.index] ?? {}).length === 0)
            effect.restructured.add(path.table);
          const touched = effect.touchedRows.get(path.table) ?? new Set<number>();
          touched.add(path.index);
          effect.touchedRows.set(path.table, touched);
          effect.changes.push({ op: 'set', path: op.path, from, value: op.value });
        }
        break;
      }
      case 'insertRow': {
        const section = repeatingSection(catalog, op.table);
        const rows = rowsFor(op.table);
        const max = section.maxRows ?? 999;
        if (rows.length >= max) throw fieldError(op.table, 'declarations.table-full', { table: section.id, max });
        const index = op.index ?? rows.length;
        if (index > rows.length)
          bad(`Cannot insert at row ${index + 1}: "${op.table}" has ${rows.length} rows`, op.table);
        rows.splice(index, 0, checkRow(catalog, op.table, op.row ?? {}));
        effect.restructured.add(op.table);
        effect.changes.push({ op: 'insertRow', table: op.table, index });
        break;
      }
      case 'removeRow': {
        repeatingSection(catalog, op.table);
        const rows = rowsFor(op.table);
        if (op.index >= rows.length) bad(`Row ${op.index + 1} of "${op.table}" does not exist`, op.table);
        rows.splice(op.index, 1);
        effect.restructured.add(op.table);
        effect.changes.push({ op: 'removeRow', table: op.table, index: op.index });
        break;
      }
      case 'moveRow': {
        repeatingSection(catalog, op.table);
        const rows = rowsFor(op.table);
        if (op.from >= rows.length || op.to >= rows.length)
          bad(`Cannot move row ${op.from + 1} to ${op.to + 1}: "${op.table}" has ${rows.length} rows`, op.table);
        const [moved] = rows.splice(op.from, 1);
        if (moved) rows.splice(op.to, 0, moved);
        effect.restructured.add(op.table);
        effect.changes.push({ op: 'moveRow', table: op.table, index: op.from, to: op.to });
        break;
      }
    }
  }
  // Empty tables are not kept; nor is a single-row block whose last value was cleared.
  doc.tables = Object.fromEntries(
    Object.entries(doc.tables)
      .map(([table, rows]): [string, Row[]] => {
        const section = findSection(catalog, table);
        return [table, section && isSingleRowTable(section) ? rows.filter((r) => Object.keys(r).length > 0) : rows];
      })
      .filter(([, rows]) => rows.length > 0),
  );
  return { doc, effect };
}
