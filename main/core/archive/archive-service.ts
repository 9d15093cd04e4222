import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ArchiveImportResult } from '../../../shared/api';
import { AppError, reasonIssue } from '../../../shared/api';
import type { RecordProblem } from '../../../shared/api/reasons/archive';
import { openSqlite } from '../../db/sqlite';
import { declarationDocSchema, rowSchema } from '../../../shared/catalog';
import type { Db } from '../../db/connection';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { attachmentBlobDir, createBlobStore, sha256Of } from '../attachments/blob-store';
import { settleJournal, stampOf } from '../backup/backup-files';
import { readArchiveFile, writeArchiveFile } from './archive-file';
import type { ArchiveRecord } from './archive-records';
import { archiveRecordSchema, readArchiveRecords } from './archive-records';
import type { ArchivedCodeTable } from './archive-import';
import { createArchiveImporter } from './archive-import';

export interface ArchiveDeps {
  db: Db;
  dataDir: string;
  appVersion: string;
  schemaVersion: () => number;
  /** Installs an imported code table through the code-table store (so its lookups refresh). */
  installCodeTable(content: ArchivedCodeTable): void;
}

const APPLY_BATCH = 500;

/** Checks the JSON inside a record (documents and rows) that the record schema keeps as text. */
/** What in a well-shaped record is not what SW Desk writes: its kind, and the specifics for 详情. */
function checkContent(record: ArchiveRecord): { kind: RecordProblem; detail: string } | null {
  try {
    if (record.t === 'declaration') {
      if (!rowSchema.safeParse(JSON.parse(record.row.head)).success)
        return { kind: 'declaration-head', detail: 'its head is not a declaration head' };
      for (const r of record.rows)
        if (!rowSchema.safeParse(JSON.parse(r.data)).success)
          return { kind: 'declaration-row', detail: `its ${r.tbl} row ${r.seq} is not a declaration row` };
    }
    if (record.t === 'template' && !declarationDocSchema.safeParse(JSON.parse(record.doc)).success)
      return { kind: 'template', detail: `template ${record.name} is not a declaration document` };
    if (record.t === 'product' && !rowSchema.safeParse(JSON.parse(record.data)).success)
      return { kind: 'product', detail: `product ${record.g_name || record.id} does not hold goods-line values` };
    if (
      record.t === 'profileDefaults' &&
      [record.head, record.line, record.import_head, record.import_line, record.export_head, record.export_line].some(
        (v) => !rowSchema.safeParse(JSON.parse(v)).success,
      )
    ) {
      return { kind: 'defaults', detail: 'its default values are not field values' };
    }
  } catch {
    return { kind: 'not-json', detail: 'it holds text that is not JSON' };
  }
  return null;
}

/**
 * Everything the desk holds — declarations with their revisions, receipts and settled
 * submissions, templates, imported code tables, operator profiles with their default values,
 * the party and product libraries — to one archive file, and
 * back in on another machine. Keys and the hub connection are not exported: a new machine
 * enrols with its own key. Importing merges: what is already here is kept, so importing the
 * same archive twice adds nothing the second time.
 */
export function createArchiveService(ctx: CoreContext, deps: ArchiveDeps) {
  const blobs = createBlobStore(attachmentBlobDir(deps.dataDir));

  /**
   * The records, then each attached file they name once by its SHA-256 (the bytes read from the data folder, checked
   * against their name): a file missing or altered here is refused by name rather than exported without it.
   */
  function* withFiles(records: Iterable<ArchiveRecord>, counted: (r: ArchiveRecord) => void): Generator<ArchiveRecord> {
    const named = new Map<string, { edocId: string; fileName: string }>();
    for (const r of records) {
      if (r.t === 'declaration')
        for (const a of r.attachments)
          if (!named.has(a.sha256)) named.set(a.sha256, { edocId: a.edoc_id, fileName: a.file_name });
      counted(r);
      yield r;
    }
    for (const [sha256, file] of named) {
      const bytes = blobs.read(sha256);
      if (!bytes) throw new AppError('archive.export-file-missing', file);
      const record: ArchiveRecord = { t: 'file', sha256, size: bytes.length, data: bytes.toString('base64') };
      counted(record);
      yield record;
    }
  }

  async function exportTo(file: string, overwrite: boolean) {
    const dir = path.dirname(file);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      const params = { file, folder: dir };
      throw new AppError('archive.no-folder', params, [reasonIssue('path', 'archive.no-folder', params)]);
    }
    if (fs.existsSync(file) && !overwrite)
      throw new AppError('archive.file-exists', { file }, [reasonIssue('path', 'archive.file-exists', { file })]);
    // Read from a snapshot (the online backup API, which lets the app keep working while it
    // copies), so the archive is one consistent moment even if the user keeps typing.
    const snapshotFile = path.join(deps.dataDir, `.archive-snapshot-${stampOf(new Date(ctx.clock.now()))}.sqlite`);
    let source: Database.Database | null = null;
    try {
      try {
        await deps.db.backup(snapshotFile);
        settleJournal(snapshotFile);
        source = openSqlite(snapshotFile, { readonly: true, fileMustExist: true });
      } catch (error) {
        // A read-only or damaged database may not copy; read it as it is.
        ctx.logger.warn('archive export reads the live database', {
          error: error instanceof Error ? error.message : String(error),
        });
        source = null;
      }
      const counts = {
        declarations: 0,
        receipts: 0,
        templates: 0,
        codeTables: 0,
        profiles: 0,
        parties: 0,
        products: 0,
        files: 0,
      };
      const count = (r: ArchiveRecord) => {
        if (r.t === 'declaration') counts.declarations++;
        else if (r.t === 'receipt') counts.receipts++;
        else if (r.t === 'template') counts.templates++;
        else if (r.t === 'codeTable') counts.codeTables++;
        else if (r.t === 'profile') counts.profiles++;
        else if (r.t === 'party') counts.parties++;
        else if (r.t === 'product') counts.products++;
        else if (r.t === 'file') counts.files++;
      };
      const manifest = {
        format: 'swdesk-archive' as const,
        version: 1 as const,
        appVersion: deps.appVersion,
        schemaVersion: deps.schemaVersion(),
        createdAt: isoAt(ctx.clock),
      };
      const { bytes } = await writeArchiveFile(file, manifest, withFiles(readArchiveRecords(source ?? deps.db), count));
      ctx.logger.info('archive exported', { file, bytes, ...counts });
      return { path: file, bytes, counts };
    } finally {
      source?.close();
      for (const f of [snapshotFile, `${snapshotFile}-wal`, `${snapshotFile}-shm`, `${snapshotFile}-journal`])
        fs.rmSync(f, { force: true });
    }
  }

  async function importFrom(file: string): Promise<ArchiveImportResult> {
    // Pass 1: the whole file is read and every record checked, each attached file against its SHA-256; nothing is
    // written.
    let records = 0;
    const named = new Map<string, { edocId: string; fileName: string }>();
    const carried = new Set<string>();
    const damaged: string[] = [];
    await readArchiveFile(file, (text, lineNo) => {
      if (lineNo === 1) return;
      let parsed: ReturnType<typeof archiveRecordSchema.safeParse>;
      try {
        parsed = archiveRecordSchema.safeParse(JSON.parse(text));
      } catch {
        throw new AppError('archive.line-not-json', { file, line: lineNo });
      }
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const detail = issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'not a record';
        throw new AppError('archive.bad-record', { file, line: lineNo, kind: 'not-a-record', detail });
      }
      const problem = checkContent(parsed.data);
      if (problem) throw new AppError('archive.bad-record', { file, line: lineNo, ...problem });
      const record = parsed.data;
      if (record.t === 'declaration')
        for (const a of record.attachments)
          if (!named.has(a.sha256)) named.set(a.sha256, { edocId: a.edoc_id, fileName: a.file_name });
      if (record.t === 'file') {
        const bytes = Buffer.from(record.data, 'base64');
        if (bytes.length === record.size && sha256Of(bytes) === record.sha256) carried.add(record.sha256);
        else damaged.push(record.sha256);
      }
      records++;
    });
    // Refused by the file's name: one whose bytes are not what its name says, and one a declaration names that is
    // neither in the archive nor here already (an archive from before files travelled names none).
    const bad = damaged[0];
    if (bad !== undefined)
      throw new AppError('archive.file-damaged', { file, ...(named.get(bad) ?? { edocId: bad, fileName: '' }) });
    for (const [sha256, attached] of named)
      if (!carried.has(sha256) && !blobs.read(sha256))
        throw new AppError('archive.file-missing', { file, ...attached });

    // Pass 2: applied in transactions of a few hundred records. Merging skips what is already
    // here, so an import stopped half-way (a full disk) completes by importing again.
    const writer = createArchiveImporter(ctx, {
      db: deps.db,
      installCodeTable: deps.installCodeTable,
      archiveName: path.basename(file),
      putFile: (bytes) => void blobs.put(bytes),
    });
    let batch: ArchiveRecord[] = [];
    const flush = ctx.db.transaction((items: ArchiveRecord[]) => {
      for (const item of items) writer.apply(item);
    });
    await readArchiveFile(file, (text, lineNo) => {
      if (lineNo === 1) return;
      batch.push(archiveRecordSchema.parse(JSON.parse(text)));
      if (batch.length >= APPLY_BATCH) {
        flush(batch);
        batch = [];
      }
    });
    flush(batch);
    const result = { path: file, ...writer.report() };
    ctx.logger.info('archive imported', {
      file,
      records,
      declarations: result.declarations,
      conflicts: result.conflicts.length,
    });
    if (result.declarations.added > 0) ctx.events.emit('declarations.changed', { ids: [] });
    return result;
  }

  return { exportTo, importFrom };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;
