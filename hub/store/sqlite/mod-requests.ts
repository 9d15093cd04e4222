import type { ReasonMessage } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { formatNumber } from '../batch-rules';
import { answerForStoredMod, declaredDoc, modSeqCounter, modSeqPrefix } from '../mod-rules';
import type { HubStore, ModReceiptRecord, ModRequestInput } from '../types';
import { nonceInserter } from './clients';
import type { HubDb } from './connection';

type ModPart = Pick<HubStore, 'getModRequest' | 'recordModRequest' | 'getDeclaration'>;

interface ModRow {
  request_id: string;
  digest: string;
  outcome: 'approved' | 'refused';
  mod_seq_no: string;
  received_at: string;
  note: string;
  reasons: string;
}

interface DeclarationRow {
  pk: number;
  entry_id: string;
  envelope: string;
  current_doc: string | null;
  cancelled_at: string | null;
}

function toReceipt(row: ModRow): ModReceiptRecord {
  return {
    requestId: row.request_id,
    digest: row.digest,
    outcome: row.outcome,
    modSeqNo: row.mod_seq_no,
    at: row.received_at,
    note: row.note,
    reasons: JSON.parse(row.reasons) as ReasonMessage[],
  };
}

const docOf = (row: DeclarationRow): DeclarationDoc =>
  row.current_doc === null ? declaredDoc(row.envelope) : (JSON.parse(row.current_doc) as DeclarationDoc);

/** 修撤单 on the SQLite store: one immediate transaction per request, so the declaration read is the one changed. */
export function sqliteModRequests(db: HubDb): ModPart {
  const selectMod = db.prepare<[string, string], ModRow>(
    `SELECT request_id, digest, outcome, mod_seq_no, received_at, note, reasons FROM mod_requests
     WHERE client_id = ? AND request_id = ?`,
  );
  const selectDeclaration = db.prepare<[string, string], DeclarationRow>(
    `SELECT pk, entry_id, envelope, current_doc, cancelled_at FROM submissions
     WHERE client_id = ? AND entry_id = ? AND state = 'accepted'`,
  );
  const selectLastChannel = db
    .prepare<[number], string>('SELECT channel FROM receipts WHERE submission_pk = ? ORDER BY step DESC LIMIT 1')
    .pluck();
  const countApproved = db
    .prepare<[number], number>(
      "SELECT count(*) FROM mod_requests WHERE submission_pk = ? AND kind = 'modify' AND outcome = 'approved'",
    )
    .pluck();
  const nextCounter = db
    .prepare<[string], number>(
      'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
    )
    .pluck();
  const insertMod = db.prepare(`
    INSERT INTO mod_requests (client_id, request_id, digest, kind, entry_id, submission_pk, outcome, mod_seq_no, key_id,
                              envelope, signature, note, reasons, received_at)
    VALUES (@clientId, @requestId, @digest, @kind, @entryId, @submissionPk, @outcome, @modSeqNo, @keyId, @envelope,
            @signature, @note, @reasons, @receivedAt)`);
  const setDoc = db.prepare('UPDATE submissions SET current_doc = ? WHERE pk = ?');
  const setCancelled = db.prepare('UPDATE submissions SET cancelled_at = ? WHERE pk = ?');
  const insertNonce = nonceInserter(db);

  const recordTx = db.transaction((input: ModRequestInput): ModReceiptRecord | 'conflict' => {
    insertNonce(input.nonce);
    const stored = selectMod.get(input.clientId, input.requestId);
    if (stored) return answerForStoredMod(toReceipt(stored), input.digest);
    const row = selectDeclaration.get(input.clientId, input.entryId);
    const decision = input.decide(
      row
        ? {
            doc: docOf(row),
            lastChannel: selectLastChannel.get(row.pk) ?? null,
            cancelled: row.cancelled_at !== null,
          }
        : undefined,
    );
    const prefix = modSeqPrefix(input.receivedAt);
    const modSeqNo = formatNumber(prefix, nextCounter.get(modSeqCounter(prefix)) ?? 0);
    insertMod.run({
      clientId: input.clientId,
      requestId: input.requestId,
      digest: input.digest,
      kind: input.kind,
      entryId: input.entryId,
      submissionPk: row?.pk ?? null,
      outcome: decision.outcome,
      modSeqNo,
      keyId: input.keyId,
      envelope: input.envelopeText,
      signature: input.signature,
      note: decision.note,
      reasons: JSON.stringify(decision.reasons),
      receivedAt: input.receivedAt,
    });
    if (row && decision.outcome === 'approved') {
      if (decision.doc) setDoc.run(JSON.stringify(decision.doc), row.pk);
      if (decision.cancel) setCancelled.run(input.receivedAt, row.pk);
    }
    return {
      requestId: input.requestId,
      digest: input.digest,
      outcome: decision.outcome,
      modSeqNo,
      at: input.receivedAt,
      note: decision.note,
      reasons: decision.reasons,
    };
  });

  return {
    async getModRequest(clientId, requestId) {
      const row = selectMod.get(clientId, requestId);
      return row ? toReceipt(row) : undefined;
    },
    async recordModRequest(input) {
      return recordTx.immediate(input);
    },
    async getDeclaration(clientId, entryId) {
      const row = selectDeclaration.get(clientId, entryId);
      if (!row) return undefined;
      return {
        entryId: row.entry_id,
        doc: docOf(row),
        cancelledAt: row.cancelled_at,
        modifications: countApproved.get(row.pk) ?? 0,
      };
    },
  };
}
