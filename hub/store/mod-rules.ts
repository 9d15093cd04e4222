import type { ReasonMessage } from '../../shared/api';
import type { DeclarationDoc } from '../../shared/catalog';
import type { ModDecision } from './mod-types';
import type { HubStore, ModReceiptRecord, ModRequestInput } from './types';

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

/** What each store implements of HubStore for 修撤单. */
export type ModPart = Pick<HubStore, 'getModRequest' | 'recordModRequest' | 'getDeclaration'>;

/** The columns a stored request's receipt is read from, and the row as a driver gives it (its time and reasons). */
export const modReceiptColumns = 'request_id, digest, outcome, mod_seq_no, received_at, note, reasons';
export interface ModReceiptRow<At, Reasons> {
  request_id: string;
  digest: string;
  outcome: 'approved' | 'refused';
  mod_seq_no: string;
  received_at: At;
  note: string;
  reasons: Reasons;
}

/** A stored request's receipt, its time and reasons already read as the store's driver gives them. */
export function modReceiptOf(row: ModReceiptRow<string, ReasonMessage[]>): ModReceiptRecord {
  const { request_id: requestId, digest, outcome, mod_seq_no: modSeqNo, received_at: at, note, reasons } = row;
  return { requestId, digest, outcome, modSeqNo, at, note, reasons };
}

/** The columns a judged request is kept in, in the order of modRowValues. */
export const modRowColumns =
  'client_id, request_id, digest, kind, entry_id, submission_pk, outcome, mod_seq_no, key_id, envelope, signature, ' +
  'note, reasons, received_at';

/** A judged request's row (mod_requests), in modRowColumns' order: the request as signed and the hub's answer. */
export function modRowValues(
  input: ModRequestInput,
  decision: ModDecision,
  modSeqNo: string,
  submissionPk: number | null,
): (string | number | null)[] {
  const { clientId, requestId, digest, kind, entryId, keyId, envelopeText, signature, receivedAt } = input;
  const { outcome, note, reasons } = decision;
  return [
    clientId,
    requestId,
    digest,
    kind,
    entryId,
    submissionPk,
    outcome,
    modSeqNo,
    keyId,
    envelopeText,
    signature,
    note,
    JSON.stringify(reasons),
    receivedAt,
  ];
}

/** The receipt of a request just judged. */
export function judgedReceipt(input: ModRequestInput, decision: ModDecision, modSeqNo: string): ModReceiptRecord {
  const { requestId, digest, receivedAt: at } = input;
  return { requestId, digest, outcome: decision.outcome, modSeqNo, at, note: decision.note, reasons: decision.reasons };
}
