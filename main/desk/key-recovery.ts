import { AppError, reasonIssue } from '../../shared/api';
import type { SignatureAlgorithm } from '../../shared/protocol';
import { keyIdOf } from '../../shared/protocol';
import type { Db } from '../db/connection';
import { importKey } from '../core/signing/key-material';
import type { KeyProtector } from '../core/signing/key-protector';
import { HUB_CONNECTION_KEY } from '../core/recovery/startup-checks';

// The two ways out of a "missing key" (see main/core/recovery/startup-checks.ts), run on the
// database while the app is closed; the desk reopens it afterwards.

/**
 * Puts a missing key back from its private key text. Only one of the keys the data is missing is
 * accepted, so a wrong file cannot replace anything; it is sealed like any stored key.
 */
export async function restoreMissingKey(
  db: Db,
  input: {
    algorithm: SignatureAlgorithm;
    privateKey: string;
    missingKeyIds: readonly string[];
    protector: KeyProtector;
    at: string;
  },
): Promise<{ keyId: string }> {
  const material = importKey(input.algorithm, input.privateKey);
  const keyId = keyIdOf(material.publicKey);
  if (!input.missingKeyIds.includes(keyId)) {
    const params = { keyId, needed: input.missingKeyIds.join(', ') };
    throw new AppError('keys.not-the-missing-key', params, [
      reasonIssue('privateKey', 'keys.not-the-missing-key', params),
    ]);
  }
  const protection = input.protector.preferred;
  if (!input.protector.canUse(protection)) throw new AppError('keys.passphrase-for-new-key');
  const sealed = await input.protector.seal(material.privateBytes, protection);
  db.transaction(() => {
    const existing = db.prepare(`SELECT active FROM signing_keys WHERE key_id = ?`).get(keyId) as
      { active: number } | undefined;
    if (existing) {
      // The key is stored but could not be unlocked (the keychain changed): seal it again.
      db.prepare(`UPDATE signing_keys SET sealed_private = ?, protection = ? WHERE key_id = ?`).run(
        sealed,
        protection,
        keyId,
      );
      return;
    }
    const hasActive = db.prepare(`SELECT 1 FROM signing_keys WHERE active = 1`).get() !== undefined;
    db.prepare(
      `INSERT INTO signing_keys (key_id, algorithm, public_key, sealed_private, protection, active, created_at, retired_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      keyId,
      material.algorithm,
      material.publicKey,
      sealed,
      protection,
      hasActive ? 0 : 1,
      input.at,
      hasActive ? input.at : null,
    );
  })();
  return { keyId };
}

/**
 * Starts over without the missing key: submissions still waiting under it go back to drafts
 * (each with a revision saying why; one that was being sent may have reached the hub, which the
 * revision says too), a stored key that cannot be unlocked is retired, and the hub connection is
 * removed — the desk enrols again with a new code, under a new key made when it reopens.
 */
export function startWithNewKey(
  db: Db,
  input: { missingKeyIds: readonly string[]; at: string },
): { returnedToDraft: string[] } {
  const returned: string[] = [];
  db.transaction(() => {
    const marks = input.missingKeyIds.map(() => '?').join(', ');
    const waiting = db
      .prepare(
        `SELECT o.submission_id AS submissionId, o.state, d.id, d.client_seq_no AS clientSeqNo, d.revision FROM outbox o JOIN declarations d ON d.id = o.declaration_id
        WHERE o.state IN ('queued', 'sending') AND o.key_id IN (${marks})`,
      )
      .all(...input.missingKeyIds) as Array<{
      submissionId: string;
      state: string;
      id: string;
      clientSeqNo: string;
      revision: number;
    }>;
    for (const w of waiting) {
      db.prepare(`UPDATE outbox SET state = 'withdrawn', last_error = ?, updated_at = ? WHERE submission_id = ?`).run(
        'signing key missing',
        input.at,
        w.submissionId,
      );
      db.prepare(
        `UPDATE declarations SET workflow = 'draft', status = 'draft', revision = ?, updated_at = ? WHERE id = ?`,
      ).run(w.revision + 1, input.at, w.id);
      db.prepare(
        `INSERT INTO declaration_revisions (declaration_id, revision, at, actor, action, changes) VALUES (?, ?, ?, 'recovery', 'withdraw', ?)`,
      ).run(
        w.id,
        w.revision + 1,
        input.at,
        JSON.stringify({
          submissionId: w.submissionId,
          reason: 'the signing key it was signed with is missing; declare it again',
          ...(w.state === 'sending' ? { possiblySent: true } : {}),
        }),
      );
      returned.push(w.clientSeqNo);
    }
    db.prepare(`UPDATE signing_keys SET active = 0, retired_at = ? WHERE active = 1 AND key_id IN (${marks})`).run(
      input.at,
      ...input.missingKeyIds,
    );
    db.prepare(`DELETE FROM settings WHERE key = ?`).run(HUB_CONNECTION_KEY);
  })();
  return { returnedToDraft: returned };
}
