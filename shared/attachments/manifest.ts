import { z } from 'zod';

/**
 * A file the signed submission carries by reference: its EdocID (the name the message gives it) and the
 * SHA-256 and size of its bytes. The envelope's signature covers this list, so the file the hub or the e-port
 * client receives is the one that was declared.
 */
export const attachmentRefSchema = z
  .object({
    edocId: z.string().regex(/^[\w.-]{1,64}$/),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().min(1),
  })
  .strict();
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;
