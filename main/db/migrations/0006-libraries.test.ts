import { describe, expect, it } from 'vitest';
import { databasesPerTest, upgradeTo } from '../../../test-support/main/migration-db';
import { migration0006 } from './0006-libraries';

describe('migration 0006 libraries', () => {
  const open = databasesPerTest();

  it('upgrades a version-5 database: its templates keep every part, profiles gain defaults removed with them', () => {
    const db = open(5);
    db.prepare(
      `INSERT INTO templates (id, name, ie_flag, doc, line_count, created_at, updated_at) VALUES ('t1', '鲜果', 'I', '{"head":{},"lines":[],"tables":{}}', 0, 't', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO operator_profiles (id, company_name, customs_code, uscc, operator_name, ic_card, created_at, updated_at) VALUES ('p1', 'c', '3120980123', 'u', 'n', '1', 't', 't')`,
    ).run();
    upgradeTo(db, migration0006);
    expect(
      JSON.parse((db.prepare(`SELECT parts FROM templates WHERE id = 't1'`).get() as { parts: string }).parts),
    ).toEqual(['head', 'lines', 'containers', 'documents', 'other']);
    db.prepare(
      `INSERT INTO profile_defaults (profile_id, head, line, updated_at) VALUES ('p1', '{"TradeMode":"0110"}', '{}', 't')`,
    ).run();
    db.prepare(`DELETE FROM operator_profiles WHERE id = 'p1'`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM profile_defaults`).get()).toEqual({ n: 0 });
  });

  it('holds one party per USCC and per domestic customs code, and one product per key', () => {
    const db = open(migration0006.version);
    const party = db.prepare(
      `INSERT INTO parties (id, overseas, roles, customs_code, uscc, name_zh, created_at, updated_at) VALUES (?, ?, 'trade', ?, ?, 'n', 't', 't')`,
    );
    party.run('a', 0, '3101230456', '91310000132212345R');
    expect(() => party.run('b', 0, '', '91310000132212345R')).toThrow(/UNIQUE/);
    expect(() => party.run('c', 0, '3101230456', '')).toThrow(/UNIQUE/);
    // Overseas parties may share a code (NO, or none).
    party.run('d', 1, 'NO', '');
    party.run('e', 1, 'NO', '');
    const product = db.prepare(
      `INSERT INTO products (id, key, data, created_at, updated_at) VALUES (?, ?, '{}', 't', 't')`,
    );
    product.run('p1', 'k');
    expect(() => product.run('p2', 'k')).toThrow(/UNIQUE/);
  });
});
