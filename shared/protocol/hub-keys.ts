import { z } from 'zod';
import { signatureAlgorithms } from './envelope';

/**
 * Key rotation (docs/hub-protocol.md): an enrolled client adds a new public key
 * with a request signed by a key it already has. Every key it ever added stays
 * valid for verifying what it signed.
 */
export const keyRegistrationRequestSchema = z.object({
  publicKey: z.string().min(16).max(1024),
  algorithm: z.enum(signatureAlgorithms),
});
export type KeyRegistrationRequest = z.infer<typeof keyRegistrationRequestSchema>;

export const keyRegistrationResponseSchema = z.object({ keyId: z.string() });
export type KeyRegistrationResponse = z.infer<typeof keyRegistrationResponseSchema>;
