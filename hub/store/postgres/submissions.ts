import type pg from 'pg';
import type { FieldError, SubmissionState, SubmitResult } from '../../../shared/protocol';
import { answerForStored, counterNames, formatNumber } from '../batch-rules';
import type { AcceptedDecision, BatchItem, HubStore, RejectedDecision, StoredSubmission } from '../types';
import { insertNonce } from './clients';
import type { PgClient } from './connection';
import { classify, query, transaction } from './connection';

type SubmissionsPart = Pick<HubStore, 'findSubmissions' | 'recordBatch' | 'getSubmission' | 'findByEntryId'>;

interface SubmissionRow {
  submission_id: string;
  payload_digest: string;
  state: 'accepted' | 'rejected';
  hub_seq: number | null;
  errors: FieldError[];
  received_at: Date;
  preparer: string | null;
  reviewer: string | null;
}

const selectColumns = 'submission_id, payload_digest, state, hub_seq, errors, received_at, preparer, reviewer';

function toStored(row: SubmissionRow): StoredSubmission {
  return {
    submissionId: row.submission_id,
    payloadDigest: row.payload_digest,
    state: row.state,
    hubSeq: row.hub_seq,
    errors: row.errors,
  };
}

async function selectStored(
  db: pg.Pool | PgClient,
  clientId: string,
  ids: readonly string[],
): Promise<Map<string, StoredSubmission>> {
  const found = new Map<string, StoredSubmission>();
  if (ids.length === 0) return found;
  const { rows } = await db.query<SubmissionRow>(
    `SELECT ${selectColumns} FROM submissions WHERE client_id = $1 AND submission_id = ANY($2::text[])`,
    [clientId, ids],
  );
  for (const row of rows) found.set(row.submission_id, toStored(row));
  return found;
}

interface Fresh {
  index: number;
  item: BatchItem;
  decision: AcceptedDecision | RejectedDecision;
  hubSeq: number | null;
  seqNo: string | null;
  entryId: string | null;
}

/** Takes `count` serials of each counter, locking the rows in name order (so batches never deadlock). */
async function takeSerials(c: PgClient, wanted: Map<string, number>): Promise<Map<string, number>> {
  const names = [...wanted.keys()].sort();
  const next = new Map<string, number>();
  if (names.length === 0) return next;
  const { rows } = await c.query<{ name: string; value: number }>(
    `INSERT INTO counters (name, value)
     SELECT u.name, u.n FROM unnest($1::text[], $2::bigint[]) AS u(name, n) ORDER BY u.name
     ON CONFLICT (name) DO UPDATE SET value = counters.value + EXCLUDED.value
     RETURNING name, value`,
    [names, names.map((n) => wanted.get(n) ?? 0)],
  );
  // The first serial of each range: the counter now holds its last one.
  for (const row of rows) next.set(row.name, row.value - (wanted.get(row.name) ?? 0) + 1);
  return next;
}

/** Numbers for the accepted items, in item order: a hub sequence number, 统一编号 and 海关编号. */
async function allocateNumbers(c: PgClient, fresh: Fresh[]): Promise<void> {
  const accepted = fresh.filter((f) => f.decision.outcome === 'accepted');
  if (accepted.length === 0) return;
  const seqs = await c.query<{ seq: number }>(
    "SELECT nextval('hub_seq') AS seq FROM generate_series(1, $1::int) ORDER BY 1",
    [accepted.length],
  );
  const wanted = new Map<string, number>();
  const count = (name: string) => wanted.set(name, (wanted.get(name) ?? 0) + 1);
  for (const f of accepted) {
    const names = counterNames(f.decision as AcceptedDecision);
    if (names.seqNo) count(names.seqNo);
    if (names.entryId) count(names.entryId);
  }
  const next = await takeSerials(c, wanted);
  const take = (name: string): number => {
    const value = next.get(name);
    if (value === undefined) throw new Error(`No serial was taken for ${name}`);
    next.set(name, value + 1);
    return value;
  };
  accepted.forEach((f, i) => {
    const decision = f.decision as AcceptedDecision;
    const names = counterNames(decision);
    f.hubSeq = seqs.rows[i]?.seq ?? null;
    f.seqNo = names.seqNo ? formatNumber(decision.seqNoPrefix, take(names.seqNo)) : (decision.keptSeqNo ?? null);
    f.entryId =
      decision.entryIdPrefix && names.entryId ? formatNumber(decision.entryIdPrefix, take(names.entryId)) : null;
  });
}

/** Inserts the new submissions (in id order, so two batches never wait on each other in a cycle). */
async function insertFresh(
  c: PgClient,
  clientId: string,
  receivedAt: string,
  fresh: Fresh[],
): Promise<Map<string, number>> {
  const col = <T>(pick: (f: Fresh) => T) => fresh.map(pick);
  const { rows } = await c.query<{ pk: number; submission_id: string }>(
    `INSERT INTO submissions (client_id, submission_id, payload_digest, state, hub_seq, client_seq_no, key_id,
                              envelope, signature, errors, received_at, seq_no, entry_id, preparer, reviewer)
     SELECT $1, u.id, u.digest, u.state, u.hub_seq, u.client_seq_no, u.key_id, u.envelope, u.signature,
            u.errors::json, $2, u.seq_no, u.entry_id, u.preparer, u.reviewer
     FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::text[],
                 $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
          AS u(id, digest, state, hub_seq, client_seq_no, key_id, envelope, signature, errors, seq_no, entry_id,
               preparer, reviewer)
     ORDER BY u.id
     ON CONFLICT (client_id, submission_id) DO NOTHING
     RETURNING pk, submission_id`,
    [
      clientId,
      receivedAt,
      col((f) => f.item.submissionId),
      col((f) => f.item.payloadDigest),
      col((f) => f.decision.outcome),
      col((f) => f.hubSeq),
      col((f) => f.decision.clientSeqNo),
      col((f) => f.decision.keyId),
      col((f) => f.decision.envelopeText),
      col((f) => f.decision.signature),
      col((f) => JSON.stringify(f.decision.outcome === 'rejected' ? f.decision.errors : [])),
      col((f) => f.seqNo),
      col((f) => f.entryId),
      col((f) => f.decision.preparer),
      col((f) => f.decision.reviewer),
    ],
  );
  return new Map(rows.map((r) => [r.submission_id, r.pk]));
}

async function queueFresh(c: PgClient, fresh: Fresh[], pks: Map<string, number>): Promise<number> {
  const queued = fresh.filter(
    (f) => f.decision.outcome === 'accepted' && f.decision.plan.length > 0 && pks.has(f.item.submissionId),
  );
  if (queued.length === 0) return 0;
  await c.query(
    `INSERT INTO processing (submission_pk, plan, next_step, due_at)
     SELECT u.pk, u.plan::json, 0, u.due FROM unnest($1::bigint[], $2::text[], $3::bigint[]) AS u(pk, plan, due)`,
    [
      queued.map((f) => pks.get(f.item.submissionId)),
      queued.map((f) => JSON.stringify((f.decision as AcceptedDecision).plan)),
      queued.map((f) => (f.decision as AcceptedDecision).firstDueAt),
    ],
  );
  return queued.length;
}

export function postgresSubmissions(pool: pg.Pool, channels: { work: string }): SubmissionsPart {
  async function record(c: PgClient, input: Parameters<SubmissionsPart['recordBatch']>[0]): Promise<SubmitResult[]> {
    await insertNonce(c, input.nonce);
    const ids = [...new Set(input.items.map((i) => i.submissionId))];
    const stored = await selectStored(c, input.clientId, ids);
    const results: (SubmitResult | undefined)[] = [];
    const fresh: Fresh[] = [];
    const firstIndex = new Map<string, number>();
    input.items.forEach((item, index) => {
      const known = stored.get(item.submissionId);
      if (known) {
        results[index] = answerForStored(known, item);
        return;
      }
      if (firstIndex.has(item.submissionId)) return; // answered below, from the first occurrence
      firstIndex.set(item.submissionId, index);
      if (!item.decision) throw new Error(`Submission ${item.submissionId} has no decision although it is new`);
      fresh.push({ index, item, decision: item.decision, hubSeq: null, seqNo: null, entryId: null });
    });
    await allocateNumbers(c, fresh);
    const pks = await insertFresh(c, input.clientId, input.receivedAt, fresh);
    // An id another hub process stored while this batch was decided: answer what that one stored.
    const raced = await selectStored(
      c,
      input.clientId,
      fresh.filter((f) => !pks.has(f.item.submissionId)).map((f) => f.item.submissionId),
    );
    const firstStored = new Map<string, StoredSubmission>();
    for (const f of fresh) {
      const other = raced.get(f.item.submissionId);
      if (other) {
        results[f.index] = answerForStored(other, f.item);
        firstStored.set(f.item.submissionId, other);
        continue;
      }
      const errors = f.decision.outcome === 'rejected' ? f.decision.errors : [];
      results[f.index] = { submissionId: f.item.submissionId, outcome: f.decision.outcome, hubSeq: f.hubSeq, errors };
      firstStored.set(f.item.submissionId, {
        submissionId: f.item.submissionId,
        payloadDigest: f.item.payloadDigest,
        state: f.decision.outcome,
        hubSeq: f.hubSeq,
        errors,
      });
    }
    // The same id twice in one batch: the later copies answer as a resend of the first.
    input.items.forEach((item, index) => {
      if (results[index]) return;
      const first = firstStored.get(item.submissionId);
      if (!first) throw new Error(`Submission ${item.submissionId} has no answer`);
      results[index] = answerForStored(first, item);
    });
    // Wakes the customs processor in whichever process runs it, when this transaction commits.
    if ((await queueFresh(c, fresh, pks)) > 0) await c.query('SELECT pg_notify($1, $2)', [channels.work, '']);
    return results.map((r) => {
      if (!r) throw new Error('A batch item has no answer');
      return r;
    });
  }

  return {
    async findSubmissions(clientId, submissionIds) {
      try {
        return await selectStored(pool, clientId, submissionIds);
      } catch (error) {
        throw classify(error);
      }
    },
    async recordBatch(input) {
      return transaction(pool, (c) => record(c, input));
    },
    async getSubmission(clientId, submissionId): Promise<SubmissionState | undefined> {
      const { rows } = await query<SubmissionRow>(
        pool,
        `SELECT ${selectColumns} FROM submissions WHERE client_id = $1 AND submission_id = $2`,
        [clientId, submissionId],
      );
      const row = rows[0];
      if (!row) return undefined;
      return {
        submissionId: row.submission_id,
        state: row.state,
        payloadDigest: row.payload_digest,
        hubSeq: row.hub_seq,
        receivedAt: row.received_at.toISOString(),
        errors: row.errors,
        preparer: row.preparer,
        reviewer: row.reviewer,
      };
    },
    async findByEntryId(clientId, entryId) {
      const { rows } = await query<{ submission_id: string; envelope: string; released: boolean }>(
        pool,
        `SELECT s.submission_id, s.envelope,
           EXISTS (SELECT 1 FROM receipts r WHERE r.submission_pk = s.pk AND r.channel = 'P') AS released
         FROM submissions s WHERE s.client_id = $1 AND s.entry_id = $2 AND s.state = 'accepted'`,
        [clientId, entryId],
      );
      const row = rows[0];
      return row ? { submissionId: row.submission_id, envelopeText: row.envelope, released: row.released } : undefined;
    },
  };
}
