import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test-support/main/temp-dir';
import { openDatabase } from '../connection';
import { migrate } from '../migrate';
import { upgradeTo } from '../../../test-support/main/migration-db';
import { createPartiesRepo } from '../repositories/parties-repo';
import { createProductsRepo } from '../repositories/products-repo';
import { migrations } from './index';
import { migration0007 } from './0007-library-names';

describe('migration 0007 library names', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('numbers and indexes the names already in the libraries, so a name is found by any part of it', () => {
    const temp = tempDir();
    const file = path.join(temp.dir, 'swdesk.sqlite');
    let db = openDatabase(file);
    cleanups.push(() => {
      db.close();
      temp.cleanup();
    });
    migrate(db, migrations.slice(0, 6));
    db.prepare(
      `INSERT INTO products (id, key, g_name, data, created_at, updated_at) VALUES ('p1', 'k1', '冷冻去骨牛肉', '{}', 't1', 't1')`,
    ).run();
    db.prepare(
      `INSERT INTO parties (id, overseas, roles, name_zh, name_en, created_at, updated_at) VALUES ('a1', 0, 'trade', '上海鲜果贸易有限公司', 'Shanghai Fresh Fruit', 't1', 't1')`,
    ).run();
    upgradeTo(db, migration0007);
    // The repositories are today's: they read columns later migrations add (0014's short-name initials), so the
    // rest are applied before searching; none of them renumbers or re-indexes the names 0007 did.
    migrate(db, migrations);
    const products = createProductsRepo(db);
    const parties = createPartiesRepo(db);
    expect(products.search('去骨', { limit: 20 }).map((p) => p.id)).toEqual(['p1']);
    expect(parties.search('果贸', { limit: 20 }).map((p) => p.id)).toEqual(['a1']);
    expect(parties.search('fresh fr', { limit: 20 }).map((p) => p.id)).toEqual(['a1']);
    // A backup is made with VACUUM INTO, which may renumber rowids: the index follows `seq`, so it still finds the row.
    const copy = path.join(temp.dir, 'copy.sqlite');
    db.prepare('VACUUM INTO ?').run(copy);
    db.close();
    db = openDatabase(copy);
    expect(
      createProductsRepo(db)
        .search('牛肉', { limit: 20 })
        .map((p) => p.id),
    ).toEqual(['p1']);
  });
});
