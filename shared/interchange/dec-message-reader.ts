import type { ApiIssue } from '../api/errors';
import { AppError, fieldError, reasonIssue } from '../api/errors';
import type { ReasonArgs, ReasonKey } from '../api/reasons';
import type { DeclarationDoc, DocumentCatalog, Row, SectionDef } from '../catalog';
import { MAX_LINES, MAX_VALUE_LENGTH, childSections, isSingleRowTable, rootSections } from '../catalog';
import type { XmlElement } from './xml-tree';
import { XmlSyntaxError, hasText, parseXml } from './xml-tree';

export interface ReadResult {
  ieFlag: 'I' | 'E';
  doc: DeclarationDoc;
  /** The root's Version attribute (`Version` or `version`), null when absent. */
  version: string | null;
  /** What was read but not kept, or kept with a change (unknown elements, renumbered lines …). */
  warnings: ApiIssue[];
}

/** A record read from the file, with the records nested in it by section id. */
interface RecordNode {
  row: Row;
  nested: Map<string, RecordNode[]>;
  xmlPath: string;
  gNo?: string;
}

const MAX_ISSUES = 50;
const MAX_TABLE_ROWS = 999;

class Reader {
  readonly errors: ApiIssue[] = [];
  readonly warnings: ApiIssue[] = [];

  constructor(private readonly catalog: DocumentCatalog) {}

  error<R extends ReasonKey>(path: string, key: R, ...args: ReasonArgs<R>): void {
    if (this.errors.length < MAX_ISSUES) this.errors.push(reasonIssue(path, key, ...args));
  }

  warn<R extends ReasonKey>(path: string, key: R, ...args: ReasonArgs<R>): void {
    if (this.warnings.length < MAX_ISSUES) this.warnings.push(reasonIssue(path, key, ...args));
  }

  /** Reads one record element: values by element name, nested sections, unknown elements noted. */
  record(section: SectionDef, element: XmlElement, xmlPath: string): RecordNode {
    const node: RecordNode = { row: {}, nested: new Map(), xmlPath };
    const children = childSections(this.catalog, section.id);
    const elements = new Map(section.elements.map((e) => [e.xml, e]));
    const seen = new Set<string>();
    if (hasText(element)) this.warn(xmlPath, 'xml.text-ignored', { line: element.line, element: element.name });
    for (const child of element.children) {
      const childPath = `${xmlPath}/${child.name}`;
      const nestedSection = children.find((s) => s.xml.split('/')[0] === child.name);
      if (elements.has(child.name)) {
        if (seen.has(child.name)) {
          this.error(childPath, 'xml.duplicate-element', {
            line: child.line,
            element: child.name,
            parent: element.name,
          });
          continue;
        }
        seen.add(child.name);
        if (child.children.length > 0) {
          this.error(childPath, 'xml.not-a-value', { line: child.line, element: child.name });
          continue;
        }
        if (child.text.length > MAX_VALUE_LENGTH) {
          this.error(childPath, 'xml.value-too-long', {
            line: child.line,
            element: child.name,
            length: child.text.length,
            max: MAX_VALUE_LENGTH,
          });
          continue;
        }
        if (section.id === 'lines' && child.name === 'GNo') node.gNo = child.text;
        else if (child.text !== '') node.row[child.name] = child.text;
      } else if (nestedSection) {
        const rows = this.rows(nestedSection, child, childPath);
        node.nested.set(nestedSection.id, [...(node.nested.get(nestedSection.id) ?? []), ...rows]);
      } else {
        this.warn(childPath, 'xml.unknown-element', {
          line: child.line,
          element: child.name,
          parent: section.xml.split('/').pop() ?? section.xml,
        });
      }
    }
    return node;
  }

  /**
   * The records of a section starting at `element`, the first segment of its path: a wrapper
   * (`DecContainers` holding `Container`s) or, for one-segment paths, the record itself.
   */
  rows(section: SectionDef, element: XmlElement, xmlPath: string): RecordNode[] {
    const segments = section.xml.split('/');
    let level: Array<{ el: XmlElement; path: string }> = [{ el: element, path: xmlPath }];
    for (const name of segments.slice(1)) {
      const next: Array<{ el: XmlElement; path: string }> = [];
      for (const { el, path } of level) {
        if (hasText(el)) this.warn(path, 'xml.text-ignored', { line: el.line, element: el.name });
        let n = 0;
        for (const child of el.children) {
          if (child.name === name) next.push({ el: child, path: `${path}/${name}[${++n}]` });
          else
            this.warn(`${path}/${child.name}`, 'xml.unknown-element', {
              line: child.line,
              element: child.name,
              parent: el.name,
            });
        }
      }
      level = next;
    }
    return level.map(({ el, path }) => this.record(section, el, path));
  }
}

/** Gives nested rows the keys that tie them to their parent record, and flattens them into tables. */
function flatten(
  reader: Reader,
  catalog: DocumentCatalog,
  parentSection: string,
  parents: readonly RecordNode[],
  tables: Record<string, Row[]>,
): void {
  for (const child of childSections(catalog, parentSection)) {
    const link = child.parent;
    if (!link) continue;
    const rows: Row[] = [];
    const nodes: RecordNode[] = [];
    parents.forEach((parent, p) => {
      for (const node of parent.nested.get(child.id) ?? []) {
        for (const [childKey, parentKey] of link.keys) {
          const expected = parentKey === '#' ? String(p + 1) : (parent.row[parentKey] ?? '');
          const actual = node.row[childKey] ?? '';
          if (actual !== expected && actual !== '' && !child.elements.find((e) => e.xml === childKey)?.local) {
            reader.warn(`${node.xmlPath}/${childKey}`, 'xml.parent-key-replaced', {
              element: childKey,
              actual,
              expected,
            });
          }
          node.row =
            expected === ''
              ? Object.fromEntries(Object.entries(node.row).filter(([k]) => k !== childKey))
              : { ...node.row, [childKey]: expected };
        }
        rows.push(node.row);
        nodes.push(node);
      }
    });
    if (rows.length > 0) tables[child.id] = rows;
    flatten(reader, catalog, child.id, nodes, tables);
  }
}

/** Lines in GNo order when the file numbers them 1…n in some order; otherwise in file order, renumbered. */
function orderLines(reader: Reader, lines: RecordNode[]): RecordNode[] {
  const numbers = lines.map((l) => l.gNo ?? '');
  const isPermutation =
    numbers.every((n) => /^\d+$/.test(n)) &&
    new Set(numbers.map(Number)).size === lines.length &&
    numbers.every((n) => Number(n) >= 1 && Number(n) <= lines.length);
  if (isPermutation) return [...lines].sort((a, b) => Number(a.gNo) - Number(b.gNo));
  lines.forEach((line, i) => {
    if (line.gNo !== undefined && line.gNo !== '' && line.gNo !== String(i + 1)) {
      reader.warn(`${line.xmlPath}/GNo`, 'xml.gno-renumbered', { gNo: line.gNo ?? '', position: i + 1 });
    }
  });
  return lines;
}

/**
 * Reads a DecMessage into a declaration, driven by the catalog. Lenient where producers differ:
 * a byte-order mark, a `Version`/`version` attribute or none, a namespace prefix, sections and
 * elements in any order, empty or absent elements (both mean no value), unknown elements (kept
 * out, listed as warnings). Strict where a guess would change the declaration: the file must be
 * well-formed XML with the DecMessage root in the single window's namespace, a value element
 * must not hold elements or appear twice, IEFlag must be I or E, and the declaration must fit
 * (at most 50 lines, values of at most 4,000 characters). Every refusal is an IMPORT_FAILED
 * AppError whose issues name the element and line; nothing is returned half-read.
 *
 * Values are kept as written: the document holds the message's values (the export swap of
 * OriginCountry/DestinationCountry included), so reading and writing are exact inverses.
 */
export function readDecMessage(catalog: DocumentCatalog, text: string): ReadResult {
  const root = catalog.root;
  if (!root) throw new Error(`Catalog ${catalog.id} has no message root`);
  let tree: XmlElement;
  try {
    tree = parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw fieldError('(file)', 'xml.not-well-formed', {
      line: error.line,
      column: error.column,
      kind: error.kind,
      detail: error.message,
    });
  }
  if (tree.name !== root.xml) {
    throw fieldError(tree.name, 'xml.wrong-root', { found: tree.name, expected: root.xml });
  }
  if (tree.uri !== root.namespace) {
    throw tree.uri === ''
      ? fieldError(root.xml, 'xml.no-namespace', { element: root.xml, expected: root.namespace })
      : fieldError(root.xml, 'xml.wrong-namespace', { element: root.xml, found: tree.uri, expected: root.namespace });
  }

  const reader = new Reader(catalog);
  const version = tree.attributes.Version ?? tree.attributes.version ?? null;
  const sectionsByName = new Map(rootSections(catalog).map((s) => [s.xml.split('/')[0] ?? s.xml, s]));
  const found = new Map<string, RecordNode[]>();
  const seenSingle = new Set<string>();
  for (const child of tree.children) {
    if (child.uri !== root.namespace) {
      reader.warn(`${root.xml}/${child.name}`, 'xml.foreign-namespace', {
        line: child.line,
        element: child.name,
        namespace: child.uri,
      });
      continue;
    }
    const section = sectionsByName.get(child.name);
    if (!section) {
      reader.warn(`${root.xml}/${child.name}`, 'xml.unknown-element', {
        line: child.line,
        element: child.name,
        parent: root.xml,
      });
      continue;
    }
    const wrapped = section.xml.includes('/');
    if ((!section.repeats || wrapped) && seenSingle.has(section.id)) {
      reader.error(`${root.xml}/${child.name}`, 'xml.duplicate-section', { line: child.line, element: child.name });
      continue;
    }
    if (!section.repeats || wrapped) seenSingle.add(section.id);
    const path =
      section.repeats && !wrapped
        ? `${root.xml}/${child.name}[${(found.get(section.id)?.length ?? 0) + 1}]`
        : `${root.xml}/${child.name}`;
    found.set(section.id, [...(found.get(section.id) ?? []), ...reader.rows(section, child, path)]);
  }

  const headNode = found.get('head')?.[0];
  if (!headNode) reader.error(`${root.xml}/DecHead`, 'xml.missing-head');
  const head = headNode?.row ?? {};
  const ieFlag = head.IEFlag ?? '';
  if (headNode && ieFlag !== 'I' && ieFlag !== 'E') {
    reader.error(`${root.xml}/DecHead/IEFlag`, 'xml.bad-ie-flag', { value: ieFlag });
  }
  const lines = orderLines(reader, found.get('lines') ?? []);
  if (lines.length > MAX_LINES)
    reader.error(`${root.xml}/DecLists`, 'xml.too-many-lines', { count: lines.length, max: MAX_LINES });

  const tables: Record<string, Row[]> = {};
  for (const section of rootSections(catalog)) {
    if (section.id === 'head' || section.id === 'lines') continue;
    const rows = (found.get(section.id) ?? []).map((n) => n.row);
    // A block with every element empty is the same as no block (the writer writes it so).
    const kept = isSingleRowTable(section) ? rows.filter((r) => Object.keys(r).length > 0) : rows;
    if (isSingleRowTable(section) && kept.length > 1)
      reader.error(section.xml, 'xml.repeated-block', { element: section.xml, count: kept.length });
    if (kept.length > 0) tables[section.id] = kept;
  }
  flatten(reader, catalog, 'lines', lines, tables);
  for (const [table, rows] of Object.entries(tables)) {
    if (rows.length > MAX_TABLE_ROWS)
      reader.error(table, 'xml.too-many-rows', { table, count: rows.length, max: MAX_TABLE_ROWS });
  }

  if (reader.errors.length > 0) {
    throw new AppError('xml.cannot-import', { count: reader.errors.length }, reader.errors);
  }
  return {
    ieFlag: ieFlag as 'I' | 'E',
    doc: { head, lines: lines.map((l) => l.row), tables },
    version,
    warnings: reader.warnings,
  };
}
