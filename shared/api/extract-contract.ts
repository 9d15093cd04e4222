import { z } from 'zod';
import {
  extractApplyInputSchema,
  extractJobIdSchema,
  extractLastWriteSchema,
  extractPageInputSchema,
  extractPageSchema,
  extractProgressSchema,
  extractResultSchema,
  extractStartInputSchema,
  extractUndoInputSchema,
} from './extract-schemas';
import { lineImportReportSchema } from './interchange-schemas';
import { idSchema } from './schemas';

// Goods lines read from the customer's invoice and packing list on this machine, spread into the one contract in
// ./contract.ts. Reading runs as a job off the request path (a scanned page takes seconds): start answers at once
// with its id, progress comes as events (and by asking), the result is reviewed, and only apply writes.

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const byJob = z.object({ jobId: extractJobIdSchema }).strict();

export const extractMethods = {
  /** Starts reading the files for an open declaration; refused, naming the file, for a kind it cannot read. */
  'extract.start': method(extractStartInputSchema, z.object({ jobId: z.string() })),
  /** How far a job is (the same as its last progress event). */
  'extract.status': method(byJob, extractProgressSchema),
  /** Stops a job; false when it had already finished. */
  'extract.cancel': method(byJob, z.object({ cancelled: z.boolean() })),
  /** What a finished job proposes; refused while it is still reading, or when it failed or was cancelled. */
  'extract.result': method(byJob, extractResultSchema),
  /** One page of a file read, as a picture, for the review beside the proposed lines. */
  'extract.page': method(extractPageInputSchema, extractPageSchema),
  /**
   * Writes the accepted lines (appended) and the chosen head values in one revision, at `baseRevision` (refused,
   * naming why, when the declaration changed since); checked as an imported sheet is, nothing written on an error.
   */
  'extract.apply': method(extractApplyInputSchema, lineImportReportSchema),
  /** Takes back what apply wrote (the revision it answered), while nothing else changed the declaration since. */
  'extract.undo': method(
    extractUndoInputSchema,
    z.object({ id: idSchema, revision: z.number().int(), updatedAt: z.string() }),
  ),
  /**
   * The open declaration's last write of accepted document lines that 撤销 may take back (kept across restarts), or
   * null; `current` is false once something else changed the declaration (undo is then refused, saying why).
   */
  'extract.lastWrite': method(z.object({ id: idSchema }).strict(), extractLastWriteSchema.nullable()),
};

export const extractEvents = {
  /** How far an extraction job is; the last one of a job says done, failed or cancelled. */
  'extract.progress': extractProgressSchema,
} as const;
