import { z } from 'zod';
import { fileInputSchema, fileOutputSchema } from './interchange-schemas';
import { idSchema } from './schemas';

// 随附单据 files on a declaration, spread into the one contract in ./contract.ts.

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const edocCodeSchema = z.string().regex(/^\d{8}$/, '随附单据类别 is an 8-digit code');
export const edocIdSchema = z.string().regex(/^[\w.-]{1,64}$/);

/** A PDF attached to the declaration: its edocs row and the file kept for it. */
export const attachmentInfoSchema = z.object({
  edocId: z.string(),
  edocCode: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  addedAt: z.string(),
  /** The edocs row that names it (the 随附单据 tab's row). */
  row: z.number().int(),
});
export type AttachmentInfo = z.infer<typeof attachmentInfoSchema>;

const changed = z.object({ id: idSchema, revision: z.number().int(), updatedAt: z.string() });

export const attachmentMethods = {
  /** The PDFs attached to a declaration, in the order of its edocs rows. */
  'attachments.list': method(z.object({ id: idSchema }).strict(), z.array(attachmentInfoSchema)),
  /**
   * Attaches a PDF as the document of its type; a file of that type already attached is replaced (the new file
   * takes a new EdocID). Refused, naming the file, when it is not a PDF, empty, encrypted or too large.
   */
  'attachments.attach': method(
    fileInputSchema.extend({ id: idSchema, edocCode: edocCodeSchema }).strict(),
    changed.extend({ attachment: attachmentInfoSchema }),
  ),
  'attachments.remove': method(z.object({ id: idSchema, edocId: edocIdSchema }).strict(), changed),
  /** The file, to view it. */
  'attachments.content': method(z.object({ id: idSchema, edocId: edocIdSchema }).strict(), fileOutputSchema),
};
