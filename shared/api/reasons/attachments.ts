import { reason } from './define';

type File = { file: string };
type Edoc = { edocId: string; file: string };

/** 随附单据 files: taking a PDF in, and finding it again when it is declared or sent. */
export const attachmentReasons = {
  'attachments.empty': reason<File>('BAD_INPUT', (p) => `${p.file} is empty; nothing was attached`),
  /** Sizes in MB, written as the broker reads them ("5.2", "4"); the limit is the one in force (Settings, the hub). */
  'attachments.too-large': reason<File & { size: string; limit: string }>(
    'BAD_INPUT',
    (p) => `${p.file} is ${p.size} MB; the largest attached document file is ${p.limit} MB; nothing was attached`,
  ),
  'attachments.not-pdf': reason<File>('BAD_INPUT', (p) => `${p.file} is not a PDF file; nothing was attached`),
  'attachments.damaged': reason<File>(
    'BAD_INPUT',
    (p) => `${p.file} is an incomplete or damaged PDF (it has no end); nothing was attached`,
  ),
  'attachments.encrypted': reason<File>(
    'BAD_INPUT',
    (p) => `${p.file} is encrypted or password-protected, which customs cannot open; nothing was attached`,
  ),
  'attachments.needs-customs': reason<File>(
    'BAD_INPUT',
    (p) => `Fill in the customs of declaration before attaching ${p.file}: the document id begins with its code`,
  ),
  'attachments.not-editable': reason<File>(
    'INVALID_STATE',
    (p) => `${p.file}: the declaration is declared and cannot change; withdraw it first`,
  ),
  'attachments.not-found': reason<{ edocId: string }>(
    'NOT_FOUND',
    (p) => `The declaration has no attached document ${p.edocId}`,
  ),
  'attachments.file-missing': reason<Edoc>(
    'INVALID_STATE',
    (p) =>
      `The attached document ${p.edocId} (${p.file}) is missing from the data folder or no longer matches the ` +
      `file attached; attach it again`,
  ),
} as const;
