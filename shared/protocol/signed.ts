import { z } from 'zod';

/**
 * What every signed envelope says of itself, in the same words: the declaration's number on this desk
 * (客户端统一编号), when it was signed and by which key (its id, the first 16 hex digits of the key's SHA-256).
 */
export const signedEnvelopeFields = {
  clientSeqNo: z.string().min(1).max(20),
  createdAt: z.string().datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
};

/**
 * A signed message as it crosses to the hub (a submission, a 修撤单 request): its envelope and the base64 signature
 * over the envelope's signing text (the canonical JSON of the whole envelope).
 */
export function signedSchema<E extends z.ZodTypeAny>(envelope: E) {
  return z.object({ envelope, signature: z.string().min(16).max(512) });
}
