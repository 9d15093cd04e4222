import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { FileOutput, LibraryImportReport, LineSource, MethodParsedInput } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import type { DocumentCatalog } from '../../../shared/catalog';
import type { CodeFinder, LineMapped, LineMapping, LineProblem } from '../../../shared/interchange/lines';
import {
  cellValue,
  columnLetter,
  mapLineCodes,
  noRowsProblem,
  withoutRefusedCells,
} from '../../../shared/interchange/lines';
import type { LibraryKind, PartyInput, ProductInput, SourceRecord } from '../../../shared/libraries';
import {
  CUSTOMER,
  checkLibraryMapping,
  checkProductRows,
  dedupeProducts,
  describePartyConflict,
  libraryTargets,
  partyCells,
  partyInput,
  productCells,
  readPartyRows,
  readProductRows,
  suggestLibraryMapping,
} from '../../../shared/libraries';
import type { CodeLookup } from '../../../shared/validation';
import type { PartiesRepo } from '../../db/repositories/parties-repo';
import type { ProductsRepo } from '../../db/repositories/products-repo';
import { pinyinInitials } from '../code-tables/pinyin';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { readLineSource } from '../interchange/line-sources';
import { addTable, csv, stamp, workbook, xlsxOutput } from '../interchange/export-service';
import { findExisting, mergeParty, nameInitials, partyOf } from './party-service';
import { chinaDate } from '../../../shared/validation';
import { upsertProduct } from './product-service';

/** Rows checked between two progress reports (and two chances to cancel). */
const CHUNK = 1000;
/** A report lists this many problems of each kind; the counts say how many there were. */
const MAX_LISTED = 500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function report(
  kind: LibraryKind,
  r: {
    rowCount: number;
    problems: LineProblem[];
    written?: boolean;
    cancelled?: boolean;
    added?: number;
    updated?: number;
  },
): LibraryImportReport {
  const errors = r.problems.filter((p) => p.severity === 'error');
  const warnings = r.problems.filter((p) => p.severity === 'warning');
  return {
    kind,
    written: r.written ?? false,
    cancelled: r.cancelled ?? false,
    rowCount: r.rowCount,
    added: r.added ?? 0,
    updated: r.updated ?? 0,
    errors: errors.slice(0, MAX_LISTED),
    errorCount: errors.length,
    warnings: warnings.slice(0, MAX_LISTED),
    warningCount: warnings.length,
  };
}

/**
 * Parties and products from XLSX/CSV, the goods-line import's way: a mapping step (columns
 * guessed from the headers, every one changeable), then every row read and checked — the rows in
 * slices, reporting progress and giving a cancel its chance between them — and written all in
 * one transaction, or nothing when any row fails or the user cancels, with a report naming each
 * failed row, column and reason. Existing records are merged: a blank cell keeps what is here.
 */
/** A value turned into a code, as a note of the library import's report (it lists problems and notes). */
function mappedNote(m: LineMapped): LineProblem {
  return {
    row: m.row,
    column: m.column,
    field: m.field,
    code: 'mapped',
    severity: 'warning',
    message: `“${m.from}”已按代码表转换为 ${m.to} ${m.name}`,
    messageEn: `"${m.from}" turned into ${m.to} ${m.name} by the code tables`,
  };
}

export function createLibraryInterchange(
  ctx: CoreContext,
  deps: {
    parties: PartiesRepo;
    products: ProductsRepo;
    catalog: DocumentCatalog;
    codes: () => CodeLookup;
    /** Names and codes as a sheet writes them, found in the code tables. */
    finder: CodeFinder;
  },
) {
  const { catalog } = deps;
  const cancelled = new Set<string>();
  const running = new Set<string>();

  // The mapping step and the import read the same file: the sheet is kept for the import (last two files).
  const sheetCache = new Map<string, Awaited<ReturnType<typeof readLineSource>>>();
  async function readSource(source: LineSource, sheetName: string | null) {
    if (source.kind === 'text') return readLineSource(source, sheetName);
    const key = `${createHash('sha256').update(source.contentBase64).digest('hex')}|${sheetName ?? ''}`;
    const cached = sheetCache.get(key);
    if (cached) return cached;
    const read = await readLineSource(source, sheetName);
    sheetCache.set(key, read);
    for (const old of [...sheetCache.keys()].slice(0, -2)) sheetCache.delete(old);
    return read;
  }

  const progress = (importId: string, phase: 'read' | 'check' | 'write' | 'done', done: number, total: number) =>
    ctx.events.emit('libraries.progress', { importId, phase, done, total });

  /** Checks rows slice by slice; false when the import was cancelled meanwhile. */
  async function inSlices<T>(
    importId: string,
    rows: readonly T[],
    check: (slice: readonly T[], start: number) => void,
  ): Promise<boolean> {
    for (let start = 0; start < rows.length; start += CHUNK) {
      check(rows.slice(start, start + CHUNK), start);
      progress(importId, 'check', Math.min(rows.length, start + CHUNK), rows.length);
      await nextTurn();
      if (cancelled.has(importId)) return false;
    }
    return true;
  }

  const writeParties = ctx.db.transaction((rows: readonly SourceRecord<PartyInput>[], initials: readonly string[]) => {
    const at = isoAt(ctx.clock);
    let added = 0;
    let updated = 0;
    rows.forEach((r, i) => {
      const { row, conflict } = findExisting(deps.parties, r.input);
      if (conflict) throw new AppError('libraries.party-conflict', { row: r.source, ...conflict });
      if (row) {
        const merged = mergeParty(partyInput(row), r.input);
        deps.parties.update(
          partyOf(row.id, merged, { created: row.createdAt, updated: at }),
          merged.nameZh === r.input.nameZh ? (initials[i] ?? '') : nameInitials(merged.nameZh, merged.nameEn),
        );
        updated++;
      } else {
        deps.parties.insert(partyOf(uuidv7(), r.input, { created: at, updated: at }), initials[i] ?? '');
        added++;
      }
    });
    return { added, updated };
  });

  const writeProducts = ctx.db.transaction(
    (rows: readonly SourceRecord<ProductInput>[], initials: readonly string[]) => {
      const at = isoAt(ctx.clock);
      const counts = { added: 0, updated: 0 };
      rows.forEach(
        (r, i) => counts[upsertProduct(deps.products, { input: r.input, initials: initials[i] ?? '' }, at)]++,
      );
      return counts;
    },
  );

  async function importRows(input: MethodParsedInput<'libraries.import'>): Promise<LibraryImportReport> {
    const { kind, importId } = input;
    const mapping: LineMapping = input.mapping;
    progress(importId, 'read', 0, 0);
    const mappingProblems = checkLibraryMapping(catalog, kind, mapping);
    if (mappingProblems.length > 0) return report(kind, { rowCount: 0, problems: mappingProblems });
    const { sheet } = await readSource(input.source, mapping.sheet);
    const initials: string[] = [];
    let problems: LineProblem[];
    let rowCount: number;
    let finished: boolean;
    let write: () => { added: number; updated: number };
    if (kind === 'parties') {
      const read = readPartyRows(sheet.cells, mapping);
      problems = read.problems;
      rowCount = read.rows.length;
      finished = await inSlices(importId, read.rows, (slice) => {
        for (const r of slice) {
          const { conflict } = findExisting(deps.parties, r.input);
          if (conflict)
            problems.push({
              row: r.source,
              column: null,
              field: null,
              code: 'conflict',
              severity: 'error',
              message: `与企业库中的记录冲突：${describePartyConflict(conflict, 'zh-CN')}`,
              messageEn: `Conflicts with the library: ${describePartyConflict(conflict, 'en')}`,
            });
          initials.push(nameInitials(r.input.nameZh, r.input.nameEn));
        }
      });
      write = () => writeParties(read.rows, initials);
    } else {
      const rows = readProductRows(catalog, sheet.cells, mapping);
      // Names and codes as the sheet writes them become the table's codes (each reported as a note); what
      // cannot be mapped is refused naming row, column and value, with no other finding on that cell. A short
      // code's zeros put back (35 → 035) are not noted here: a product sheet's every row would carry one.
      const codeMapping = mapLineCodes(
        catalog,
        rows.map((r) => ({ source: r.source, row: r.input.fields })),
        { ...mapping, columns: mapping.columns.filter((c) => c.target !== CUSTOMER) },
        'I',
        deps.finder,
      );
      problems = [];
      rowCount = rows.length;
      const codes = deps.codes();
      const today = chinaDate(ctx.clock.now());
      finished = await inSlices(importId, rows, (slice) => {
        problems.push(...checkProductRows(catalog, slice, { mapping, codes, today }));
        for (const r of slice) initials.push(pinyinInitials(r.input.fields.GName ?? ''));
      });
      problems = [
        ...codeMapping.problems,
        ...withoutRefusedCells(problems, codeMapping.problems),
        ...codeMapping.mapped.map(mappedNote),
      ];
      problems.push(...dedupeProducts(rows, mapping));
      write = () => writeProducts(rows, initials);
    }
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    if (!finished) return report(kind, { rowCount, problems, cancelled: true });
    if (rowCount === 0) problems.unshift(noRowsProblem('文件中没有可导入的行', 'The file has no rows to import'));
    if (problems.some((p) => p.severity === 'error')) return report(kind, { rowCount, problems });
    progress(importId, 'write', 0, rowCount);
    const counts = write();
    ctx.events.emit('libraries.changed', { kind });
    ctx.logger.info('library imported', { kind, rows: rowCount, ...counts });
    return report(kind, { rowCount, problems, written: true, ...counts });
  }

  return {
    async preview(input: MethodParsedInput<'libraries.preview'>) {
      const { sheets, sheet } = await readSource(input.source, input.sheet ?? null);
      const headerRow = input.headerRow ?? (input.source.kind === 'text' ? 0 : 1);
      const headerCells = headerRow > 0 ? (sheet.cells[headerRow - 1] ?? []) : [];
      const width = sheet.cells.reduce((max, r) => Math.max(max, r.length), 0);
      const dataRows = sheet.cells.slice(headerRow).filter((r) => r.some((c) => cellValue(c, undefined) !== ''));
      const headers = Array.from({ length: width }, (_v, i) => cellValue(headerCells[i], undefined));
      return {
        sheets,
        sheet: sheet.name,
        headerRow,
        columns: headers.map((header, index) => ({
          index,
          letter: columnLetter(index),
          header,
          samples: dataRows.slice(0, 5).map((r) => cellValue(r[index], undefined)),
        })),
        rowCount: dataRows.length,
        mapping: { sheet: sheet.name, headerRow, columns: suggestLibraryMapping(catalog, input.kind, headers) },
        profileId: null,
        targets: libraryTargets(catalog, input.kind),
      };
    },

    async import(input: MethodParsedInput<'libraries.import'>): Promise<LibraryImportReport> {
      running.add(input.importId);
      try {
        return await importRows(input);
      } finally {
        running.delete(input.importId);
        cancelled.delete(input.importId);
        progress(input.importId, 'done', 0, 0);
      }
    },

    /** Asks a running import to stop before it writes; false when there is none (it finished, or never started). */
    cancel(importId: string): { cancelled: boolean } {
      if (!running.has(importId)) return { cancelled: false };
      cancelled.add(importId);
      return { cancelled: true };
    },

    async exportFile(kind: LibraryKind, format: 'xlsx' | 'csv'): Promise<FileOutput> {
      const targets = libraryTargets(catalog, kind);
      const header = targets.map((t) => t.zh);
      const rows =
        kind === 'parties'
          ? deps.parties.all().map((p) => partyCells(p))
          : deps.products.all().map((p) => productCells(catalog, { customer: p.customer, fields: p.fields }));
      const base = `${kind === 'parties' ? '企业库' : '商品库'}-${stamp(ctx.clock.now())}`;
      if (format === 'csv')
        return {
          fileName: `${base}.csv`,
          mimeType: 'text/csv',
          contentBase64: Buffer.from(csv([header, ...rows]), 'utf8').toString('base64'),
        };
      const book = await workbook();
      addTable(book, kind === 'parties' ? '企业库' : '商品库', header, rows);
      return xlsxOutput(book, `${base}.xlsx`);
    },
  };
}

export type LibraryInterchange = ReturnType<typeof createLibraryInterchange>;
