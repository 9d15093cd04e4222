import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../../db/connection';
import {
  checkFindings,
  readSchema,
  settingText,
  signingKeyStates,
  waitingByKey,
} from '../../db/repositories/database-facts';
import { DatabaseDamagedError, DataFolderUnwritableError, SigningKeyMissingError } from './open-errors';
import { CONNECTION_KEY } from '../sync/sync-engine';

/** Up to this size the database gets SQLite's quick_check at every start (about 2 ms per MB). */
export const QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Proves the folder can hold the database: creates it, writes and syncs a probe file, removes it.
 * A folder where this fails gets the "choose another folder" screen, not a crash further on.
 */
export function ensureWritableFolder(dir: string): void {
  const probe = path.join(dir, `.write-test-${process.pid}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(probe, 'w');
    try {
      fs.writeSync(fd, 'swdesk');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.rmSync(probe, { force: true });
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    throw new DataFolderUnwritableError(
      dir,
      `${code ? `${code}: ` : ''}${error instanceof Error ? error.message : String(error)}`,
      error,
    );
  }
}

/**
 * Checks the opened database before anything relies on it: always that its schema can be read,
 * and SQLite's quick_check when it is small enough to check at every start (larger databases
 * are checked on every daily backup instead).
 */
export function checkOpenedDatabase(db: Db, file: string, maxQuickCheckBytes = QUICK_CHECK_MAX_BYTES): void {
  try {
    readSchema(db);
    let size = 0;
    try {
      size = fs.statSync(file).size;
    } catch {
      size = 0;
    }
    if (size > maxQuickCheckBytes) return;
    const findings = checkFindings(db);
    if (findings.length > 0)
      throw new DatabaseDamagedError(`SQLite's check failed: ${findings.slice(0, 3).join('; ')}`);
  } catch (error) {
    if (error instanceof DatabaseDamagedError) throw error;
    throw new DatabaseDamagedError(error instanceof Error ? error.message : String(error));
  }
}

const connectionSchema = z.object({ keyId: z.string() }).passthrough();
/** Written by the sync engine when the desk enrols with a hub. */
export const HUB_CONNECTION_KEY = CONNECTION_KEY;

interface KeyFacts {
  known: Set<string>;
  active: { keyId: string } | undefined;
  enrolledKeyId: string | null;
  waiting: Array<{ keyId: string; n: number }>;
}

function keyFacts(db: Db): KeyFacts {
  const stored = signingKeyStates(db);
  const connection = settingText(db, HUB_CONNECTION_KEY);
  let enrolledKeyId: string | null = null;
  if (connection !== undefined) {
    const parsed = connectionSchema.safeParse(
      (() => {
        try {
          return JSON.parse(connection) as unknown;
        } catch {
          return null;
        }
      })(),
    );
    if (parsed.success) enrolledKeyId = parsed.data.keyId;
  }
  return {
    known: new Set(stored.map((k) => k.keyId)),
    active: stored.find((k) => k.active),
    enrolledKeyId,
    waiting: waitingByKey(db),
  };
}

/**
 * A "missing key": the data refers to a signing key that cannot be used — the key the hub knows
 * this desk by, or one that signed submissions still waiting in the outbox, is no longer stored.
 * Without this check the app would quietly create a new key the hub does not know and every sync
 * would fail. (Whether the OS keychain still opens the active key is asked right after, with the
 * keychain's asynchronous API: see `keyUnlockFailure`.)
 */
export function checkSigningKeys(db: Db): void {
  const facts = keyFacts(db);
  const missing = new Set<string>();
  const reasons: string[] = [];
  if (facts.enrolledKeyId !== null && (!facts.known.has(facts.enrolledKeyId) || !facts.active)) {
    missing.add(facts.enrolledKeyId);
    reasons.push(`the key this desk is enrolled at the hub with (${facts.enrolledKeyId}) is not stored`);
  }
  let queued = 0;
  for (const w of facts.waiting) {
    if (facts.known.has(w.keyId)) continue;
    missing.add(w.keyId);
    queued += w.n;
    reasons.push(`${w.n} queued submission(s) were signed with key ${w.keyId}, which is not stored`);
  }
  if (missing.size > 0)
    throw new SigningKeyMissingError({
      missingKeyIds: [...missing],
      queued,
      enrolled: facts.enrolledKeyId !== null,
      reason: `The signing key is missing: ${reasons.join('; ')}`,
    });
}

/**
 * The active key is stored but the OS keychain refused to open it (the data was copied from another
 * user or machine, or the keychain was reset): a missing key too, with what waits on it.
 */
export function keyUnlockFailure(db: Db, keyId: string, reason: string): SigningKeyMissingError {
  const facts = keyFacts(db);
  return new SigningKeyMissingError({
    missingKeyIds: [keyId],
    queued: facts.waiting.filter((w) => w.keyId === keyId).reduce((sum, w) => sum + w.n, 0),
    enrolled: facts.enrolledKeyId !== null,
    reason: `The signing key is missing: ${reason}`,
  });
}
