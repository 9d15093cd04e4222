import type { HubConfig } from '../config';
import { hubMigrations } from './migrations';
import type { StoreLog } from './postgres/postgres-store';
import { migrateHubDb, openHubDb } from './sqlite/connection';
import { openSqliteStore } from './sqlite/sqlite-store';
import type { HubStore } from './types';

export type { StoreLog };

export class StoreConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreConfigError';
  }
}

/** Which store the configuration names, for messages (never the URL: it may hold a password). */
export function storeKind(config: HubConfig): 'sqlite' | 'postgres' {
  return config.store.url ? 'postgres' : 'sqlite';
}

/**
 * Opens the configured store: PostgreSQL when `store.url` is set, otherwise SQLite in `dataDir`.
 * SQLite migrates on open (one process owns the file); PostgreSQL is migrated by
 * `npm run hub -- migrate` (`migrate: true`), and an older schema is refused otherwise.
 */
export async function openStore(
  config: HubConfig,
  options: { migrate?: boolean; log?: StoreLog; role?: string } = {},
): Promise<HubStore> {
  if (config.store.url) {
    // Loaded only when used: a SQLite hub (and every CLI start) does without the driver.
    const { openPostgresStore } = await import('./postgres/postgres-store');
    return openPostgresStore({
      url: config.store.url,
      schema: config.store.schema,
      poolSize: config.store.poolSize,
      applicationName: `swhub ${options.role ?? 'hub'} ${process.pid}`,
      ...(options.migrate ? { migrate: true } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
  }
  if (!config.dataDir)
    throw new StoreConfigError(
      'Give the data directory with --data <dir> (or SWHUB_DATA, or dataDir in the config file), ' +
        'or a PostgreSQL store with --store postgres://… (or SWHUB_STORE)',
    );
  return openSqliteStore(config.dataDir);
}

/** `npm run hub -- migrate`: brings the configured store's schema up to date and says from what to what. */
export async function migrateStore(
  config: HubConfig,
): Promise<{ kind: 'sqlite' | 'postgres'; from: number; to: number; backupPath: string | null }> {
  if (config.store.url) {
    const [{ createPool }, { migratePostgres }, { ensureReceiptPartitions }] = await Promise.all([
      import('./postgres/connection'),
      import('./postgres/migrate'),
      import('./postgres/partitions'),
    ]);
    const pool = createPool(
      {
        url: config.store.url,
        schema: config.store.schema,
        poolSize: 1,
        applicationName: `swhub migrate ${process.pid}`,
      },
      () => undefined,
    );
    try {
      const result = await migratePostgres(pool, config.store.schema);
      await ensureReceiptPartitions(pool, config.store.schema, Date.now());
      return { kind: 'postgres', ...result, backupPath: null };
    } finally {
      await pool.end();
    }
  }
  if (!config.dataDir)
    throw new StoreConfigError('Give the data directory with --data <dir> or a --store postgres://… URL');
  const db = openHubDb(config.dataDir);
  try {
    return { kind: 'sqlite', ...migrateHubDb(db, config.dataDir, hubMigrations) };
  } finally {
    db.close();
  }
}
