import type { DeclarationDoc } from '../../shared/catalog';
import type { ModReceiptRecord } from './types';

// What every store does the same way with modification and cancellation requests (修撤单), whatever its SQL.

/** The 修撤单统一编号's prefix: M and the year received, then the serial (18 characters, as a 统一编号). */
export function modSeqPrefix(receivedAt: string): string {
  return `M${receivedAt.slice(0, 4)}`;
}

export function modSeqCounter(prefix: string): string {
  return `decmod-seq:${prefix}`;
}

/** The declaration a submission's stored envelope carries (its values as declared). */
export function declaredDoc(envelopeText: string): DeclarationDoc {
  return (JSON.parse(envelopeText) as { payload: { doc: DeclarationDoc } }).payload.doc;
}

/** The answer for a request id the client already used: its stored receipt, or conflict for another content. */
export function answerForStoredMod(stored: ModReceiptRecord, digest: string): ModReceiptRecord | 'conflict' {
  return stored.digest === digest ? stored : 'conflict';
}
