import path from 'node:path';
import type { Db } from '../db/connection';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { ensureBuiltinTables } from '../core/codetables/builtin';
import { createCodeTableService } from '../core/codetables/service';
import { createCodeTableStore } from '../core/codetables/store';
import { codeTableFile } from '../../scripts/domain-data';

/**
 * The handbook's third-party copies of the official parameter tables
 * (../shared/domain/code-tables), by our table id. Tests and benches import them at run time the
 * way a user imports the official download; they are never copied into the repository.
 */
export const domainTableFiles: Record<string, string> = {
  'customs-districts': 'customs-districts.csv',
  ports: 'ports.csv',
  countries: 'countries.csv',
  'domestic-districts': 'domestic-districts.csv',
  'admin-divisions': 'administrative-divisions.csv',
  'entry-exit-ports': 'entry-exit-ports.csv',
  units: 'units.csv',
  'trade-modes': 'trade-modes.csv',
  'levy-natures': 'levy-natures.csv',
  'duty-modes': 'duty-modes.csv',
  'transport-modes': 'transport-modes.csv',
  'transaction-methods': 'transaction-methods.csv',
  'packaging-types': 'packaging-types.csv',
  currencies: 'currencies.csv',
  'container-specs': 'container-specs.csv',
  'edoc-types': 'edoc-types.csv',
  'licence-doc-types': 'licence-document-types.csv',
  'use-codes': 'use-codes.csv',
  tariff: 'hs-sample.csv',
};

/** A migrated SQLite database (in memory, or a file in `dir`) with the code-table store and service. */
export function codeTablesFixture(options: { dir?: string; builtins?: boolean } = {}) {
  const db: Db = openDatabase(options.dir ? path.join(options.dir, 'swdesk.sqlite') : ':memory:');
  migrate(db, migrations);
  const store = createCodeTableStore(db, { now: () => '2026-11-22T08:00:00.000Z' });
  if (options.builtins ?? true) ensureBuiltinTables(store);
  const service = createCodeTableService({ store, now: () => new Date('2026-11-22T08:00:00Z') });
  return { db, store, service, close: () => db.close() };
}

/** Imports the handbook's copies of `tables` (all by default) through the service, as a user would. */
export async function importDomainTables(service: ReturnType<typeof createCodeTableService>, tables: readonly string[] = Object.keys(domainTableFiles)): Promise<void> {
  for (const table of tables) {
    const file = domainTableFiles[table];
    if (!file) throw new Error(`No domain copy for ${table}`);
    await service.importFile({ table, path: codeTableFile(file) });
  }
}
