import type { Db } from '../connection';

export interface StoredRequest {
  method: string;
  declarationId: string;
  answer: string;
}

/** How long an answer is kept for a call sent again: far longer than any retry after a lost answer. */
const KEEP_MS = 24 * 3600_000;

/** Answers to calls that carried a request id (declarations.create / update), so a retry changes nothing. */
export function createRequestIdsRepo(db: Db) {
  const stmt = {
    get: db.prepare(`SELECT method, declaration_id AS declarationId, answer FROM request_ids WHERE request_id = ?`),
    put: db.prepare(
      `INSERT INTO request_ids (request_id, method, declaration_id, answer, created_at) VALUES (?, ?, ?, ?, ?)`,
    ),
    prune: db.prepare(`DELETE FROM request_ids WHERE created_at < ?`),
  };
  return {
    get(requestId: string): StoredRequest | undefined {
      return stmt.get.get(requestId) as StoredRequest | undefined;
    },
    /** Keeps the answer (inside the caller's transaction) and forgets those older than a day. */
    put(requestId: string, entry: StoredRequest, now: number): void {
      stmt.prune.run(new Date(now - KEEP_MS).toISOString());
      stmt.put.run(requestId, entry.method, entry.declarationId, entry.answer, new Date(now).toISOString());
    },
  };
}

export type RequestIdsRepo = ReturnType<typeof createRequestIdsRepo>;
