import { v7 as uuidv7 } from 'uuid';
import type { ExtractProgress, ExtractResult, MethodParsedInput } from '../../../shared/api';
import { AppError, causeDetail, isAppError } from '../../../shared/api';
import type { DocumentText, Extraction } from '../../../shared/extract/document';
import { isEditable } from '../../../shared/status';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import { failureFields } from '../../logging/failure-fields';
import type { CoreContext } from '../context';
import type { ExtractFile, ExtractParts, PipelineProgress } from './pipeline';
import { checkFile, runPipeline } from './pipeline';

/** Finished jobs kept for review (a broker reviews one shipment at a time; a few windows may each have one). */
const KEPT_JOBS = 4;

export interface ExtractJob {
  id: string;
  declarationId: string;
  /** The declaration's revision when reading began: accepting refuses a declaration changed since. */
  baseRevision: number;
  files: ExtractFile[];
  progress: ExtractProgress;
  controller: AbortController;
  outcome?: { texts: DocumentText[]; extraction: Extraction } | { error: AppError };
}

/**
 * Extraction jobs: reading runs off the request path (a scanned page takes seconds), reports its progress as
 * events, and can be cancelled; its result is kept for the review until a few newer jobs replace it.
 */
export function createExtractJobs(ctx: CoreContext, deps: { repo: DeclarationsRepo; parts: ExtractParts }) {
  const jobs = new Map<string, ExtractJob>();

  function mustGet(jobId: string): ExtractJob {
    const job = jobs.get(jobId);
    if (!job) throw new AppError('extract.job-not-found', { jobId });
    return job;
  }

  function report(job: ExtractJob, change: Partial<ExtractProgress>) {
    const before = job.progress;
    job.progress = { ...before, ...change };
    // OCR reports many small steps; the broker sees whole per cents.
    const same =
      before.state === job.progress.state &&
      before.file === job.progress.file &&
      before.page === job.progress.page &&
      before.pages === job.progress.pages &&
      Math.round((before.ocr ?? -1) * 100) === Math.round((job.progress.ocr ?? -1) * 100);
    if (!same) ctx.events.emit('extract.progress', job.progress);
  }

  async function run(job: ExtractJob) {
    const onProgress = (p: PipelineProgress) =>
      report(job, {
        file: p.file,
        fileName: job.files[p.file]?.fileName ?? '',
        page: p.page,
        pages: p.pages,
        ocr: p.ocr,
      });
    try {
      const done = await runPipeline(job.files, deps.parts, { signal: job.controller.signal, onProgress });
      if (job.controller.signal.aborted) return;
      job.outcome = done;
      report(job, { state: 'done', ocr: null });
    } catch (error) {
      if (job.controller.signal.aborted) return;
      const failure = isAppError(error)
        ? error
        : new AppError('extract.unreadable', {
            file: job.progress.fileName,
            detail: causeDetail(error),
          });
      if (!isAppError(error)) ctx.logger.error('extraction failed', { jobId: job.id, ...failureFields(error) });
      job.outcome = { error: failure };
      report(job, { state: 'failed', error: failure.toMessage() });
    }
  }

  return {
    start(input: MethodParsedInput<'extract.start'>): { jobId: string } {
      const row = deps.repo.get(input.id);
      if (!row) throw new AppError('declarations.not-found', { id: input.id });
      if (!isEditable(row.workflow, row.channel))
        throw new AppError('declarations.not-editable', { seqNo: row.clientSeqNo });
      // A plain Uint8Array: pdfjs refuses a Node Buffer.
      const files = input.files.map((f) => ({
        fileName: f.fileName,
        bytes: new Uint8Array(Buffer.from(f.contentBase64, 'base64')),
      }));
      for (const file of files) checkFile(file);
      const first = files[0]?.fileName ?? '';
      const job: ExtractJob = {
        id: uuidv7(),
        declarationId: row.id,
        baseRevision: row.revision,
        files,
        controller: new AbortController(),
        progress: {
          jobId: '',
          declarationId: row.id,
          state: 'reading',
          file: 0,
          files: files.length,
          fileName: first,
          page: 0,
          pages: 0,
          ocr: null,
          error: null,
        },
      };
      job.progress.jobId = job.id;
      jobs.set(job.id, job);
      for (const old of [...jobs.keys()].slice(0, -KEPT_JOBS)) {
        jobs.get(old)?.controller.abort();
        jobs.delete(old);
      }
      // Answered at once; the reading starts after the answer is on its way.
      setImmediate(() => void run(job));
      return { jobId: job.id };
    },

    status: (jobId: string): ExtractProgress => mustGet(jobId).progress,

    cancel(jobId: string): { cancelled: boolean } {
      const job = mustGet(jobId);
      if (job.progress.state !== 'reading') return { cancelled: false };
      job.controller.abort();
      report(job, { state: 'cancelled', ocr: null });
      return { cancelled: true };
    },

    /** The finished job (for the result and for accepting it). */
    finished(jobId: string): ExtractJob & { outcome: { texts: DocumentText[]; extraction: Extraction } } {
      const job = mustGet(jobId);
      if (job.progress.state === 'reading') throw new AppError('extract.still-reading', { jobId });
      if (job.progress.state === 'cancelled') throw new AppError('extract.cancelled', { jobId });
      const outcome = job.outcome;
      if (!outcome || 'error' in outcome) throw outcome?.error ?? new AppError('extract.still-reading', { jobId });
      return { ...job, outcome };
    },

    result(jobId: string): ExtractResult {
      const job = this.finished(jobId);
      return {
        jobId,
        declarationId: job.declarationId,
        baseRevision: job.baseRevision,
        extraction: job.outcome.extraction,
        files: job.outcome.texts.map((t) => ({
          fileName: t.fileName,
          pages: t.pages.map((p) => ({ width: p.width, height: p.height, kind: p.kind })),
        })),
      };
    },

    /** Stops every job still reading, and the reader's engines. */
    async close(): Promise<void> {
      for (const job of jobs.values()) job.controller.abort();
      await deps.parts.close?.();
    },

    async page(input: MethodParsedInput<'extract.page'>) {
      const job = mustGet(input.jobId);
      const file = job.files[input.file];
      if (!file) throw new AppError('extract.no-page', { file: String(input.file + 1), page: input.page + 1 });
      // Drawn turned as the page was read (text running sideways, a scan OCR turned), the frame of its boxes.
      const read = job.outcome && 'texts' in job.outcome ? job.outcome.texts[input.file] : undefined;
      const turn = read?.pages[input.page]?.rotation ?? 0;
      const image = await deps.parts.renderPage(file, input.page, { maxWidth: input.maxWidth, turn });
      return { pngBase64: Buffer.from(image.png).toString('base64'), width: image.width, height: image.height };
    },
  };
}

export type ExtractJobs = ReturnType<typeof createExtractJobs>;
