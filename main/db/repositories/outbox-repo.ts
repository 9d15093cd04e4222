import type { ReasonMessage } from '../../../shared/api';
import type { Db } from '../connection';
import type { SignedSending, SignedText } from './signed-sending';
import { readError, writeError } from './signed-sending';

export type OutboxState = 'queued' | 'sending' | 'accepted' | 'rejected' | 'withdrawn';

export interface OutboxItem extends SignedSending {
  submissionId: string;
  declarationId: string;
  revision: number;
  state: OutboxState;
  hubSeq: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface OutboxView {
  submissionId: string;
  declarationId: string;
  clientSeqNo: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  lastError: ReasonMessage | null;
  hubSeq: number | null;
  createdAt: string;
  updatedAt: string;
}

function withError<T extends { lastError: unknown }>(
  row: T | undefined,
): (Omit<T, 'lastError'> & { lastError: ReasonMessage | null }) | undefined {
  return row && { ...row, lastError: readError(row.lastError as string | null) };
}

const columns = `submission_id AS submissionId, declaration_id AS declarationId, revision, state, envelope, signature, key_id AS keyId, digest,
  attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError, hub_seq AS hubSeq, created_at AS createdAt, updated_at AS updatedAt`;

/**
 * The outbox: signed submissions waiting for the hub. A row leaves the
 * pending states only with a hub answer (accepted/duplicate, or a permanent
 * rejection) or when the user withdraws it before it was sent.
 */
export function createOutboxRepo(db: Db) {
  const stmt = {
    insert:
      db.prepare(`INSERT INTO outbox (submission_id, declaration_id, revision, state, envelope, signature, key_id, digest, created_at, updated_at)
      VALUES (@submissionId, @declarationId, @revision, 'queued', @envelope, @signature, @keyId, @digest, @createdAt, @createdAt)`),
    due: db.prepare(
      `SELECT ${columns} FROM outbox WHERE state IN ('queued', 'sending') AND next_attempt_at <= ? ORDER BY created_at LIMIT ?`,
    ),
    get: db.prepare(`SELECT ${columns} FROM outbox WHERE submission_id = ?`),
    stateOf: db.prepare(
      `SELECT submission_id AS submissionId, declaration_id AS declarationId, state FROM outbox WHERE submission_id = ?`,
    ),
    setState: db.prepare(
      `UPDATE outbox SET state = @state, hub_seq = coalesce(@hubSeq, hub_seq), last_error = @lastError, updated_at = @at WHERE submission_id = @submissionId`,
    ),
    markSending: db.prepare(
      `UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE submission_id = ? AND state IN ('queued', 'sending')`,
    ),
    bump: db.prepare(`UPDATE outbox SET attempts = attempts + 1, updated_at = ? WHERE submission_id = ?`),
    retry: db.prepare(
      `UPDATE outbox SET next_attempt_at = @nextAttemptAt, last_error = @lastError, updated_at = @at WHERE submission_id = @submissionId`,
    ),
    counts: db.prepare(
      `SELECT state, count(*) AS n FROM outbox WHERE state IN ('queued', 'sending', 'rejected') GROUP BY state`,
    ),
    expedite: db.prepare(
      `UPDATE outbox SET next_attempt_at = @now WHERE state IN ('queued', 'sending') AND next_attempt_at > @now
       AND json_valid(last_error) AND json_extract(last_error, '$.reason') IN (SELECT value FROM json_each(@reasons))`,
    ),
    missingHubSeq: db.prepare(
      `SELECT submission_id AS submissionId FROM outbox WHERE state = 'accepted' AND hub_seq IS NULL ORDER BY created_at LIMIT ?`,
    ),
    fillHubSeq: db.prepare(`UPDATE outbox SET hub_seq = ? WHERE submission_id = ? AND hub_seq IS NULL`),
    nextDue: db.prepare(`SELECT min(next_attempt_at) AS t FROM outbox WHERE state IN ('queued', 'sending')`),
    pendingFor: db.prepare(`SELECT ${columns} FROM outbox WHERE declaration_id = ? AND state IN ('queued', 'sending')`),
    forDeclaration: db.prepare(`SELECT ${columns} FROM outbox WHERE declaration_id = ? ORDER BY created_at`),
  };
  return {
    insert(
      item: {
        submissionId: string;
        declarationId: string;
        revision: number;
        createdAt: string;
      } & SignedText,
    ): void {
      stmt.insert.run(item);
    },
    /** Which declaration an item belongs to and its state, without the signed text. */
    stateOf(submissionId: string): Pick<OutboxItem, 'submissionId' | 'declarationId' | 'state'> | undefined {
      return stmt.stateOf.get(submissionId) as Pick<OutboxItem, 'submissionId' | 'declarationId' | 'state'> | undefined;
    },
    get(submissionId: string): OutboxItem | undefined {
      return withError(stmt.get.get(submissionId) as OutboxItem | undefined);
    },
    due(now: number, limit: number): OutboxItem[] {
      return (stmt.due.all(now, limit) as OutboxItem[]).map((row) => withError(row) as OutboxItem);
    },
    /** Marks an item as being sent; false when it is no longer pending (withdrawn or settled meanwhile). */
    markSending(submissionId: string, at: string): boolean {
      return stmt.markSending.run(at, submissionId).changes === 1;
    },
    /** Counts an attempt that did not send (asking the hub whether an earlier send arrived), so backoff grows. */
    bumpAttempt(submissionId: string, at: string): void {
      stmt.bump.run(at, submissionId);
    },
    /** The outbox as the user sees it (without the signed bytes), newest first. */
    list(limit: number, states: readonly OutboxState[]): OutboxView[] {
      const marks = states.map(() => '?').join(', ');
      return db
        .prepare(
          `SELECT o.submission_id AS submissionId, o.declaration_id AS declarationId, d.client_seq_no AS clientSeqNo, o.state, o.attempts,
            o.next_attempt_at AS nextAttemptAt, o.last_error AS lastError, o.hub_seq AS hubSeq, o.created_at AS createdAt, o.updated_at AS updatedAt
          FROM outbox o JOIN declarations d ON d.id = o.declaration_id WHERE o.state IN (${marks}) ORDER BY o.created_at DESC LIMIT ?`,
        )
        .all(...states, limit)
        .map((row) => withError(row as OutboxView) as OutboxView);
    },
    setState(
      submissionId: string,
      state: OutboxState,
      at: string,
      extra: { hubSeq?: number | null; lastError?: ReasonMessage | null } = {},
    ): void {
      const lastError = writeError(extra.lastError);
      stmt.setState.run({ submissionId, state, at, hubSeq: extra.hubSeq ?? null, lastError });
    },
    scheduleRetry(submissionId: string, nextAttemptAt: number, lastError: ReasonMessage, at: string): void {
      stmt.retry.run({ submissionId, nextAttemptAt, lastError: writeError(lastError), at });
    },
    counts(): { queued: number; sending: number; rejected: number } {
      const out = { queued: 0, sending: 0, rejected: 0 };
      for (const row of stmt.counts.all() as Array<{ state: keyof typeof out; n: number }>) out[row.state] = row.n;
      return out;
    },
    /** Makes due now the waiting items whose last failure has one of `reasons`; returns how many. */
    expedite(now: number, reasons: readonly string[]): number {
      return stmt.expedite.run({ now, reasons: JSON.stringify(reasons) }).changes;
    },
    /** Accepted items whose hub sequence is unknown (accepted through a receipt, their submit answer lost). */
    missingHubSeq(limit: number): string[] {
      return (stmt.missingHubSeq.all(limit) as Array<{ submissionId: string }>).map((r) => r.submissionId);
    },
    fillHubSeq(submissionId: string, hubSeq: number): void {
      stmt.fillHubSeq.run(hubSeq, submissionId);
    },
    nextDueAt(): number | null {
      return (stmt.nextDue.get() as { t: number | null }).t;
    },
    pendingFor(declarationId: string): OutboxItem | undefined {
      return withError(stmt.pendingFor.get(declarationId) as OutboxItem | undefined);
    },
    forDeclaration(declarationId: string): OutboxItem[] {
      return (stmt.forDeclaration.all(declarationId) as OutboxItem[]).map((row) => withError(row) as OutboxItem);
    },
  };
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
