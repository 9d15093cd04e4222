import pg from 'pg';
import { StoreUnavailableError } from '../types';
import { schemaPattern } from './schema-name';

export type PgClient = pg.PoolClient;

export interface PostgresOptions {
  /** postgres://user:password@host:port/database (libpq's parameters in the query string also apply). */
  url: string;
  /** The schema holding the hub's tables (several hubs, or test runs, can share one database). */
  schema: string;
  /** Connections this process keeps open for requests (the event listener takes one more). */
  poolSize: number;
  /** Shown in pg_stat_activity, so an operator can tell the hub's processes apart. */
  applicationName: string;
}

/**
 * Types as the store wants them: bigint columns (sequence numbers, milliseconds) as numbers —
 * they stay far below 2^53 — instead of pg's default strings.
 */
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

export function clientConfig(options: PostgresOptions): pg.ClientConfig {
  if (!schemaPattern.test(options.schema))
    throw new Error(`store.schema must be a plain lower-case identifier (got "${options.schema}")`);
  return {
    connectionString: options.url,
    options: `-c search_path=${options.schema}`,
    application_name: options.applicationName,
    types,
    keepAlive: true,
    // A database that does not answer must not hold requests forever: they fail (503) and are retried.
    connectionTimeoutMillis: 5_000,
  };
}

export function createPool(options: PostgresOptions, onIdleError: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({ ...clientConfig(options), max: options.poolSize, idleTimeoutMillis: 30_000 });
  // An idle connection that the server closes (a restart) emits here; unhandled it would end the process.
  pool.on('error', onIdleError);
  // A checked-out connection has no listener of pg-pool's: when the server ends its session between two
  // statements (a restart during a transaction), pg emits that as an 'error' event, which would end the
  // process. Nothing is lost by hearing it here: the next statement on it fails as "not queryable"
  // (transient: 503), and the transaction gives the connection back as broken.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** SQLSTATE classes and codes after which the database may answer again: asking later is the remedy. */
const transientCodes = new Set([
  '57P01', // admin_shutdown (a fast or smart shutdown, a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '25006', // read_only_sql_transaction (connected to a standby during a failover)
  '55P03', // lock_not_available
  '57014', // query_canceled (statement timeout)
]);

const transientNodeCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** Whether an error from pg means "the database is not answering now" rather than a bug or bad data. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (transientCodes.has(code) || code.startsWith('08')) return true;
    if (transientNodeCodes.has(code)) return true;
  }
  // pg's own connection errors carry no code.
  return /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Query read timeout/i.test(
    error.message,
  );
}

function unavailable(error: unknown): StoreUnavailableError {
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`The hub's database is not answering now: ${detail}`, { cause: error });
}

/** Turns a transient pg error into StoreUnavailableError; others pass through. */
export function classify(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  return isTransient(error) ? unavailable(error) : error;
}

/** One statement outside a transaction. */
export async function query<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult<R>> {
  try {
    return await pool.query<R>(text, values);
  } catch (error) {
    throw classify(error);
  }
}

const retryable = new Set(['40001', '40P01']);

/** Thrown inside `transaction` to roll back everything and answer `value`. */
export class Rollback<T> {
  constructor(readonly value: T) {}
}

/**
 * Runs `work` in one transaction (READ COMMITTED) on a pooled connection. A transaction that lost a
 * deadlock or a serialization check rolled back entirely and runs again (up to three times);
 * a lost connection is not retried here (whether COMMIT reached the server is unknown), it
 * surfaces as StoreUnavailableError. `throw new Rollback(value)` rolls back and answers `value`.
 */
export async function transaction<T>(pool: pg.Pool, work: (client: PgClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let client: PgClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw classify(error);
    }
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (error instanceof Rollback) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        return error.value as T;
      }
      broken = isTransient(error) && !retryable.has((error as { code?: string }).code ?? '');
      if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
      const code = (error as { code?: string }).code ?? '';
      if (retryable.has(code) && attempt < 3) continue;
      throw classify(error);
    } finally {
      // A connection that failed is closed rather than handed to the next request.
      client.release(broken);
    }
  }
}
