import type pg from 'pg';
import type { ClientRecord, HubStoreClients, KeyRecord, NonceUse } from '../types';
import { NonceReplayedError } from '../types';
import type { PgClient } from './connection';
import { Rollback, query, transaction } from './connection';

interface ClientRow {
  id: string;
  name: string;
  enrolled_at: Date;
  revoked_at: Date | null;
}

interface KeyRow {
  key_id: string;
  algorithm: KeyRecord['algorithm'];
  public_key: string;
  added_at: Date;
}

function toClient(row: ClientRow): ClientRecord {
  return {
    id: row.id,
    name: row.name,
    enrolledAt: row.enrolled_at.toISOString(),
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
  };
}

function toKey(row: KeyRow): KeyRecord {
  return {
    keyId: row.key_id,
    algorithm: row.algorithm,
    publicKey: row.public_key,
    addedAt: row.added_at.toISOString(),
  };
}

/** Inserts the nonce in the caller's transaction, or throws when it was seen (by any hub process). */
export async function insertNonce(client: PgClient, use: NonceUse): Promise<void> {
  const inserted = await client.query(
    'INSERT INTO nonces (client_id, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [use.clientId, use.nonce, use.expiresAt],
  );
  if (inserted.rowCount !== 1) throw new NonceReplayedError();
}

const insertKeySql =
  'INSERT INTO client_keys (client_id, key_id, algorithm, public_key, added_at) VALUES ($1, $2, $3, $4, $5) ' +
  'ON CONFLICT DO NOTHING';

export function postgresClients(pool: pg.Pool): HubStoreClients {
  return {
    async createEnrollmentCode(input) {
      await query(
        pool,
        'INSERT INTO enrollment_codes (code_hash, label, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [input.codeHash, input.label, input.createdAt, input.expiresAt],
      );
    },
    async enroll(input) {
      return transaction<{ clientId: string } | null>(pool, async (c) => {
        // The code row references the client, so the client goes in first; a code that is not
        // usable (or was used by a concurrent enrollment, whose row lock this waits for) rolls it back.
        await c.query('INSERT INTO clients (id, name, enrolled_at) VALUES ($1, $2, $3)', [
          input.client.id,
          input.client.name,
          input.client.enrolledAt,
        ]);
        await c.query(insertKeySql, [
          input.client.id,
          input.key.keyId,
          input.key.algorithm,
          input.key.publicKey,
          input.key.addedAt,
        ]);
        const used = await c.query(
          'UPDATE enrollment_codes SET used_at = $1, client_id = $2 WHERE code_hash = $3 AND used_at IS NULL AND expires_at > $4',
          [input.client.enrolledAt, input.client.id, input.codeHash, input.now],
        );
        if (used.rowCount !== 1) throw new Rollback(null);
        return { clientId: input.client.id };
      });
    },
    async getClient(clientId) {
      const { rows } = await query<ClientRow>(
        pool,
        'SELECT id, name, enrolled_at, revoked_at FROM clients WHERE id = $1',
        [clientId],
      );
      return rows[0] ? toClient(rows[0]) : undefined;
    },
    async listClients() {
      const { rows } = await query<
        ClientRow & { key_count: number; submission_count: number; last_submission_at: Date | null }
      >(
        pool,
        `SELECT c.id, c.name, c.enrolled_at, c.revoked_at,
                (SELECT count(*) FROM client_keys k WHERE k.client_id = c.id) AS key_count,
                (SELECT count(*) FROM submissions s WHERE s.client_id = c.id) AS submission_count,
                (SELECT max(received_at) FROM submissions s WHERE s.client_id = c.id) AS last_submission_at
         FROM clients c ORDER BY c.enrolled_at, c.id`,
      );
      return rows.map((row) => ({
        ...toClient(row),
        keyCount: row.key_count,
        submissionCount: row.submission_count,
        lastSubmissionAt: row.last_submission_at ? row.last_submission_at.toISOString() : null,
      }));
    },
    async revokeClient(clientId, at) {
      const updated = await query(pool, 'UPDATE clients SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2', [
        at,
        clientId,
      ]);
      return updated.rowCount === 1;
    },
    async getKey(clientId, keyId) {
      const { rows } = await query<KeyRow>(
        pool,
        'SELECT key_id, algorithm, public_key, added_at FROM client_keys WHERE client_id = $1 AND key_id = $2',
        [clientId, keyId],
      );
      return rows[0] ? toKey(rows[0]) : undefined;
    },
    async addKey(input) {
      return transaction(pool, async (c) => {
        await insertNonce(c, input.nonce);
        const added = await c.query(insertKeySql, [
          input.clientId,
          input.key.keyId,
          input.key.algorithm,
          input.key.publicKey,
          input.key.addedAt,
        ]);
        return added.rowCount === 1 ? 'added' : 'exists';
      });
    },
    async hasNonce(clientId, nonce) {
      const { rowCount } = await query(pool, 'SELECT 1 FROM nonces WHERE client_id = $1 AND nonce = $2', [
        clientId,
        nonce,
      ]);
      return rowCount === 1;
    },
    async consumeNonce(use) {
      try {
        await query(pool, 'INSERT INTO nonces (client_id, nonce, expires_at) VALUES ($1, $2, $3)', [
          use.clientId,
          use.nonce,
          use.expiresAt,
        ]);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new NonceReplayedError();
        throw error;
      }
    },
    async pruneNonces(now) {
      const { rowCount } = await query(pool, 'DELETE FROM nonces WHERE expires_at < $1', [now]);
      return rowCount ?? 0;
    },
  };
}
