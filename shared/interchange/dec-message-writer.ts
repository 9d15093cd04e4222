import type { ApiIssue } from '../api/errors';
import { AppError, reasonIssue } from '../api/errors';
import type { DeclarationDoc, DocumentCatalog, Row, SectionDef } from '../catalog';
import { childSections, findSection, isSingleRowTable, rootSections, rowsOf } from '../catalog';
import { escapeAttribute, textElement, unwritableCode } from './xml-text';

export interface WriteOptions {
  /** The root's Version attribute; '3.1' as the producers we know write it (DOMAIN.md §1.2). */
  version?: string;
  /** Indent with two spaces per level (true) or write one line (false). */
  indent?: boolean;
}

/**
 * Sections written even when they hold nothing, as empty elements: the producers we know
 * (DOMAIN.md §1.0 S5) always write the head, the goods lines, containers, licence documents, the
 * free-text block and the signature block, and receivers expect to find them. Everything else
 * is written only when it has rows.
 */
const ALWAYS_WRITTEN = new Set(['head', 'lines', 'containers', 'licenceDocs', 'freeText', 'sign']);

/** Whether a nested row belongs to a parent record, by the catalog's parent keys. */
export function belongsTo(section: SectionDef, row: Row, parent: Row, parentPosition: number): boolean {
  const link = section.parent;
  if (!link) return false;
  return link.keys.every(
    ([child, key]) => (row[child] ?? '') === (key === '#' ? String(parentPosition) : (parent[key] ?? '')),
  );
}

class Writer {
  private readonly out: string[] = [];
  private readonly issues: ApiIssue[] = [];
  /** Nested rows written so far, by section: a row is written under its first matching parent only. */
  private readonly placed = new Map<string, Set<number>>();

  constructor(
    private readonly catalog: DocumentCatalog,
    private readonly doc: DeclarationDoc,
    private readonly indent: boolean,
  ) {}

  private line(depth: number, text: string): void {
    this.out.push(this.indent ? `${'  '.repeat(depth)}${text}` : text);
  }

  private value(depth: number, name: string, value: string, path: string): void {
    const code = unwritableCode(value);
    if (code !== null) {
      this.issues.push(reasonIssue(path, 'xml.unwritable-char', { field: path, char: code }));
      return;
    }
    this.line(depth, textElement(name, value));
  }

  /** One record: its elements in schema order, with nested sections at their schema position. */
  private record(section: SectionDef, name: string, row: Row, index: number, depth: number): void {
    const path = section.id === 'head' ? 'head' : `${section.id}[${index}]`;
    for (const key of Object.keys(row)) {
      if (!section.elements.some((e) => e.xml === key))
        this.issues.push(reasonIssue(`${path}.${key}`, 'xml.unknown-field', { element: section.xml, key }));
    }
    const children = childSections(this.catalog, section.id);
    this.line(depth, `<${name}>`);
    for (const def of section.elements) {
      if (!def.local) {
        // A goods line's GNo is its position: the app numbers lines, the user does not.
        const value = section.id === 'lines' && def.xml === 'GNo' ? String(index + 1) : (row[def.xml] ?? '');
        this.value(depth + 1, def.xml, value, section.id === 'head' ? `head.${def.xml}` : `${path}.${def.xml}`);
      }
      for (const child of children) if (child.parent?.after === def.xml) this.nested(child, row, index + 1, depth + 1);
    }
    this.line(depth, `</${name}>`);
  }

  private nested(section: SectionDef, parent: Row, parentPosition: number, depth: number): void {
    const placed = this.placed.get(section.id) ?? new Set<number>();
    this.placed.set(section.id, placed);
    const mine: Array<[Row, number]> = [];
    rowsOf(this.doc, section.id).forEach((row, i) => {
      if (!placed.has(i) && belongsTo(section, row, parent, parentPosition)) {
        placed.add(i);
        mine.push([row, i]);
      }
    });
    if (mine.length === 0) return;
    this.rows(section, mine, depth);
  }

  /** Rows of a section under one parent: inside their wrappers, or repeated directly when the path has one segment. */
  private rows(section: SectionDef, rows: ReadonlyArray<readonly [Row, number]>, depth: number): void {
    const segments = section.xml.split('/');
    const record = segments[segments.length - 1] ?? section.xml;
    const wrappers = segments.slice(0, -1);
    if (rows.length === 0) {
      // An empty wrapper (`<DecContainers/>`), or a single block with every element empty.
      if (wrappers.length > 0) this.line(depth, `<${wrappers[0] ?? ''}/>`);
      else this.record(section, record, {}, 0, depth);
      return;
    }
    wrappers.forEach((w, i) => this.line(depth + i, `<${w}>`));
    for (const [row, index] of rows) this.record(section, record, row, index, depth + wrappers.length);
    [...wrappers].reverse().forEach((w, i) => this.line(depth + wrappers.length - 1 - i, `</${w}>`));
  }

  write(version: string): string {
    const root = this.catalog.root;
    if (!root) throw new Error(`Catalog ${this.catalog.id} has no message root`);
    for (const table of Object.keys(this.doc.tables)) {
      const section = findSection(this.catalog, table);
      if (!section || section.id === 'head' || section.id === 'lines') {
        this.issues.push(reasonIssue(table, 'xml.unknown-table', { table }));
      } else if (isSingleRowTable(section) && (this.doc.tables[table]?.length ?? 0) > 1) {
        this.issues.push({
          path: `${table}[1]`,
          code: 'single-block',
          message: `${section.xml} appears once in a message; the declaration holds ${this.doc.tables[table]?.length} of them`,
        });
      }
    }
    this.out.push('<?xml version="1.0" encoding="UTF-8"?>');
    const versionAttr = root.attributes.find((a) => a.xml.toLowerCase() === 'version')?.xml ?? 'Version';
    this.out.push(
      `<${root.xml} xmlns="${escapeAttribute(root.namespace)}" ${versionAttr}="${escapeAttribute(version)}">`,
    );
    for (const section of rootSections(this.catalog)) {
      if (section.id === 'head') {
        this.record(section, section.xml, this.doc.head, 0, 1);
        continue;
      }
      const rows = rowsOf(this.doc, section.id);
      const written = isSingleRowTable(section) ? rows.slice(0, 1) : rows;
      if (written.length === 0 && !ALWAYS_WRITTEN.has(section.id)) continue;
      this.rows(
        section,
        written.map((row, i) => [row, i] as const),
        1,
      );
    }
    this.out.push(`</${root.xml}>`);
    this.checkPlaced();
    if (this.issues.length > 0) {
      // Rows without a parent and repeated blocks carry the declaration checks' finding codes (worded by field).
      throw new AppError('xml.cannot-write', { count: this.issues.length }, this.issues);
    }
    return `${this.out.join(this.indent ? '\n' : '')}\n`;
  }

  /** Nested rows that found no parent would silently vanish from the message: refuse them instead. */
  private checkPlaced(): void {
    for (const section of this.catalog.sections) {
      if (!section.parent) continue;
      const placed = this.placed.get(section.id) ?? new Set<number>();
      rowsOf(this.doc, section.id).forEach((_row, i) => {
        if (placed.has(i)) return;
        const [key] = section.parent?.keys[0] ?? [];
        this.issues.push({
          path: `${section.id}[${i}].${key ?? ''}`,
          code: 'no-parent-row',
          message: `${section.zh} ${section.en} row ${i + 1} belongs to no ${section.parent?.section} record`,
        });
      });
    }
  }
}

/**
 * Writes a declaration as a DecMessage, driven entirely by the catalog: every section in the
 * root's schema order, every element of a record in schema order (empty ones as `<X/>`, as
 * producers send them), nested blocks (DecGoodsLimits, DecGoodsLimitVin, DecControlModel) at
 * their place inside their parent record. The document's values are written as they are —
 * they already are the message's values (countries included, see shared/catalog/countries.ts).
 * Refuses, naming the field, what cannot be written faithfully: unknown fields or tables,
 * characters XML cannot carry, nested rows without a parent.
 */
export function writeDecMessage(catalog: DocumentCatalog, doc: DeclarationDoc, options: WriteOptions = {}): string {
  return new Writer(catalog, doc, options.indent ?? true).write(options.version ?? '3.1');
}
