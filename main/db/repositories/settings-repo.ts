import type { z } from 'zod';
import type { Db } from '../connection';

/**
 * Small typed settings stored as JSON values. Reads are validated with the
 * caller's schema so a damaged value falls back to the default instead of
 * breaking start-up.
 */
export function createSettingsRepo(db: Db) {
  const get = db.prepare(`SELECT value FROM settings WHERE key = ?`);
  const put = db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const del = db.prepare(`DELETE FROM settings WHERE key = ?`);
  return {
    read<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
      const row = get.get(key) as { value: string } | undefined;
      if (!row) return fallback;
      try {
        const parsed = schema.safeParse(JSON.parse(row.value));
        return parsed.success ? parsed.data : fallback;
      } catch {
        return fallback;
      }
    },
    write(key: string, value: unknown): void {
      put.run(key, JSON.stringify(value));
    },
    remove(key: string): void {
      del.run(key);
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
