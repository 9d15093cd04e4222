import type { ClientRecord, ClientSummary, HubStoreClients, KeyRecord, NonceUse } from '../types';
import { NonceReplayedError } from '../types';
import type { HubDb } from './connection';
import { readOne } from './connection';

interface ClientRow {
  id: string;
  name: string;
  enrolled_at: string;
  revoked_at: string | null;
}

interface KeyRow {
  key_id: string;
  algorithm: KeyRecord['algorithm'];
  public_key: string;
  added_at: string;
}

function toClient(row: ClientRow): ClientRecord {
  return { id: row.id, name: row.name, enrolledAt: row.enrolled_at, revokedAt: row.revoked_at };
}

function toKey(row: KeyRow): KeyRecord {
  return { keyId: row.key_id, algorithm: row.algorithm, publicKey: row.public_key, addedAt: row.added_at };
}

/** Inserts the nonce or throws when it was seen; meant to run inside the caller's transaction. */
export function nonceInserter(db: HubDb): (use: NonceUse) => void {
  const insert = db.prepare('INSERT OR IGNORE INTO nonces (client_id, nonce, expires_at) VALUES (?, ?, ?)');
  return (use) => {
    if (insert.run(use.clientId, use.nonce, use.expiresAt).changes !== 1) throw new NonceReplayedError();
  };
}

export function sqliteClients(db: HubDb): HubStoreClients {
  const insertCode = db.prepare(
    'INSERT INTO enrollment_codes (code_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const useCode = db.prepare(
    'UPDATE enrollment_codes SET used_at = ?, client_id = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
  );
  const insertClient = db.prepare('INSERT INTO clients (id, name, enrolled_at) VALUES (?, ?, ?)');
  const insertKey = db.prepare(
    'INSERT INTO client_keys (client_id, key_id, algorithm, public_key, added_at) VALUES (?, ?, ?, ?, ?)',
  );
  const selectUsableCode = db
    .prepare('SELECT 1 FROM enrollment_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?')
    .pluck();
  const selectClient = db.prepare<[string], ClientRow>(
    'SELECT id, name, enrolled_at, revoked_at FROM clients WHERE id = ?',
  );
  const selectKey = db.prepare<[string, string], KeyRow>(
    'SELECT key_id, algorithm, public_key, added_at FROM client_keys WHERE client_id = ? AND key_id = ?',
  );
  const revoke = db.prepare('UPDATE clients SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?');
  const selectNonce = db.prepare('SELECT 1 FROM nonces WHERE client_id = ? AND nonce = ?').pluck();
  const deleteNonces = db.prepare('DELETE FROM nonces WHERE expires_at < ?');
  const listRows = db.prepare<
    [],
    ClientRow & { key_count: number; submission_count: number; last_submission_at: string | null }
  >(`
    SELECT c.id, c.name, c.enrolled_at, c.revoked_at,
           (SELECT count(*) FROM client_keys k WHERE k.client_id = c.id) AS key_count,
           (SELECT count(*) FROM submissions s WHERE s.client_id = c.id) AS submission_count,
           (SELECT max(received_at) FROM submissions s WHERE s.client_id = c.id) AS last_submission_at
    FROM clients c ORDER BY c.enrolled_at, c.id`);
  const insertNonce = nonceInserter(db);

  // The code row references the client, so the client is inserted before the code is marked used.
  const enrollOrdered = db.transaction(
    (input: Parameters<HubStoreClients['enroll']>[0]): { clientId: string } | null => {
      if (!selectUsableCode.get(input.codeHash, input.now)) return null;
      insertClient.run(input.client.id, input.client.name, input.client.enrolledAt);
      insertKey.run(input.client.id, input.key.keyId, input.key.algorithm, input.key.publicKey, input.key.addedAt);
      if (useCode.run(input.client.enrolledAt, input.client.id, input.codeHash, input.now).changes !== 1) {
        throw new Error('The enrollment code was used concurrently');
      }
      return { clientId: input.client.id };
    },
  );
  const addKeyTx = db.transaction((input: Parameters<HubStoreClients['addKey']>[0]): 'added' | 'exists' => {
    insertNonce(input.nonce);
    if (selectKey.get(input.clientId, input.key.keyId)) return 'exists';
    insertKey.run(input.clientId, input.key.keyId, input.key.algorithm, input.key.publicKey, input.key.addedAt);
    return 'added';
  });

  return {
    async createEnrollmentCode(input) {
      insertCode.run(input.codeHash, input.label, input.createdAt, input.expiresAt);
    },
    async enroll(input) {
      // BEGIN IMMEDIATE: the check and the use of the code happen under the write lock.
      return enrollOrdered.immediate(input);
    },
    getClient: readOne(selectClient, toClient),
    async listClients(): Promise<ClientSummary[]> {
      return listRows.all().map((row) => ({
        ...toClient(row),
        keyCount: row.key_count,
        submissionCount: row.submission_count,
        lastSubmissionAt: row.last_submission_at,
      }));
    },
    async revokeClient(clientId, at) {
      return revoke.run(at, clientId).changes === 1;
    },
    getKey: readOne(selectKey, toKey),
    async addKey(input) {
      return addKeyTx.immediate(input);
    },
    async hasNonce(clientId, nonce) {
      return selectNonce.get(clientId, nonce) !== undefined;
    },
    async consumeNonce(use) {
      insertNonce(use);
    },
    async pruneNonces(now) {
      return deleteNonces.run(now).changes;
    },
  };
}
