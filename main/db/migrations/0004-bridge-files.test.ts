import { describe, expect, it } from 'vitest';
import { databasesPerTest } from '../../../test-support/main/migration-db';
import { migrate, schemaVersion } from '../migrate';
import { migrations } from './index';
import { migration0004 } from './0004-bridge-files';

describe('migration 0004 bridge files', () => {
  const open = databasesPerTest();

  it('upgrades a version-3 database, keeping its data, and adds the received-files ledger', () => {
    const index = migrations.indexOf(migration0004);
    const db = open(index);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('k', 'v')`).run();
    const result = migrate(db, migrations.slice(0, index + 1));
    expect(result).toMatchObject({ from: index, to: migration0004.version });
    expect(schemaVersion(db)).toBe(migration0004.version);
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'k'`).pluck().get()).toBe('v');
    const insert = db.prepare(
      `INSERT INTO bridge_files (digest, folder, name, size, outcome, receipts, processed_at) VALUES (?, 'InBox', 'a.xml', 10, ?, 1, 't')`,
    );
    insert.run('d1', 'applied');
    expect(() => insert.run('d1', 'applied')).toThrow(/UNIQUE/);
    expect(() => insert.run('d2', 'eaten')).toThrow(/CHECK/);
  });
});
