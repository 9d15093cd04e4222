import { z } from 'zod';

/**
 * 随附单据 files go to the hub before the submission that names them, in chunks: each chunk is a signed request
 * (`POST /v1/attachments/<sha256>?size=<bytes>&offset=<n>`, the raw bytes as body), so an upload cut off resumes
 * at the hub's `received` instead of starting again. A file is named by its SHA-256 and the hub keeps it only once
 * its bytes hash to that name; the signed submission then lists each file by EdocID, SHA-256 and size.
 */
export const ATTACHMENT_CHUNK_BYTES = 1024 * 1024;

export const attachmentStateSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The file's size as its first chunk declared it; null when the hub has nothing of it. */
  size: z.number().int().min(1).nullable(),
  /** Bytes the hub holds, from the start: the next chunk starts here. */
  received: z.number().int().min(0),
  /** The whole file is kept and hashes to its name. */
  complete: z.boolean(),
});
export type AttachmentState = z.infer<typeof attachmentStateSchema>;
