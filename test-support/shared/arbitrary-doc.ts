import fc from 'fast-check';
import type { DeclarationDoc, DocumentCatalog, ElementDef, Row, SectionDef } from '../../shared/catalog';
import { rootSections } from '../../shared/catalog';

// fast-check generators of declarations for round-trip tests (test support, not product code):
// every section of the catalog, Chinese text, characters XML must escape, line breaks (CR
// included), astral characters, and empty values (which a document does not store).

const special = ['&', '<', '>', '"', "'", '\n', '\r', '\t', ' ', '|', ',', '/', ']]>', '&amp;', '😀', '　'];

/** One character (or short sequence) of the kinds declarations hold. */
const charArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'ABCXYZabcxyz0123456789.-') },
  { weight: 3, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom(...special) },
);

export const valueArb: fc.Arbitrary<string> = fc.string({ unit: charArb, minLength: 1, maxLength: 10 });

/** A row with a random subset of the section's elements filled (none of `skip`). */
function rowArb(section: SectionDef, skip: ReadonlySet<string> = new Set()): fc.Arbitrary<Row> {
  const defs = section.elements.filter((e: ElementDef) => !e.local && !skip.has(e.xml));
  const entries = Object.fromEntries(defs.map((e) => [e.xml, valueArb]));
  return fc.record(entries, { requiredKeys: [] }) as fc.Arbitrary<Row>;
}

interface Options {
  minLines?: number;
  maxLines?: number;
  /** Every sub-table gets at least one row (true), or any number including none (false). */
  everyTable?: boolean;
}

/**
 * A declaration as the app stores it: no GNo on lines (their position is their number), nested
 * rows carrying their parent's keys and grouped in parent order, no empty values, no empty
 * tables, single blocks with at least one value.
 */
export function declarationArb(
  catalog: DocumentCatalog,
  options: Options = {},
): fc.Arbitrary<{ ieFlag: 'I' | 'E'; doc: DeclarationDoc }> {
  const sections = new Map(catalog.sections.map((s) => [s.id, s]));
  const section = (id: string): SectionDef => {
    const found = sections.get(id);
    if (!found) throw new Error(`no section ${id}`);
    return found;
  };
  const minRows = options.everyTable ? 1 : 0;
  const head = rowArb(section('head'), new Set(['IEFlag']));
  const vins = fc.array(rowArb(section('goodsLimitVins'), new Set(['LicenceNo', 'LicTypeCode'])), {
    minLength: minRows,
    maxLength: 2,
  });
  const limit = fc.record({ row: rowArb(section('goodsLimits'), new Set(['GoodsNo'])), vins });
  const line = fc.record({
    row: rowArb(section('lines'), new Set(['GNo'])),
    limits: fc.array(limit, { minLength: minRows, maxLength: 2 }),
    controls: fc.array(rowArb(section('controlModels')), { minLength: minRows, maxLength: 2 }),
  });
  const otherTables = rootSections(catalog).filter((s) => s.id !== 'head' && s.id !== 'lines');
  const tableArbs = Object.fromEntries(
    otherTables.map((s) => [
      s.id,
      s.repeats
        ? fc.array(rowArb(s), { minLength: minRows, maxLength: 3 })
        : fc.array(rowArb(s), { minLength: minRows, maxLength: 1 }),
    ]),
  );

  return fc
    .record({
      ieFlag: fc.constantFrom('I' as const, 'E' as const),
      head,
      lines: fc.array(line, { minLength: options.minLines ?? 0, maxLength: options.maxLines ?? 4 }),
      tables: fc.record(tableArbs),
    })
    .map(({ ieFlag, head: headRow, lines, tables }) => {
      const doc: DeclarationDoc = { head: { ...headRow, IEFlag: ieFlag }, lines: [], tables: {} };
      const goodsLimits: Row[] = [];
      const goodsLimitVins: Row[] = [];
      const controlModels: Row[] = [];
      lines.forEach((l, i) => {
        doc.lines.push(l.row);
        const gNo = String(i + 1);
        l.limits.forEach((lim, k) => {
          // Licence keys unique per line, so each VIN row has exactly one parent.
          const limitRow: Row = { ...lim.row, GoodsNo: gNo, LicenceNo: `${lim.row.LicenceNo ?? 'L'}#${k}` };
          goodsLimits.push(limitRow);
          for (const vin of lim.vins) {
            const vinRow: Row = { ...vin, GoodsNo: gNo, LicenceNo: limitRow.LicenceNo ?? '' };
            if (limitRow.LicTypeCode !== undefined) vinRow.LicTypeCode = limitRow.LicTypeCode;
            goodsLimitVins.push(vinRow);
          }
        });
        for (const c of l.controls) controlModels.push({ ...c, GNo: gNo });
      });
      for (const [id, rows] of [
        ['goodsLimits', goodsLimits],
        ['goodsLimitVins', goodsLimitVins],
        ['controlModels', controlModels],
      ] as const) {
        if (rows.length > 0) doc.tables[id] = rows;
      }
      for (const s of otherTables) {
        const rows = (tables[s.id] ?? []) as Row[];
        let kept = s.repeats ? rows : rows.filter((r) => Object.keys(r).length > 0);
        const first = s.elements.find((e) => !e.local)?.xml;
        if (options.everyTable && kept.length === 0 && first) kept = [{ [first]: '值' }];
        if (kept.length > 0) doc.tables[s.id] = kept;
      }
      return { ieFlag, doc };
    });
}
