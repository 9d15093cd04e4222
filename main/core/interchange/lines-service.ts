import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { LineImportReport, LineProfile, LineSource, MethodParsedInput, PatchOp } from '../../../shared/api';
import { AppError, lineProfileSchema } from '../../../shared/api';
import type { DeclarationDoc, DocumentCatalog, Row } from '../../../shared/catalog';
import { MAX_LINES } from '../../../shared/catalog';
import type {
  CodeFinder,
  LineMapped,
  LineMapping,
  LinePlacement,
  LineProblem,
  SourceLine,
} from '../../../shared/interchange/lines';
import {
  cellValue,
  checkLines,
  checkMapping,
  columnLetter,
  lineOps,
  lineTargets,
  linesAfter,
  mapLineCodes,
  mappedFields,
  noRowsProblem,
  placedRows,
  readLines,
  remapByHeaders,
  suggestMapping,
  tooManyLines,
  withoutRefusedCells,
} from '../../../shared/interchange/lines';
import { isEditable } from '../../../shared/status';
import type { CodeLookup } from '../../../shared/validation';
import { chinaDate } from '../../../shared/validation';
import type { DeclarationsRepo, StoredDeclaration } from '../../db/repositories/declarations-repo';
import type { SettingsRepo } from '../../db/repositories/settings-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { createLifecycle } from '../lifecycle/lifecycle';
import { newClientSeqNo } from '../declarations/client-seq-no';
import type { DeclarationService } from '../declarations/declaration-service';
import { readLineSource } from './line-sources';

const PROFILES_KEY = 'interchange.lineProfiles';
/** A report lists this many problems of each kind; the counts say how many there were. */
const MAX_LISTED = 500;
/** Head values a split copies from the declaration named, without its identifiers. */
const NOT_COPIED = new Set(['SeqNo', 'EntryId', 'PreEntryId']);

/**
 * Goods lines from spreadsheets and the clipboard. `preview` is the mapping step (sheets, header
 * row, columns with samples, a mapping from the customer's saved profile or guessed from the
 * headers); `importLines` reads every row, checks every row with the validation engine, and
 * writes all of them in one transaction — or, when any row fails, nothing, with a report naming
 * each failed row, column and reason.
 */
export function createLinesInterchange(
  ctx: CoreContext,
  deps: {
    repo: DeclarationsRepo;
    declarations: DeclarationService;
    settings: SettingsRepo;
    catalog: DocumentCatalog;
    codes: () => CodeLookup;
    /** Names and codes as a sheet writes them, found in the code tables (see CodeFinder). */
    finder: CodeFinder;
  },
) {
  const { repo, catalog, settings } = deps;

  // The mapping step and the import read the same file: the sheet read for one is kept for the
  // other (the last two files, by content), so a workbook is parsed once.
  const sheetCache = new Map<string, Awaited<ReturnType<typeof readLineSource>>>();
  async function readSource(source: LineSource, sheetName: string | null) {
    if (source.kind === 'text') return readLineSource(source, sheetName);
    const digest = createHash('sha256').update(source.contentBase64).digest('hex');
    const cached = sheetCache.get(`${digest}|${sheetName ?? ''}`);
    if (cached) return cached;
    const read = await readLineSource(source, sheetName);
    // Kept under the sheet asked for and the sheet it turned out to be (null means the first).
    sheetCache.set(`${digest}|${sheetName ?? ''}`, read);
    sheetCache.set(`${digest}|${read.sheet.name ?? ''}`, read);
    for (const old of [...sheetCache.keys()].slice(0, -4)) sheetCache.delete(old);
    return read;
  }

  const profiles = (): LineProfile[] => settings.read(PROFILES_KEY, z.array(lineProfileSchema), []);

  function saveProfile(input: { customer: string; name: string; mapping: LineMapping }): LineProfile {
    const all = profiles();
    const existing = all.find((p) => p.customer === input.customer && p.name === input.name);
    const profile: LineProfile = {
      id: existing?.id ?? uuidv7(),
      customer: input.customer,
      name: input.name,
      mapping: input.mapping,
      updatedAt: isoAt(ctx.clock),
    };
    settings.write(PROFILES_KEY, [...all.filter((p) => p.id !== profile.id), profile]);
    return profile;
  }

  function profileFor(declarationId: string | undefined): LineProfile | undefined {
    if (!declarationId) return undefined;
    const row = repo.get(declarationId);
    if (!row) return undefined;
    const head = JSON.parse(row.head) as Row;
    const names = new Set([head.TradeName, head.TradeCode, head.OwnerName].filter((v): v is string => !!v));
    return profiles()
      .filter((p) => names.has(p.customer))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  }

  function mustGet(id: string) {
    const row = repo.get(id);
    if (!row) throw new AppError('declarations.not-found', { id });
    return row;
  }

  /** Split: new drafts of at most 50 lines, each with the head of `from`, in one transaction. */
  const createSplit = ctx.db.transaction(
    (from: { doc: DeclarationDoc; ieFlag: 'I' | 'E' }, lines: Row[], fileName: string) => {
      const at = isoAt(ctx.clock);
      const head = Object.fromEntries(Object.entries(from.doc.head).filter(([k]) => !NOT_COPIED.has(k)));
      const created: LineImportReport['created'] = [];
      for (let start = 0; start < lines.length; start += MAX_LINES) {
        const chunk = lines.slice(start, start + MAX_LINES);
        const doc: DeclarationDoc = { head: { ...head, IEFlag: from.ieFlag }, lines: chunk, tables: {} };
        const id = uuidv7();
        const clientSeqNo = newClientSeqNo(new Date(ctx.clock.now()));
        repo.insert(
          {
            id,
            clientSeqNo,
            ieFlag: from.ieFlag,
            workflow: 'draft',
            status: 'draft',
            head: JSON.stringify(doc.head),
            lineCount: chunk.length,
            revision: 1,
            createdAt: at,
            updatedAt: at,
          },
          doc,
        );
        createLifecycle(repo).begin(id, 'import', {
          at,
          actor: ctx.actor(),
          changes: { format: 'lines', file: fileName, lines: chunk.length, part: created.length + 1 },
        });
        created.push({ id, clientSeqNo, lineCount: chunk.length });
      }
      return created;
    },
  );

  function report(
    partial: Partial<LineImportReport> & { rowCount: number; problems: LineProblem[]; mappedValues?: LineMapped[] },
  ): LineImportReport {
    const mapped = partial.mappedValues ?? [];
    const errors = partial.problems.filter((p) => p.severity === 'error');
    const warnings = partial.problems.filter((p) => p.severity === 'warning');
    return {
      written: partial.written ?? false,
      rowCount: partial.rowCount,
      imported: partial.imported ?? 0,
      revision: partial.revision ?? null,
      created: partial.created ?? [],
      errors: errors.slice(0, MAX_LISTED),
      errorCount: errors.length,
      warnings: warnings.slice(0, MAX_LISTED),
      warningCount: warnings.length,
      mapped: mapped.slice(0, MAX_LISTED),
      mappedCount: mapped.length,
      profileId: partial.profileId ?? null,
    };
  }

  /**
   * What an import writes once its lines are read: names mapped to codes, every line checked, the lines placed (with
   * `headOps`, in the same revision), or nothing written when any line fails.
   */
  function writeLines(
    row: StoredDeclaration,
    baseRevision: number,
    read: SourceLine[],
    mapping: LineMapping,
    placement: LinePlacement | { mode: 'split' },
    options: { fileName: string; saveProfile?: { customer: string; name: string }; headOps?: PatchOp[] },
  ): LineImportReport {
    const doc = repo.loadDoc(row);
    // Names and codes as the sheet writes them become the table's codes, each reported; what cannot be
    // mapped is refused naming its row, column and value.
    const codeMapping = mapLineCodes(catalog, read, mapping, row.ieFlag, deps.finder);
    const placed = placedRows(
      doc,
      read.map((l) => l.row),
      placement.mode === 'split' ? { mode: 'append' } : placement,
      mappedFields(mapping, row.ieFlag),
    );
    const lines = read.map((l, i) => ({ source: l.source, row: placed[i] ?? l.row }));
    const checked = checkLines(catalog, lines, {
      ieFlag: row.ieFlag,
      head: doc.head,
      mapping,
      codes: deps.codes(),
      today: chinaDate(ctx.clock.now()),
    });
    const problems = [...codeMapping.problems, ...withoutRefusedCells(checked, codeMapping.problems)].sort(
      (a, b) => (a.row ?? 0) - (b.row ?? 0),
    );
    const mappedValues = codeMapping.mapped;
    // Head values alone (an invoice's number and Incoterm accepted without its lines) are a write of their own.
    if (lines.length === 0 && (options.headOps ?? []).length === 0)
      problems.unshift(noRowsProblem('没有可导入的商品行', 'There are no goods lines to import'));
    if (placement.mode !== 'split') {
      const count = linesAfter(doc.lines.length, lines.length, placement);
      if (count > MAX_LINES) problems.unshift(tooManyLines(count, doc.lines.length));
      if (placement.mode === 'at' && placement.line > doc.lines.length) {
        problems.unshift({
          row: null,
          column: null,
          field: null,
          code: 'bad-position',
          severity: 'error',
          message: `第${placement.line + 1}项不存在（共 ${doc.lines.length} 项）`,
          messageEn: `There is no line ${placement.line + 1} (the declaration has ${doc.lines.length})`,
        });
      }
    }
    if (problems.some((p) => p.severity === 'error')) return report({ rowCount: lines.length, problems, mappedValues });

    let result: Partial<LineImportReport>;
    if (placement.mode === 'split') {
      const created = createSplit(
        { doc, ieFlag: row.ieFlag },
        lines.map((l) => l.row),
        options.fileName,
      );
      ctx.events.emit('declarations.changed', { ids: created.map((c) => c.id) });
      result = { created };
    } else {
      const ops = [
        ...lineOps(
          catalog,
          doc,
          lines.map((l) => l.row),
          placement,
        ),
        ...(options.headOps ?? []),
      ];
      const updated = deps.declarations.update({ id: row.id, baseRevision, ops });
      result = { revision: updated.revision };
    }
    const profile = options.saveProfile ? saveProfile({ ...options.saveProfile, mapping }) : undefined;
    return report({
      ...result,
      written: true,
      rowCount: lines.length,
      imported: lines.length,
      problems,
      mappedValues,
      ...(profile ? { profileId: profile.id } : {}),
    });
  }

  return {
    /** Pasted cells' names and codes in the tables' codes, as an import's (the goods grid checks and writes them). */
    mapCodes(input: { ieFlag: 'I' | 'E'; mapping: LineMapping; lines: SourceLine[] }) {
      const lines = input.lines.map((l) => ({ ...l, row: { ...l.row } }));
      const { mapped, problems } = mapLineCodes(catalog, lines, input.mapping, input.ieFlag, deps.finder);
      return { lines, mapped, problems };
    },
    profiles,
    saveProfile,
    deleteProfile(id: string): { deleted: number } {
      const all = profiles();
      const kept = all.filter((p) => p.id !== id);
      settings.write(PROFILES_KEY, kept);
      return { deleted: all.length - kept.length };
    },

    async preview(input: MethodParsedInput<'interchange.previewLines'>) {
      const profile = input.profileId
        ? profiles().find((p) => p.id === input.profileId)
        : profileFor(input.declarationId);
      if (input.profileId && !profile) throw new AppError('interchange.no-import-profile', { id: input.profileId });
      const sheetName = input.sheet ?? profile?.mapping.sheet ?? null;
      const { sheets, sheet } = await readSource(input.source, sheetName);
      const headerRow = input.headerRow ?? profile?.mapping.headerRow ?? (input.source.kind === 'text' ? 0 : 1);
      const headerCells = headerRow > 0 ? (sheet.cells[headerRow - 1] ?? []) : [];
      const width = sheet.cells.reduce((max, r) => Math.max(max, r.length), 0);
      const dataRows = sheet.cells.slice(headerRow).filter((r) => r.some((c) => cellValue(c, undefined) !== ''));
      const headers = Array.from({ length: width }, (_v, i) => cellValue(headerCells[i], undefined));
      const columns = headers.map((header, index) => ({
        index,
        letter: columnLetter(index),
        header,
        samples: dataRows.slice(0, 5).map((r) => cellValue(r[index], undefined)),
      }));
      const mappingColumns = profile
        ? remapByHeaders(profile.mapping.columns, headerRow > 0 ? headers : [])
        : suggestMapping(catalog, headers);
      return {
        sheets,
        sheet: sheet.name,
        headerRow,
        columns,
        rowCount: dataRows.length,
        mapping: { sheet: sheet.name, headerRow, columns: mappingColumns },
        profileId: profile?.id ?? null,
        targets: lineTargets(catalog),
      };
    },

    async importLines(input: MethodParsedInput<'interchange.importLines'>): Promise<LineImportReport> {
      const row = mustGet(input.declarationId);
      if (input.placement.mode !== 'split') {
        if (!isEditable(row.workflow, row.channel))
          throw new AppError('declarations.not-editable', { seqNo: row.clientSeqNo });
        if (row.revision !== input.baseRevision)
          throw new AppError('declarations.changed-before-import', {
            seqNo: row.clientSeqNo,
            revision: row.revision,
            base: input.baseRevision,
          });
      }
      const mapping: LineMapping = input.mapping;
      const mappingProblems = checkMapping(catalog, mapping);
      if (mappingProblems.length > 0) return report({ rowCount: 0, problems: mappingProblems });
      const { sheet } = await readSource(input.source, mapping.sheet);
      const read = readLines(catalog, sheet.cells, mapping, row.ieFlag);
      const fileName = input.source.kind === 'file' ? input.source.fileName : '(clipboard)';
      return writeLines(row, input.baseRevision, read, mapping, input.placement, {
        fileName,
        ...(input.saveProfile ? { saveProfile: input.saveProfile } : {}),
      });
    },

    /**
     * Lines read elsewhere (an invoice read on this machine) written as an imported sheet's are: mapped to codes,
     * checked, appended with `headOps` in one revision, or nothing written when a line fails. The caller has
     * checked the declaration's revision and state.
     */
    writeLines(input: {
      declarationId: string;
      baseRevision: number;
      lines: SourceLine[];
      mapping: LineMapping;
      fileName: string;
      headOps: PatchOp[];
    }): LineImportReport {
      return writeLines(
        mustGet(input.declarationId),
        input.baseRevision,
        input.lines,
        input.mapping,
        {
          mode: 'append',
        },
        { fileName: input.fileName, headOps: input.headOps },
      );
    },
  };
}

export type LinesInterchange = ReturnType<typeof createLinesInterchange>;
