import type pg from 'pg';
import type { ReasonMessage } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { formatNumber } from '../batch-rules';
import type { ModPart, ModReceiptRow } from '../mod-rules';
import * as rules from '../mod-rules';
import type { ModReceiptRecord } from '../types';
import { insertNonce } from './clients';
import type { PgClient } from './connection';
import { query, transaction } from './connection';

type ModRow = ModReceiptRow<Date, ReasonMessage[]>;

interface DeclarationRow {
  pk: number;
  entry_id: string;
  envelope: string;
  current_doc: DeclarationDoc | null;
  cancelled_at: Date | null;
}

const toReceipt = (row: ModRow): ModReceiptRecord =>
  rules.modReceiptOf({ ...row, received_at: row.received_at.toISOString() });

async function selectDeclaration(
  db: pg.Pool | PgClient,
  clientId: string,
  entryId: string,
  lock: boolean,
): Promise<DeclarationRow | undefined> {
  const { rows } = await db.query<DeclarationRow>(
    `SELECT pk, entry_id, envelope, current_doc, cancelled_at FROM submissions
     WHERE client_id = $1 AND entry_id = $2 AND state = 'accepted'${lock ? ' FOR UPDATE' : ''}`,
    [clientId, entryId],
  );
  return rows[0];
}

const docOf = (row: DeclarationRow): DeclarationDoc => row.current_doc ?? rules.declaredDoc(row.envelope);

/**
 * 修撤单 on the PostgreSQL store: the declaration's row is locked (FOR UPDATE) before the request is judged, so two
 * requests about one declaration, from any hub process, are judged one after the other on what the first left.
 */
export function postgresModRequests(pool: pg.Pool): ModPart {
  return {
    async getModRequest(clientId, requestId) {
      const { rows } = await query<ModRow>(
        pool,
        `SELECT ${rules.modReceiptColumns} FROM mod_requests WHERE client_id = $1 AND request_id = $2`,
        [clientId, requestId],
      );
      return rows[0] ? toReceipt(rows[0]) : undefined;
    },
    recordModRequest(input) {
      return transaction(pool, async (c) => {
        await insertNonce(c, input.nonce);
        const row = await selectDeclaration(c, input.clientId, input.entryId, true);
        const stored = await c.query<ModRow>(
          `SELECT ${rules.modReceiptColumns} FROM mod_requests WHERE client_id = $1 AND request_id = $2`,
          [input.clientId, input.requestId],
        );
        if (stored.rows[0]) return rules.answerForStoredMod(toReceipt(stored.rows[0]), input.digest);
        const last = row
          ? await c.query<{ channel: string }>(
              'SELECT channel FROM receipts WHERE submission_pk = $1 ORDER BY step DESC LIMIT 1',
              [row.pk],
            )
          : null;
        const decision = input.decide(
          row
            ? { doc: docOf(row), lastChannel: last?.rows[0]?.channel ?? null, cancelled: row.cancelled_at !== null }
            : undefined,
        );
        const prefix = rules.modSeqPrefix(input.receivedAt);
        const counter = await c.query<{ value: number }>(
          `INSERT INTO counters (name, value) VALUES ($1, 1)
           ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value`,
          [rules.modSeqCounter(prefix)],
        );
        const modSeqNo = formatNumber(prefix, Number(counter.rows[0]?.value ?? 0));
        // reasons comes as JSON text, cast to the column's json.
        const params = rules.modRowColumns.split(', ').map((col, i) => `$${i + 1}${col === 'reasons' ? '::json' : ''}`);
        await c.query(
          `INSERT INTO mod_requests (${rules.modRowColumns}) VALUES (${params.join(', ')})`,
          rules.modRowValues(input, decision, modSeqNo, row?.pk ?? null),
        );
        if (row && decision.outcome === 'approved') {
          if (decision.doc)
            await c.query('UPDATE submissions SET current_doc = $1::json WHERE pk = $2', [
              JSON.stringify(decision.doc),
              row.pk,
            ]);
          if (decision.cancel)
            await c.query('UPDATE submissions SET cancelled_at = $1 WHERE pk = $2', [input.receivedAt, row.pk]);
        }
        return rules.judgedReceipt(input, decision, modSeqNo);
      });
    },
    async getDeclaration(clientId, entryId) {
      const row = await selectDeclaration(pool, clientId, entryId, false);
      if (!row) return undefined;
      const { rows } = await query<{ n: string }>(
        pool,
        "SELECT count(*) AS n FROM mod_requests WHERE submission_pk = $1 AND kind = 'modify' AND outcome = 'approved'",
        [row.pk],
      );
      return {
        entryId: row.entry_id,
        doc: docOf(row),
        cancelledAt: row.cancelled_at?.toISOString() ?? null,
        modifications: Number(rows[0]?.n ?? 0),
      };
    },
  };
}
