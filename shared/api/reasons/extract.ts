import { reason } from './define';

type File = { file: string };
type Job = { jobId: string };
type Seq = { seqNo: string };

/** Goods lines read from the customer's invoice and packing list: reading the files, and writing what was accepted. */
export const extractReasons = {
  'extract.unsupported-file': reason<File>(
    'BAD_INPUT',
    (p) => `${p.file} is not a PDF, JPG, PNG or TIFF file; goods lines are read only from those (and spreadsheets)`,
  ),
  'extract.spreadsheet': reason<File>(
    'BAD_INPUT',
    (p) => `${p.file} is a spreadsheet: its lines are imported through the column mapping, not read as a page`,
  ),
  /** `detail` the reader's own English, for 详情 only. */
  'extract.unreadable': reason<File & { detail: string }>(
    'BAD_INPUT',
    (p) =>
      `${p.file} could not be read (it may be damaged, or not the kind of file its name says); nothing was proposed`,
  ),
  'extract.no-reader': reason<File>(
    'INVALID_STATE',
    (p) => `This installation cannot read ${p.file}: the document reader is not part of it`,
  ),
  'extract.job-not-found': reason<Job>(
    'NOT_FOUND',
    (p) => `There is no extraction ${p.jobId} (it ended, or the program was restarted); start it again`,
  ),
  'extract.still-reading': reason<Job>('INVALID_STATE', (p) => `Extraction ${p.jobId} is still reading its files`),
  'extract.cancelled': reason<Job>('INVALID_STATE', (p) => `Extraction ${p.jobId} was cancelled; nothing was proposed`),
  'extract.no-page': reason<File & { page: number }>('NOT_FOUND', (p) => `${p.file} has no page ${p.page}`),
  'extract.other-declaration': reason<Job & Seq>(
    'BAD_INPUT',
    (p) => `Extraction ${p.jobId} was started for another declaration than ${p.seqNo}; nothing was written`,
  ),
  'extract.changed-since-read': reason<Seq & { revision: number; base: number }>(
    'CONFLICT',
    (p) =>
      `Declaration ${p.seqNo} changed while its documents were reviewed (revision ${p.revision}, the review began at ${p.base}); nothing was written: reopen it and accept again`,
  ),
  'extract.nothing-accepted': reason('BAD_INPUT', () => 'No line and no head value was accepted; nothing was written'),
  'extract.nothing-to-undo': reason<Seq & { revision: number }>(
    'NOT_FOUND',
    (p) => `Revision ${p.revision} of declaration ${p.seqNo} is not a write of accepted document lines to undo`,
  ),
  'extract.changed-since-apply': reason<Seq & { revision: number; applied: number }>(
    'CONFLICT',
    (p) =>
      `Declaration ${p.seqNo} changed after the accepted lines were written (revision ${p.revision}, they made ${p.applied}); undo it in the editor instead`,
  ),
} as const;
