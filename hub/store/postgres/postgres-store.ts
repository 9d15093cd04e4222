import type pg from 'pg';
import { DatabaseTooNewError } from '../../../shared/store/migrate';
import type { HubStore, StoreStats } from '../types';
import { StoreUnavailableError } from '../types';
import { postgresAttachments } from './attachments';
import { postgresClients } from './clients';
import { postgresCodeTables } from './code-tables';
import type { PostgresOptions } from './connection';
import { clientConfig, createPool, query } from './connection';
import { channelsFor, createEventListener, type EventListener } from './events';
import { SchemaBehindError } from '../types';
import { migratePostgres, pgSchemaVersion } from './migrate';
import { pgMigrations } from './migrations';
import { ensureReceiptPartitions } from './partitions';
import { postgresModRequests } from './mod-requests';
import { postgresReceipts } from './receipts';
import { postgresSubmissions } from './submissions';

/** Where the store reports what an operator should know but no request waits for. */
export interface StoreLog {
  warn(obj: object, message: string): void;
}

export interface PostgresHubStore extends HubStore {
  /** The pool, for tests and maintenance. */
  readonly pool: pg.Pool;
  readonly schema: string;
}

export interface OpenPostgresOptions extends PostgresOptions {
  /** Bring the schema up to date first (tests, `npm run hub -- migrate`); otherwise an old schema is refused. */
  migrate?: boolean;
  log?: StoreLog;
  now?: () => number;
}

const PARTITION_CHECK_MS = 3_600_000;

/**
 * The hub's store on PostgreSQL, shared by any number of hub and worker processes. The schema must
 * be at this hub's version: `npm run hub -- migrate` (or `migrate: true`) brings it there.
 */
export async function openPostgresStore(options: OpenPostgresOptions): Promise<PostgresHubStore> {
  const log = options.log ?? { warn: () => undefined };
  const now = options.now ?? Date.now;
  const pool = createPool(options, (error) => log.warn({ err: error }, 'an idle database connection failed'));
  const { schema } = options;
  try {
    if (options.migrate) await migratePostgres(pool, schema);
    const version = await pgSchemaVersion(pool, schema);
    if (version > pgMigrations.length) throw new DatabaseTooNewError(version, pgMigrations.length);
    if (version < pgMigrations.length) throw new SchemaBehindError(schema, version, pgMigrations.length);
    await ensureReceiptPartitions(pool, schema, now());
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  const partitionTimer = setInterval(() => {
    ensureReceiptPartitions(pool, schema, now()).then(
      ({ skipped }) => {
        if (skipped.length > 0)
          log.warn({ months: skipped }, 'receipts of these months are in the default partition; see hub-operations.md');
      },
      (error: unknown) =>
        log.warn({ err: error }, 'could not make the next receipt partitions; trying again in an hour'),
    );
  }, PARTITION_CHECK_MS);
  partitionTimer.unref();

  const channels = channelsFor(schema);
  let listener: EventListener | null = null;
  const count = async (table: string) =>
    (await query<{ n: number }>(pool, `SELECT count(*)::bigint AS n FROM ${table}`)).rows[0]?.n ?? 0;
  let closed: Promise<void> | null = null;

  return {
    pool,
    schema,
    ...postgresClients(pool),
    ...postgresSubmissions(pool, channels),
    ...postgresReceipts(pool, channels),
    ...postgresCodeTables(pool),
    ...postgresAttachments(pool),
    ...postgresModRequests(pool),
    async subscribe(events) {
      listener ??= createEventListener(
        { ...clientConfig(options), application_name: `${options.applicationName} (listen)` },
        channels,
        (error, message) => log.warn({ err: error }, message),
      );
      try {
        return await listener.subscribe(events);
      } catch (error) {
        throw new StoreUnavailableError(
          `Cannot listen for receipts on the hub's database: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
    },
    async ping() {
      return { kind: 'postgres', schemaVersion: await pgSchemaVersion(pool, schema) };
    },
    async stats(): Promise<StoreStats> {
      return {
        clients: await count('clients'),
        keys: await count('client_keys'),
        enrollmentCodes: await count('enrollment_codes'),
        nonces: await count('nonces'),
        submissions: await count('submissions'),
        receipts: await count('receipts'),
        pending: await count('processing'),
        codeTableVersions: await count('code_table_versions'),
      };
    },
    close() {
      closed ??= (async () => {
        clearInterval(partitionTimer);
        await listener?.close();
        await pool.end();
      })();
      return closed;
    },
  };
}
