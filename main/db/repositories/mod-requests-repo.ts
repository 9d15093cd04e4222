import type { ReasonMessage } from '../../../shared/api';
import type { DecModChange } from '../../../shared/modify/dec-mod-list';
import type { DecModHead, ModKind } from '../../../shared/modify/mod-request';
import type { Db } from '../connection';
import type { SignedSending, SignedText } from './signed-sending';
import { readError, writeError } from './signed-sending';

/** queued/sending: waiting to go out; sent: the hub holds it; approved/refused: its answer came back. */
export type ModRequestState = 'queued' | 'sending' | 'sent' | 'approved' | 'refused';

/** The answer to a request: the hub's 修撤单统一编号, and for a refusal its reasons (a field named when one is). */
export interface ModAnswer {
  at: string;
  note: string;
  reasons: ReasonMessage[];
}

export interface ModRequest extends SignedSending {
  requestId: string;
  declarationId: string;
  kind: ModKind;
  state: ModRequestState;
  /** The declaration's revision the request was made from (the lifecycle's revision of the request). */
  revision: number;
  reasonCase: number;
  note: string;
  head: DecModHead;
  changes: DecModChange[];
  modSeqNo: string | null;
  answer: ModAnswer | null;
  createdAt: string;
  updatedAt: string;
}

interface Stored extends Omit<ModRequest, 'head' | 'changes' | 'lastError' | 'answer'> {
  head: string;
  changes: string;
  lastError: string | null;
  answer: string | null;
}

function toRequest(row: Stored | undefined): ModRequest | undefined {
  if (!row) return undefined;
  return {
    ...row,
    head: JSON.parse(row.head) as DecModHead,
    changes: JSON.parse(row.changes) as DecModChange[],
    lastError: readError(row.lastError),
    answer: row.answer === null ? null : (JSON.parse(row.answer) as ModAnswer),
  };
}

const columns = `request_id AS requestId, declaration_id AS declarationId, kind, state, revision, reason_case AS reasonCase,
  note, head, changes, envelope, signature, key_id AS keyId, digest, attempts, next_attempt_at AS nextAttemptAt,
  last_error AS lastError, mod_seq_no AS modSeqNo, answer, created_at AS createdAt, updated_at AS updatedAt`;

/**
 * Modification and cancellation requests (修撤单): each signed once and kept with its envelope until the hub holds it,
 * then with its answer. A request leaves queued/sending only with the hub's answer, so it is sent exactly once (the
 * hub takes a request id it already holds as the same request).
 */
export function createModRequestsRepo(db: Db) {
  const stmt = {
    insert: db.prepare(`INSERT INTO mod_requests (request_id, declaration_id, kind, state, revision, reason_case, note,
      head, changes, envelope, signature, key_id, digest, created_at, updated_at)
      VALUES (@requestId, @declarationId, @kind, 'queued', @revision, @reasonCase, @note, @head, @changes, @envelope,
      @signature, @keyId, @digest, @createdAt, @createdAt)`),
    get: db.prepare(`SELECT ${columns} FROM mod_requests WHERE request_id = ?`),
    forDeclaration: db.prepare(`SELECT ${columns} FROM mod_requests WHERE declaration_id = ? ORDER BY created_at`),
    due: db.prepare(
      `SELECT ${columns} FROM mod_requests WHERE state IN ('queued', 'sending') AND next_attempt_at <= ?
       ORDER BY created_at LIMIT ?`,
    ),
    awaiting: db.prepare(`SELECT ${columns} FROM mod_requests WHERE state = 'sent' ORDER BY created_at LIMIT ?`),
    markSending: db.prepare(
      `UPDATE mod_requests SET state = 'sending', attempts = attempts + 1, updated_at = ?
       WHERE request_id = ? AND state IN ('queued', 'sending')`,
    ),
    sent: db.prepare(
      `UPDATE mod_requests SET state = 'sent', mod_seq_no = coalesce(@modSeqNo, mod_seq_no), last_error = NULL,
       updated_at = @at WHERE request_id = @requestId AND state IN ('queued', 'sending', 'sent')`,
    ),
    inFlight: db.prepare(
      `SELECT ${columns} FROM mod_requests WHERE state IN ('sending', 'sent') ORDER BY created_at LIMIT ?`,
    ),
    answer: db.prepare(
      `UPDATE mod_requests SET state = @state, mod_seq_no = coalesce(@modSeqNo, mod_seq_no), answer = @answer,
       last_error = NULL, updated_at = @at WHERE request_id = @requestId AND state IN ('queued', 'sending', 'sent')`,
    ),
    expedite: db.prepare(
      `UPDATE mod_requests SET next_attempt_at = @now WHERE state IN ('queued', 'sending') AND next_attempt_at > @now`,
    ),
    retry: db.prepare(
      `UPDATE mod_requests SET next_attempt_at = @nextAttemptAt, last_error = @lastError, updated_at = @at
       WHERE request_id = @requestId`,
    ),
  };
  return {
    insert(
      item: {
        requestId: string;
        declarationId: string;
        kind: ModKind;
        revision: number;
        reasonCase: number;
        note: string;
        head: DecModHead;
        changes: readonly DecModChange[];
        createdAt: string;
      } & SignedText,
    ): void {
      stmt.insert.run({ ...item, head: JSON.stringify(item.head), changes: JSON.stringify(item.changes) });
    },
    get(requestId: string): ModRequest | undefined {
      return toRequest(stmt.get.get(requestId) as Stored | undefined);
    },
    forDeclaration(declarationId: string): ModRequest[] {
      return (stmt.forDeclaration.all(declarationId) as Stored[]).map((r) => toRequest(r) as ModRequest);
    },
    due(now: number, limit: number): ModRequest[] {
      return (stmt.due.all(now, limit) as Stored[]).map((r) => toRequest(r) as ModRequest);
    },
    /** Requests the hub holds whose answer has not come back yet. */
    awaiting(limit: number): ModRequest[] {
      return (stmt.awaiting.all(limit) as Stored[]).map((r) => toRequest(r) as ModRequest);
    },
    /** Marks a request as being sent; false when it is no longer waiting to go out. */
    markSending(requestId: string, at: string): boolean {
      return stmt.markSending.run(at, requestId).changes === 1;
    },
    /** Requests handed on and not answered yet (being written or sent): the ones an answer file may be about. */
    inFlight(limit: number): ModRequest[] {
      return (stmt.inFlight.all(limit) as Stored[]).map((r) => toRequest(r) as ModRequest);
    },
    /**
     * It has gone where its answer will come from (the hub holds it, or the e-port client took it); records the
     * 修撤单统一编号 when known, also on a request already sent. False once it has its answer.
     */
    markSent(requestId: string, at: string, modSeqNo: string | null): boolean {
      return stmt.sent.run({ requestId, at, modSeqNo }).changes === 1;
    },
    /** Records the answer once; false when the request already has one (a repeated receipt changes nothing). */
    settle(requestId: string, state: 'approved' | 'refused', answer: ModAnswer, modSeqNo: string | null): boolean {
      return (
        stmt.answer.run({ requestId, state, answer: JSON.stringify(answer), modSeqNo, at: answer.at }).changes === 1
      );
    },
    /** Requests waiting for a later try go at once (the hub is back); returns how many. */
    expedite(now: number): number {
      return stmt.expedite.run({ now }).changes;
    },
    scheduleRetry(requestId: string, nextAttemptAt: number, lastError: ReasonMessage, at: string): void {
      stmt.retry.run({ requestId, nextAttemptAt, lastError: writeError(lastError), at });
    },
  };
}

export type ModRequestsRepo = ReturnType<typeof createModRequestsRepo>;
