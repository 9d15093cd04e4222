import type { ReasonMessage } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { formatNumber } from '../batch-rules';
import type { ModPart, ModReceiptRow } from '../mod-rules';
import * as rules from '../mod-rules';
import type { ModReceiptRecord, ModRequestInput } from '../types';
import { nonceInserter } from './clients';
import type { HubDb } from './connection';
import { readOne } from './connection';

type ModRow = ModReceiptRow<string, string>;

interface DeclarationRow {
  pk: number;
  entry_id: string;
  envelope: string;
  current_doc: string | null;
  cancelled_at: string | null;
}

const toReceipt = (row: ModRow): ModReceiptRecord =>
  rules.modReceiptOf({ ...row, reasons: JSON.parse(row.reasons) as ReasonMessage[] });

const docOf = (row: DeclarationRow): DeclarationDoc =>
  row.current_doc === null ? rules.declaredDoc(row.envelope) : (JSON.parse(row.current_doc) as DeclarationDoc);

/** 修撤单 on the SQLite store: one immediate transaction per request, so the declaration read is the one changed. */
export function sqliteModRequests(db: HubDb): ModPart {
  const selectMod = db.prepare<[string, string], ModRow>(
    `SELECT ${rules.modReceiptColumns} FROM mod_requests WHERE client_id = ? AND request_id = ?`,
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
  const placeholders = rules.modRowColumns.split(', ').map(() => '?');
  const insertMod = db.prepare(`INSERT INTO mod_requests (${rules.modRowColumns}) VALUES (${placeholders.join(', ')})`);
  const setDoc = db.prepare('UPDATE submissions SET current_doc = ? WHERE pk = ?');
  const setCancelled = db.prepare('UPDATE submissions SET cancelled_at = ? WHERE pk = ?');
  const insertNonce = nonceInserter(db);

  const recordTx = db.transaction((input: ModRequestInput): ModReceiptRecord | 'conflict' => {
    insertNonce(input.nonce);
    const stored = selectMod.get(input.clientId, input.requestId);
    if (stored) return rules.answerForStoredMod(toReceipt(stored), input.digest);
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
    const prefix = rules.modSeqPrefix(input.receivedAt);
    const modSeqNo = formatNumber(prefix, nextCounter.get(rules.modSeqCounter(prefix)) ?? 0);
    insertMod.run(rules.modRowValues(input, decision, modSeqNo, row?.pk ?? null));
    if (row && decision.outcome === 'approved') {
      if (decision.doc) setDoc.run(JSON.stringify(decision.doc), row.pk);
      if (decision.cancel) setCancelled.run(input.receivedAt, row.pk);
    }
    return rules.judgedReceipt(input, decision, modSeqNo);
  });

  return {
    getModRequest: readOne(selectMod, toReceipt),
    async recordModRequest(input) {
      return recordTx.immediate(input);
    },
    getDeclaration: readOne(selectDeclaration, (row) => ({
      entryId: row.entry_id,
      doc: docOf(row),
      cancelledAt: row.cancelled_at,
      modifications: countApproved.get(row.pk) ?? 0,
    })),
  };
}
