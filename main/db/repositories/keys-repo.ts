import type { Db } from '../connection';

export interface StoredKey {
  keyId: string;
  algorithm: 'ed25519' | 'sm2';
  publicKey: string;
  sealedPrivate: string;
  protection: string;
  active: boolean;
  createdAt: string;
  retiredAt: string | null;
}

interface KeyRow {
  key_id: string;
  algorithm: 'ed25519' | 'sm2';
  public_key: string;
  sealed_private: string;
  protection: string;
  active: number;
  created_at: string;
  retired_at: string | null;
}

function toKey(row: KeyRow): StoredKey {
  return {
    keyId: row.key_id,
    algorithm: row.algorithm,
    publicKey: row.public_key,
    sealedPrivate: row.sealed_private,
    protection: row.protection,
    active: row.active === 1,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  };
}

/** Signing keys: one active, older ones kept (retired) so their signatures stay verifiable. */
export function createKeysRepo(db: Db) {
  const active = db.prepare(`SELECT * FROM signing_keys WHERE active = 1`);
  const retireAll = db.prepare(`UPDATE signing_keys SET active = 0, retired_at = ? WHERE active = 1`);
  const insert = db.prepare(
    `INSERT INTO signing_keys (key_id, algorithm, public_key, sealed_private, protection, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)`,
  );
  const all = db.prepare(`SELECT * FROM signing_keys ORDER BY created_at`);
  const setSealed = db.prepare(`UPDATE signing_keys SET sealed_private = ?, protection = ? WHERE key_id = ?`);
  return {
    active(): StoredKey | undefined {
      const row = active.get() as KeyRow | undefined;
      return row ? toKey(row) : undefined;
    },
    all(): StoredKey[] {
      return (all.all() as KeyRow[]).map(toKey);
    },
    /** Makes `key` the active one; the previous key is retired, not deleted. */
    activate: db.transaction((key: Omit<StoredKey, 'active' | 'retiredAt'>) => {
      retireAll.run(key.createdAt);
      insert.run(key.keyId, key.algorithm, key.publicKey, key.sealedPrivate, key.protection, key.createdAt);
    }),
    /** Stores keys sealed anew (another protection), all or none. */
    reseal: db.transaction((keys: ReadonlyArray<{ keyId: string; sealedPrivate: string }>, protection: string) => {
      for (const key of keys) setSealed.run(key.sealedPrivate, protection, key.keyId);
    }),
  };
}

export type KeysRepo = ReturnType<typeof createKeysRepo>;
