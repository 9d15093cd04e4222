import path from 'node:path';
import { afterEach } from 'vitest';
import type { Db } from '../../main/db/connection';
import { openDatabase } from '../../main/db/connection';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { createCodeFinder } from '../../main/core/code-tables/code-finder';
import { createCodeTableService } from '../../main/core/code-tables/service';
import type { CodeFinder } from '../../shared/interchange/lines';
import { createCodeTableStore } from '../../main/core/code-tables/store';
import { builtinManifest } from '../../shared/code-tables/builtin';
import { codeTableFile, domainTableFiles } from '../../scripts/domain-data';

export { domainTableFiles };

/**
 * A migrated SQLite database (in memory, or a file in `dir`) with the code-table store and service;
 * with the product's built-in tables unless `builtins` is false (then only what a test imports).
 */
export function codeTablesFixture(
  options: { dir?: string; builtins?: boolean; builtinRead?: (file: string) => string } = {},
) {
  const db: Db = openDatabase(options.dir ? path.join(options.dir, 'swdesk.sqlite') : ':memory:');
  migrate(db, migrations);
  const store = createCodeTableStore(db, {
    now: () => '2026-11-22T08:00:00.000Z',
    ...(options.builtins === false ? { builtins: { manifest: [], read: () => '' } } : {}),
    ...(options.builtinRead ? { builtins: { manifest: builtinManifest, read: options.builtinRead } } : {}),
  });
  const service = createCodeTableService({ store, now: () => new Date('2026-11-22T08:00:00Z') });
  return { db, store, service, close: () => db.close() };
}

export type CodeTablesFixture = ReturnType<typeof codeTablesFixture>;

/** For a describe block: opens code-table fixtures, each closed after the test that opened it. */
export function codeTablesPerTest(): (options?: Parameters<typeof codeTablesFixture>[0]) => CodeTablesFixture {
  const opened: CodeTablesFixture[] = [];
  afterEach(() => opened.splice(0).forEach((f) => f.close()));
  return (options) => {
    const f = codeTablesFixture(options);
    opened.push(f);
    return f;
  };
}

/** Imports the handbook's copies of `tables` (all by default) through the service, as a user would. */
export async function importDomainTables(
  service: ReturnType<typeof createCodeTableService>,
  tables: readonly string[] = Object.keys(domainTableFiles),
): Promise<void> {
  for (const table of tables) {
    const file = domainTableFiles[table];
    if (!file) throw new Error(`No domain copy for ${table}`);
    await service.importFile({ table, path: codeTableFile(file) });
  }
}

/** Names and codes found in the product's built-in tables, as the app finds them for a spreadsheet's import. */
export function builtinFinder(): CodeFinder {
  // An in-memory database the garbage collector takes with the finder.
  return createCodeFinder(codeTablesFixture().service);
}
