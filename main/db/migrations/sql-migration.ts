import type { Db } from '../connection';
import type { Migration } from '../migrate';

/**
 * A migration that runs one SQL script, then, when given, the code that fills in what SQL alone cannot (values
 * worked out in TypeScript). The script's text is what SQLite keeps as each table's schema: an applied migration's
 * script never changes, not even its white space.
 */
export function sqlMigration(version: number, name: string, sql: string, then?: (db: Db) => void): Migration {
  return {
    version,
    name,
    up(db) {
      db.exec(sql);
      then?.(db);
    },
  };
}

/**
 * The columns of a signed message waiting for the hub (a submission in the outbox, a 修撤单 request): its signed
 * text, and how sending it has gone so far. Kept as the outbox was created, to the white space.
 */
export const signedSendingColumns = `envelope        TEXT NOT NULL,
        signature       TEXT NOT NULL,
        key_id          TEXT NOT NULL,
        digest          TEXT NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT,`;
