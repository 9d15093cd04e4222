import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../shared/store/migrate';
import { tempDir } from '../../test-support/hub/in-process';
import { hubMigrations } from './migrations';
import type { HubMigration } from './sqlite/connection';
import { HUB_DB_FILE, migrateHubDb, openHubDb } from './sqlite/connection';
import { openSqliteStore } from './sqlite/sqlite-store';
import { formatNumber } from './batch-rules';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function dir(): string {
  const d = tempDir('swhub-store-');
  dirs.push(d);
  return d;
}

/** A hub database at `version` holding one client and one accepted submission (海关编号 224820261000000001). */
function hubWithOneSubmission(version: number) {
  const d = dir();
  const db = openHubDb(d);
  migrateHubDb(db, d, hubMigrations.slice(0, version));
  db.exec(`INSERT INTO clients (id, name, enrolled_at) VALUES ('c', '报关行', '2026-12-01');
    INSERT INTO submissions (client_id, submission_id, payload_digest, state, hub_seq, client_seq_no, key_id,
      envelope, signature, received_at, entry_id)
    VALUES ('c', 's', 'd', 'accepted', 1, 'C1', 'k', '{}', 'sig', '2026-12-01', '224820261000000001')`);
  return { d, db };
}

describe('hub store migrations', () => {
  it('migration 0004 keeps the submissions a hub at 0003 holds, with no values changed and none cancelled', () => {
    const { d, db } = hubWithOneSubmission(3);
    migrateHubDb(db, d, hubMigrations);
    expect(db.prepare('SELECT entry_id, current_doc, cancelled_at FROM submissions').all()).toEqual([
      { entry_id: '224820261000000001', current_doc: null, cancelled_at: null },
    ]);
    expect(db.prepare('SELECT count(*) FROM mod_requests').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('migration 0005 keeps the submissions a hub at 0004 holds, naming no preparer or reviewer', () => {
    const { d, db } = hubWithOneSubmission(4);
    migrateHubDb(db, d, hubMigrations.slice(0, 5));
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT entry_id, preparer, reviewer FROM submissions').all()).toEqual([
      { entry_id: '224820261000000001', preparer: null, reviewer: null },
    ]);
    db.close();
  });

  it('the migrations create the schema on a new database with WAL, full sync and foreign keys', async () => {
    const d = dir();
    const store = openSqliteStore(d);
    expect(store.db.pragma('user_version', { simple: true })).toBe(hubMigrations.length);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'attachments',
      'client_keys',
      'clients',
      'code_table_rows',
      'code_table_versions',
      'counters',
      'enrollment_codes',
      'mod_requests',
      'nonces',
      'processing',
      'receipts',
      'submissions',
    ]);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await store.close();
    // Opening again changes nothing and takes no backup.
    const again = openSqliteStore(d);
    await again.close();
    expect(fs.existsSync(path.join(d, 'backups'))).toBe(false);
  });

  it('migration 0002 gives the receipts a 税费单 column and keeps the receipts issued before it, without a bill', async () => {
    const d = dir();
    const db = openHubDb(d);
    migrateHubDb(db, d, hubMigrations.slice(0, 2));
    db.pragma('foreign_keys = OFF');
    db.prepare(
      `INSERT INTO receipts (receipt_id, client_id, submission_pk, submission_id, client_seq_no, step, channel, note,
       notice_date, seq_no, entry_id, errors) VALUES ('r1', 'c1', 1, 's1', 'C1', 2, 'P', '海关已放行', 'then', NULL, NULL, '[]')`,
    ).run();
    db.close();
    const store = openSqliteStore(d);
    expect(store.db.pragma('user_version', { simple: true })).toBe(hubMigrations.length);
    const [kept] = await store.receiptsAfter('c1', 0, 10);
    expect(kept).toMatchObject({ receiptId: 'r1', channel: 'P', note: '海关已放行' });
    expect(kept && 'taxBill' in kept).toBe(false);
    await store.close();
  });

  it('migration 0003 adds the attachments table to a hub database at 0002, keeping its rows (after a backup)', async () => {
    const d = dir();
    const db = openHubDb(d);
    migrateHubDb(db, d, hubMigrations.slice(0, 2));
    db.prepare("INSERT INTO clients (id, name, enrolled_at) VALUES ('c1', 'x', 'now')").run();
    db.close();
    const store = openSqliteStore(d);
    expect(store.db.prepare('SELECT id FROM clients').pluck().all()).toEqual(['c1']);
    const columns = store.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('attachments');
    expect(columns).toEqual(['client_id', 'sha256', 'size', 'data', 'complete', 'updated_at']);
    expect(fs.readdirSync(path.join(d, 'backups'))).toHaveLength(1);
    await store.close();
  });

  it('refuses a database written by a newer hub and leaves it unchanged', () => {
    const d = dir();
    const raw = new Database(path.join(d, HUB_DB_FILE));
    raw.pragma(`user_version = ${hubMigrations.length + 1}`);
    raw.close();
    expect(() => openSqliteStore(d)).toThrow(DatabaseTooNewError);
    const check = new Database(path.join(d, HUB_DB_FILE));
    expect(check.pragma('user_version', { simple: true })).toBe(hubMigrations.length + 1);
    check.close();
  });

  it('backs the database up with VACUUM INTO before an upgrade, and an upgrade is all or nothing', () => {
    const d = dir();
    const db = openHubDb(d);
    migrateHubDb(db, d, hubMigrations);
    db.prepare("INSERT INTO clients (id, name, enrolled_at) VALUES ('c1', 'x', 'now')").run();
    const failing: HubMigration = {
      version: hubMigrations.length + 1,
      name: 'fails',
      up(conn) {
        conn.exec('CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    expect(() => migrateHubDb(db, d, [...hubMigrations, failing])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(hubMigrations.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    const backups = fs.readdirSync(path.join(d, 'backups'));
    expect(backups).toHaveLength(1);
    const copy = new Database(path.join(d, 'backups', backups[0] ?? ''));
    expect(copy.prepare('SELECT id FROM clients').pluck().all()).toEqual(['c1']);
    copy.close();
    db.close();
  });
});

describe('numbers', () => {
  it('formats 18-character numbers from a prefix and a serial, and refuses an exhausted range', () => {
    expect(formatNumber('224820261', 7)).toBe('224820261000000007');
    expect(formatNumber('I2026', 1)).toHaveLength(18);
    expect(() => formatNumber('224820261', 1_000_000_000)).toThrow(/exhausted/);
  });
});
