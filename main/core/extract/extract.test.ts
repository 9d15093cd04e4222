import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError, ExtractProgress, MethodInput, MethodName } from '../../../shared/api';
import type { Desk } from '../../desk/open-desk';
import type { DeskFixture } from '../../../test-support/main/desk-fixture';
import { deskWithOperator } from '../../../test-support/main/desk-fixture';
import { wangFang } from '../../../test-support/main/profiles';
import {
  sampleExtraction,
  sampleInvoice,
  sampleInvoiceText,
  tinyPng,
} from '../../../test-support/shared/extract-sample';
import type { ExtractParts } from './pipeline';

const pdf = (fileName: string) => ({
  fileName,
  contentBase64: Buffer.from('%PDF-1.7\n% an invoice\n').toString('base64'),
});

describe('goods lines from an invoice: the job, accepting in one revision, undo', () => {
  let f: DeskFixture;
  let desk: Desk;
  let parts: Partial<ExtractParts>;
  /** What each page picture was asked for. */
  const drawn: { maxWidth: number; turn?: number }[] = [];
  afterEach(() => f.cleanup());

  /** The program closed and started again on the same data, with the same parts. */
  async function restart() {
    await desk.close();
    desk = f.open(f.dataDir, { extractParts: parts });
  }

  /** Parts that give the hand-made invoice; `read` may be held until the test lets it go. */
  async function open(read?: ExtractParts['read']) {
    parts = {
      read:
        read ??
        ((file, options) => {
          options.onProgress({ page: 1, pages: 1, ocr: null });
          // Read turned a quarter (its text ran sideways): the review's picture must be drawn so too.
          const pages = sampleInvoiceText.pages.map((p) => ({ ...p, rotation: 90 }));
          return Promise.resolve({ ...sampleInvoiceText, pages, fileName: file.fileName });
        }),
      parse: () => sampleInvoice,
      propose: () => sampleExtraction,
      renderPage: (_file, _page, options) => {
        drawn.push(options);
        return Promise.resolve({ png: tinyPng, width: 1, height: 1 });
      },
    };
    ({ f, desk } = await deskWithOperator(wangFang, { extractParts: parts }));
    const record = await f.call(desk, 'declarations.create', { ieFlag: 'I' });
    return record;
  }

  async function failure<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiError> {
    const result = await desk.dispatch(method, input);
    if (result.ok) throw new Error(`${method} was expected to be refused`);
    return result.error;
  }

  async function finished(jobId: string) {
    await vi.waitFor(async () => expect((await f.call(desk, 'extract.status', { jobId })).state).not.toBe('reading'));
    return f.call(desk, 'extract.status', { jobId });
  }

  const accept = (jobId: string, id: string, baseRevision: number) =>
    f.call(desk, 'extract.apply', {
      jobId,
      id,
      baseRevision,
      lines: sampleExtraction.lines.slice(0, 2).map((l) => ({
        values: Object.fromEntries(Object.entries(l.values).map(([k, v]) => [k, v.value])),
      })),
      head: { ContrNo: 'INV-2026-118', TransMode: '3' },
    });

  it('reads off the request path with progress, proposes, and writes two accepted lines and two head values in one revision that undo takes back whole', async () => {
    const record = await open();
    const progress: ExtractProgress[] = [];
    desk.subscribe((event, payload) => {
      if (event === 'extract.progress') progress.push(payload as ExtractProgress);
    });
    const { jobId } = await f.call(desk, 'extract.start', { id: record.id, files: [pdf('invoice-118.pdf')] });
    expect((await finished(jobId)).state).toBe('done');
    expect(progress.map((p) => [p.state, p.page, p.pages])).toEqual([
      ['reading', 1, 1],
      ['done', 1, 1],
    ]);
    const result = await f.call(desk, 'extract.result', { jobId });
    expect(result).toMatchObject({ declarationId: record.id, baseRevision: record.revision });
    expect(result.extraction.lines).toHaveLength(3);
    expect(result.files).toEqual([
      { fileName: 'invoice-118.pdf', pages: [{ width: 595, height: 842, kind: 'text-pdf' }] },
    ]);
    const page = await f.call(desk, 'extract.page', { jobId, file: 0, page: 0 });
    expect(Buffer.from(page.pngBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(drawn.at(-1)).toMatchObject({ turn: 90 });

    const report = await accept(jobId, record.id, record.revision);
    expect(report).toMatchObject({ written: true, imported: 2, revision: record.revision + 1, errorCount: 0 });
    const written = await f.call(desk, 'declarations.get', { id: record.id });
    expect(written.doc.lines.map((l) => [l.GName, l.DeclGoodsEname ?? '', l.GQty, l.GUnit, l.CodeTS ?? ''])).toEqual([
      ['保温杯', 'Vacuum cup', '1200', '007', '9617001100'],
      ['咖啡研磨机', '', '200', '001', ''],
    ]);
    expect(written.doc.head).toMatchObject({ ContrNo: 'INV-2026-118', TransMode: '3' });
    const timeline = await f.call(desk, 'declarations.timeline', { id: record.id });
    expect(timeline.filter((t) => t.revision === record.revision + 1)).toHaveLength(1);

    const undone = await f.call(desk, 'extract.undo', { id: record.id, revision: record.revision + 1 });
    expect(undone.revision).toBe(record.revision + 2);
    const after = await f.call(desk, 'declarations.get', { id: record.id });
    expect(after.doc.lines).toEqual([]);
    expect(after.doc.head.ContrNo).toBeUndefined();
    expect(after.doc.head.TransMode).toBe(record.doc.head.TransMode);
    expect((await failure('extract.undo', { id: record.id, revision: record.revision + 1 })).reason).toBe(
      'extract.nothing-to-undo',
    );
  });

  it('refuses to accept into a declaration changed since the review began, and to undo one changed since, writing nothing', async () => {
    const record = await open();
    const { jobId } = await f.call(desk, 'extract.start', { id: record.id, files: [pdf('invoice-118.pdf')] });
    await finished(jobId);
    const edited = await f.call(desk, 'declarations.update', {
      id: record.id,
      baseRevision: record.revision,
      ops: [{ op: 'set', path: 'head.BillNo', value: 'COSU6123456780' }],
    });
    const stale = await failure('extract.apply', {
      jobId,
      id: record.id,
      baseRevision: record.revision,
      lines: [{ values: { GName: '保温杯' } }],
    });
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      reason: 'extract.changed-since-read',
      params: { revision: edited.revision, base: record.revision },
    });
    expect((await f.call(desk, 'declarations.get', { id: record.id })).doc.lines).toEqual([]);

    const report = await accept(jobId, record.id, edited.revision);
    await f.call(desk, 'declarations.update', {
      id: record.id,
      baseRevision: report.revision ?? 0,
      ops: [{ op: 'set', path: 'head.BillNo', value: 'COSU6123456781' }],
    });
    const late = await failure('extract.undo', { id: record.id, revision: report.revision ?? 0 });
    expect(late).toMatchObject({ code: 'CONFLICT', reason: 'extract.changed-since-apply' });
    expect((await f.call(desk, 'declarations.get', { id: record.id })).doc.lines).toHaveLength(2);
  });

  it('keeps the undo with the write across a restart: the reopened desk offers it and takes the write back; an edit since makes undo refused, naming why, and no longer offered', async () => {
    const record = await open();
    const { jobId } = await f.call(desk, 'extract.start', { id: record.id, files: [pdf('invoice-118.pdf')] });
    await finished(jobId);
    expect(await f.call(desk, 'extract.lastWrite', { id: record.id })).toBeNull();
    const report = await accept(jobId, record.id, record.revision);
    const applied = report.revision ?? 0;
    await restart();
    expect(await f.call(desk, 'extract.lastWrite', { id: record.id })).toMatchObject({
      revision: applied,
      lines: 2,
      fileNames: 'invoice-118.pdf',
      current: true,
    });
    await f.call(desk, 'extract.undo', { id: record.id, revision: applied });
    const after = await f.call(desk, 'declarations.get', { id: record.id });
    expect([after.doc.lines.length, after.doc.head.ContrNo]).toEqual([0, undefined]);
    expect(await f.call(desk, 'extract.lastWrite', { id: record.id })).toBeNull();

    // Written again, then edited, then restarted: offered as no longer current, and refused saying why.
    const again = await f.call(desk, 'extract.start', { id: record.id, files: [pdf('invoice-118.pdf')] });
    await finished(again.jobId);
    const second = (await accept(again.jobId, record.id, after.revision)).revision ?? 0;
    await f.call(desk, 'declarations.update', {
      id: record.id,
      baseRevision: second,
      ops: [{ op: 'set', path: 'lines[0].GModel', value: '500ML' }],
    });
    await restart();
    expect(await f.call(desk, 'extract.lastWrite', { id: record.id })).toMatchObject({
      revision: second,
      current: false,
    });
    expect(await failure('extract.undo', { id: record.id, revision: second })).toMatchObject({
      code: 'CONFLICT',
      reason: 'extract.changed-since-apply',
      params: { revision: second + 1, applied: second },
    });
    expect((await f.call(desk, 'declarations.get', { id: record.id })).doc.lines).toHaveLength(2);
    expect(await f.call(desk, 'extract.lastWrite', { id: record.id })).toBeNull();
  });

  it('refuses bad input naming it: a file it cannot read, a spreadsheet, an unknown field, nothing accepted, a value no table has', async () => {
    const record = await open();
    const word = {
      fileName: 'notes.docx',
      contentBase64: Buffer.from('PK\u0003\u0004 a word file').toString('base64'),
    };
    expect(await failure('extract.start', { id: record.id, files: [pdf('invoice.pdf'), word] })).toMatchObject({
      code: 'BAD_INPUT',
      reason: 'extract.unsupported-file',
      params: { file: 'notes.docx' },
    });
    const sheet = { ...word, fileName: 'invoice.xlsx' };
    expect((await failure('extract.start', { id: record.id, files: [sheet] })).reason).toBe('extract.spreadsheet');

    const { jobId } = await f.call(desk, 'extract.start', { id: record.id, files: [pdf('invoice-118.pdf')] });
    await finished(jobId);
    const base = { jobId, id: record.id, baseRevision: record.revision };
    const unknown = await failure('extract.apply', { ...base, lines: [{ values: { Colour: 'red' } as never }] });
    expect(unknown.code).toBe('BAD_INPUT');
    expect(unknown.issues?.[0]?.path).toMatch(/^lines\[0\]\.values/);
    expect((await failure('extract.apply', { ...base, lines: [{ values: { GName: ' ' } }] })).reason).toBe(
      'extract.nothing-accepted',
    );
    const badUnit = await f.call(desk, 'extract.apply', {
      ...base,
      lines: [{ values: { GName: '保温杯', GQty: '10', GUnit: 'BOXES-OF-TWELVE' } }],
      head: { ContrNo: 'INV-2026-118' },
    });
    expect(badUnit).toMatchObject({ written: false, revision: null });
    expect(badUnit.errors.map((e) => [e.row, e.field])).toContainEqual([1, 'GUnit']);
    const unchanged = await f.call(desk, 'declarations.get', { id: record.id });
    expect([unchanged.revision, unchanged.doc.lines.length, unchanged.doc.head.ContrNo]).toEqual([
      record.revision,
      0,
      undefined,
    ]);
    // Head values alone are a write of their own.
    const headOnly = await f.call(desk, 'extract.apply', { ...base, lines: [], head: { ContrNo: 'INV-2026-118' } });
    expect(headOnly).toMatchObject({ written: true, imported: 0, revision: record.revision + 1 });
    expect((await f.call(desk, 'declarations.get', { id: record.id })).doc.head.ContrNo).toBe('INV-2026-118');
  });

  it('cancels a job still reading: the reader is aborted and the result is refused', async () => {
    let aborted = false;
    const record = await open(
      (_file, options) =>
        new Promise((_resolve, reject) => {
          options.onProgress({ page: 1, pages: 3, ocr: 0.25 });
          options.signal.addEventListener('abort', () => {
            aborted = true;
            reject(new DOMException('cancelled', 'AbortError'));
          });
        }),
    );
    const { jobId } = await f.call(desk, 'extract.start', { id: record.id, files: [pdf('scan.pdf')] });
    await vi.waitFor(async () => expect((await f.call(desk, 'extract.status', { jobId })).ocr).toBe(0.25));
    expect(await f.call(desk, 'extract.cancel', { jobId })).toEqual({ cancelled: true });
    expect(aborted).toBe(true);
    expect((await f.call(desk, 'extract.status', { jobId })).state).toBe('cancelled');
    expect((await failure('extract.result', { jobId })).reason).toBe('extract.cancelled');
    expect(await f.call(desk, 'extract.cancel', { jobId })).toEqual({ cancelled: false });
  });

  it('says why a file could not be read, in the job it failed', async () => {
    const record = await open(() => Promise.reject(new Error('bad xref table')));
    const { jobId } = await f.call(desk, 'extract.start', { id: record.id, files: [pdf('broken.pdf')] });
    const status = await finished(jobId);
    expect(status).toMatchObject({
      state: 'failed',
      error: { reason: 'extract.unreadable', params: { file: 'broken.pdf', detail: 'bad xref table' } },
    });
    expect((await failure('extract.result', { jobId })).reason).toBe('extract.unreadable');
  });
});
