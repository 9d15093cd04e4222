import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import { backupName, checkDatabaseFile, headerVersion, listBackups } from './backup-files';
import { createBackupService } from './backup-service';
import { restoreTimeZoneAfterEach } from '../../../test-support/shared/time-zone';

const DAY = 24 * 3600_000;
const latest = migrations.length;

describe('backups', () => {
  let f: CoreFixture;
  let service: ReturnType<typeof createBackupService>;
  beforeEach(() => {
    f = coreFixture();
    service = createBackupService(f.ctx, { db: f.db, dataDir: f.dir, settings: f.settings, supportedVersion: latest });
  });
  afterEach(async () => {
    await service.stop();
    f.close();
  });

  it('writes a checked, self-contained copy that restores the data as it was', async () => {
    const record = f.declarations.create({ ieFlag: 'I' });
    const info = await service.backupNow();
    expect(info).toMatchObject({ kind: 'manual', schemaVersion: latest, createdAt: '2026-11-22T08:00:00.000Z' });
    const files = fs.readdirSync(path.join(f.dir, 'backups'));
    expect(files).toEqual([info.name]); // no -wal, -shm or partial file beside it
    expect(checkDatabaseFile(path.join(f.dir, 'backups', info.name), { supported: latest, thorough: true })).toEqual({
      ok: true,
      schemaVersion: latest,
    });
    const copy = openDatabase(path.join(f.dir, 'backups', info.name), { readonly: true });
    expect(copy.prepare(`SELECT id FROM declarations`).all()).toEqual([{ id: record.id }]);
    copy.close();
  });

  it('keeps the newest backups it made up to the retention count, and never removes the ones taken before an upgrade', async () => {
    fs.mkdirSync(path.join(f.dir, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(f.dir, 'backups', 'before-schema-5-from-4-2026-01-01T00-00-00-000Z.sqlite'), 'x');
    service.updateSettings({ retention: 3 });
    for (let i = 0; i < 5; i++) {
      await service.backupNow();
      f.clock.advance(60_000);
    }
    const own = service.list().filter((b) => b.kind === 'manual');
    expect(own.map((b) => b.createdAt)).toEqual([
      '2026-11-22T08:04:00.000Z',
      '2026-11-22T08:03:00.000Z',
      '2026-11-22T08:02:00.000Z',
    ]);
    expect(service.list().filter((b) => b.kind === 'before-upgrade')).toHaveLength(1);
    service.updateSettings({ retention: 1 });
    expect(service.list().filter((b) => b.kind === 'manual')).toHaveLength(1);
  });

  it('takes the daily backup when the last one is a day old, and not when switched off', async () => {
    expect((await service.maybeDaily())?.kind).toBe('daily');
    f.clock.advance(DAY - 1);
    expect(await service.maybeDaily()).toBeNull();
    f.clock.advance(1);
    expect((await service.maybeDaily())?.kind).toBe('daily');
    service.updateSettings({ daily: false });
    f.clock.advance(2 * DAY);
    expect(await service.maybeDaily()).toBeNull();
    expect(service.list().filter((b) => b.kind === 'daily')).toHaveLength(2);
  });

  it('names a backup only by a name it listed', () => {
    expect(() => service.fileOf('swdesk-manual-20260101T000000000Z.sqlite')).toThrow(/no backup named/);
  });
});

describe('a damaged database is never backed up over good backups', () => {
  it('refuses to keep a copy that fails its check, and says so', async () => {
    const f = coreFixture();
    const good = createBackupService(f.ctx, {
      db: f.db,
      dataDir: f.dir,
      settings: f.settings,
      supportedVersion: latest,
    });
    f.declarations.create({ ieFlag: 'I' });
    const kept = await good.backupNow();
    f.db.pragma('wal_checkpoint(TRUNCATE)');
    f.db.close();
    // Damage the database's pages behind SQLite's back, then open it without the start-up check.
    const file = path.join(f.dir, 'swdesk.sqlite');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(3 * 4096, 0x5a), 0, undefined, 4096);
    fs.closeSync(fd);
    const damaged = openDatabase(file);
    const events: string[] = [];
    const service = createBackupService(
      { ...f.ctx, db: damaged, events: { emit: (event) => void events.push(event) } },
      { db: damaged, dataDir: f.dir, settings: f.settings, supportedVersion: latest },
    );
    f.clock.advance(60_000);
    await expect(service.backupNow()).rejects.toThrow(/check failed/);
    expect(events).toContain('notice');
    expect(listBackups(path.join(f.dir, 'backups')).map((b) => b.name)).toEqual([kept.name]);
    expect(fs.readdirSync(path.join(f.dir, 'backups'))).toEqual([kept.name]);
    damaged.close();
    f.close();
  });
});

describe('backup files', () => {
  it('reads the schema version from the header without opening the database, and knows a file that is not one', () => {
    const f = coreFixture();
    try {
      f.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(headerVersion(path.join(f.dir, 'swdesk.sqlite'))).toBe(latest);
      fs.writeFileSync(path.join(f.dir, 'text.sqlite'), 'hello');
      expect(headerVersion(path.join(f.dir, 'text.sqlite'))).toBeNull();
      expect(checkDatabaseFile(path.join(f.dir, 'text.sqlite'), { supported: latest, thorough: false })).toMatchObject({
        ok: false,
        reason: 'not-a-database',
      });
      expect(checkDatabaseFile(path.join(f.dir, 'none.sqlite'), { supported: latest, thorough: false })).toMatchObject({
        ok: false,
        reason: 'missing',
      });
      const empty = openDatabase(path.join(f.dir, 'empty.sqlite'));
      empty.exec('CREATE TABLE t (x)');
      empty.pragma('user_version = 1');
      empty.close();
      expect(checkDatabaseFile(path.join(f.dir, 'empty.sqlite'), { supported: latest, thorough: false })).toMatchObject(
        { ok: false, reason: 'not-ours' },
      );
      const newer = openDatabase(path.join(f.dir, 'newer.sqlite'));
      migrate(newer, migrations);
      newer.pragma(`user_version = ${latest + 1}`);
      newer.close();
      expect(checkDatabaseFile(path.join(f.dir, 'newer.sqlite'), { supported: latest, thorough: false })).toMatchObject(
        { ok: false, reason: 'too-new' },
      );
    } finally {
      f.close();
    }
  });

  describe('names', () => {
    restoreTimeZoneAfterEach();

    it("names a backup by the machine's clock with its offset, and reads the moment back, as it does an older UTC name", () => {
      process.env.TZ = 'America/New_York';
      const at = new Date('2026-12-07T20:00:04.852Z');
      expect(backupName('manual', at)).toBe('swdesk-manual-20261207T150004852-0500.sqlite');
      process.env.TZ = 'Asia/Kolkata';
      expect(backupName('daily', at)).toBe('swdesk-daily-20261208T013004852+0530.sqlite');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-backup-names-'));
      try {
        for (const name of [backupName('daily', at), 'swdesk-manual-20261207T193000000Z.sqlite']) {
          fs.writeFileSync(path.join(dir, name), 'x');
        }
        process.env.TZ = 'Europe/Berlin';
        expect(listBackups(dir).map((b) => [b.kind, b.createdAt])).toEqual([
          ['daily', '2026-12-07T20:00:04.852Z'],
          ['manual', '2026-12-07T19:30:00.000Z'],
        ]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('lists a backup whose name holds a date no clock reads last, instead of failing the whole listing', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-backup-names-'));
      try {
        for (const name of [
          'swdesk-manual-20261307T250000000+0100.sqlite',
          'swdesk-daily-20261207T193000000Z.sqlite',
        ]) {
          fs.writeFileSync(path.join(dir, name), 'x');
        }
        expect(listBackups(dir).map((b) => [b.name, b.createdAt])).toEqual([
          ['swdesk-daily-20261207T193000000Z.sqlite', '2026-12-07T19:30:00.000Z'],
          ['swdesk-manual-20261307T250000000+0100.sqlite', '1970-01-01T00:00:00.000Z'],
        ]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
