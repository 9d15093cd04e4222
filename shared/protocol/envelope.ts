import { z } from 'zod';
import { attachmentRefSchema } from '../attachments/manifest';
import { declarationDocSchema } from '../catalog/document';
import { canonicalJson, sha256Hex } from './canonical';
import { signedEnvelopeFields, signedSchema } from './signed';

export const signatureAlgorithms = ['ed25519', 'sm2'] as const;
export type SignatureAlgorithm = (typeof signatureAlgorithms)[number];

/** What a goods-declaration submission carries: the flag and the DecMessage data. */
export const decPayloadSchema = z.object({
  ieFlag: z.enum(['I', 'E']),
  doc: declarationDocSchema,
  /** The 随附单据 files, by EdocID, SHA-256 and size; absent when there are none (as before files were carried). */
  attachments: z.array(attachmentRefSchema).max(200).optional(),
});
export type DecPayload = z.infer<typeof decPayloadSchema>;

/**
 * The immutable unit of exchange (ARCHITECTURE.md "Signing and sync"). The
 * signature covers the RFC 8785 canonical JSON of the whole envelope, and the
 * envelope pins the payload by its digest, so neither can change unseen.
 */
export const envelopeSchema = z.object({
  submissionId: z.string().uuid(),
  docType: z.literal('dec'),
  ...signedEnvelopeFields,
  payload: decPayloadSchema,
  payloadDigest: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * Who prepared the declaration and who reviewed (复核) exactly this payload (null: not reviewed), signed with it so
   * the hub keeps both; absent from submissions signed before review existed.
   */
  people: z
    .object({ preparer: z.string().min(1).max(100), reviewer: z.string().min(1).max(100).nullable() })
    .strict()
    .optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** A submission as signed: the signature is over `envelopeSigningText(envelope)`. */
export const signedSubmissionSchema = signedSchema(envelopeSchema);
export type SignedSubmission = z.infer<typeof signedSubmissionSchema>;

export function payloadDigest(payload: DecPayload): string {
  return sha256Hex(canonicalJson(payload));
}

export function buildEnvelope(input: Omit<Envelope, 'payloadDigest' | 'docType'>): Envelope {
  return { ...input, docType: 'dec', payloadDigest: payloadDigest(input.payload) };
}

/** The exact text that is signed: the canonical JSON of the envelope. */
export function envelopeSigningText(envelope: Envelope): string {
  return canonicalJson(envelope);
}

/** A short stable id of a public key (first 16 hex digits of SHA-256 of its encoded form). */
export function keyIdOf(publicKey: string): string {
  return sha256Hex(publicKey).slice(0, 16);
}
