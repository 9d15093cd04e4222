import { z } from 'zod';

/**
 * A signed message as it crosses to the hub (a submission, a 修撤单 request): its envelope and the base64 signature
 * over the envelope's signing text (the canonical JSON of the whole envelope).
 */
export function signedSchema<E extends z.ZodTypeAny>(envelope: E) {
  return z.object({ envelope, signature: z.string().min(16).max(512) });
}
