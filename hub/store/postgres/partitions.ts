import type pg from 'pg';
import { classify } from './connection';

/** China time (UTC+8, no daylight saving): receipts are partitioned by the month customs counts in. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The first day of the month `offset` months after the one holding `now` (China time), as yyyy-mm-01. */
export function monthStart(now: number, offset: number): string {
  const china = new Date(now + CHINA_OFFSET_MS);
  const d = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 10);
}

export function partitionName(month: string): string {
  return `receipts_${month.slice(0, 4)}_${month.slice(5, 7)}`;
}

/**
 * Makes the receipt partitions of this month and the next `ahead` months when they are missing.
 * Each hub process calls it at start and hourly; the check is a catalog read, and the rare
 * creation runs under an advisory lock so processes never race over the same month. A month whose
 * default partition already holds rows (its partition was missing when they came) is left there
 * and reported: moving them is an operator's step (docs/hub-operations.md).
 */
export async function ensureReceiptPartitions(
  pool: pg.Pool,
  schema: string,
  now: number,
  ahead = 2,
): Promise<{ created: string[]; skipped: string[] }> {
  const months = Array.from({ length: ahead + 1 }, (_, i) => monthStart(now, i));
  const created: string[] = [];
  const skipped: string[] = [];
  try {
    const existing = await pool.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
       JOIN pg_namespace n ON n.oid = p.relnamespace
       WHERE p.relname = 'receipts' AND n.nspname = $1`,
      [schema],
    );
    const have = new Set(existing.rows.map((r) => r.name));
    const missing = months.filter((m) => !have.has(partitionName(m)));
    if (missing.length === 0) return { created, skipped };
    const client = await pool.connect();
    try {
      for (const month of missing) {
        const end = monthStart(Date.parse(`${month}T00:00:00Z`) - CHINA_OFFSET_MS, 1);
        await client.query('BEGIN');
        try {
          await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`swhub-partitions:${schema}`]);
          await client.query(
            `CREATE TABLE IF NOT EXISTS ${partitionName(month)} PARTITION OF receipts
             FOR VALUES FROM ('${month}') TO ('${end}')`,
          );
          await client.query('COMMIT');
          created.push(month);
        } catch (error) {
          await client.query('ROLLBACK');
          // 23514: the default partition holds rows of this month.
          if ((error as { code?: string }).code !== '23514') throw error;
          skipped.push(month);
        }
      }
    } finally {
      client.release();
    }
    return { created, skipped };
  } catch (error) {
    throw classify(error);
  }
}
