import { z } from 'zod';

/**
 * A declaration is stored and exchanged as the DecMessage's data: every value
 * is a string keyed by its XML element name ('' means empty). Amounts and
 * quantities stay decimal strings end to end, so nothing is rounded by
 * floating point and the canonical JSON that is signed is stable.
 */
export type Row = Record<string, string>;

export interface DeclarationDoc {
  /** DecHead. */
  head: Row;
  /** DecList rows in GNo order; GNo itself is derived from the position. */
  lines: Row[];
  /**
   * Every other section by its catalog id: repeating sub-tables (containers, licenceDocs,
   * goodsLimits …) and single blocks kept as one row (freeText[0], sign[0] …); see
   * SectionDef in ./types.ts.
   */
  tables: Record<string, Row[]>;
}

export const MAX_LINES = 50;
/**
 * The longest value a field may hold: a shipping-mark image (DecMarkLob/Attachment) is up to
 * 1 MiB as base64. Ordinary fields are held to their own byte lengths by the validation engine.
 */
export const MAX_VALUE_LENGTH = 1_400_000;

export const rowSchema = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), z.string().max(MAX_VALUE_LENGTH));

export const declarationDocSchema = z.object({
  head: rowSchema,
  lines: z.array(rowSchema).max(MAX_LINES),
  tables: z.record(z.string().regex(/^[a-z][A-Za-z]*$/), z.array(rowSchema).max(999)),
});

export function emptyDoc(): DeclarationDoc {
  return { head: {}, lines: [], tables: {} };
}

export type FieldPath =
  { kind: 'head'; element: string } | { kind: 'row'; table: string; index: number; element: string };

const headPath = /^head\.([A-Za-z][A-Za-z0-9]*)$/;
const rowPath = /^([a-z][A-Za-z]*)\[(\d{1,3})\]\.([A-Za-z][A-Za-z0-9]*)$/;

/** Parses `head.TradeMode` or `lines[3].CodeTS` (0-based index); null when malformed. */
export function parseFieldPath(path: string): FieldPath | null {
  const head = headPath.exec(path);
  if (head?.[1]) return { kind: 'head', element: head[1] };
  const row = rowPath.exec(path);
  if (row?.[1] && row[2] && row[3]) return { kind: 'row', table: row[1], index: Number(row[2]), element: row[3] };
  return null;
}

export function formatFieldPath(path: FieldPath): string {
  return path.kind === 'head' ? `head.${path.element}` : `${path.table}[${path.index}].${path.element}`;
}

export function rowsOf(doc: DeclarationDoc, table: string): Row[] {
  return table === 'lines' ? doc.lines : (doc.tables[table] ?? []);
}

export function readField(doc: DeclarationDoc, path: FieldPath): string {
  if (path.kind === 'head') return doc.head[path.element] ?? '';
  return rowsOf(doc, path.table)[path.index]?.[path.element] ?? '';
}
