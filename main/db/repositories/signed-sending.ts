import type { ReasonMessage } from '../../../shared/api';
import { reasonMessageSchema } from '../../../shared/api';

/**
 * A signed message waiting for the hub, as a repository gives it (a submission in the outbox, a 修撤单 request): the
 * signed text, and how sending it has gone so far (the columns signedSendingColumns in the migrations).
 */
export interface SignedSending {
  envelope: string;
  signature: string;
  keyId: string;
  digest: string;
  attempts: number;
  nextAttemptAt: number;
  lastError: ReasonMessage | null;
}

/** What is written once, when the message is signed: the signed text, its signature, the key's id and the digest. */
export type SignedText = Pick<SignedSending, 'envelope' | 'signature' | 'keyId' | 'digest'>;

/**
 * last_error holds a ReasonMessage as JSON (the reason, so a view of it speaks the UI language); rows written before
 * that hold English text, shown as written.
 */
export function readError(text: string | null): ReasonMessage | null {
  if (text === null) return null;
  try {
    const parsed = reasonMessageSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Plain text from an older version.
  }
  return { message: text };
}

export const writeError = (error: ReasonMessage | null | undefined): string | null =>
  error ? JSON.stringify(error) : null;
