import type { Db } from '../connection';
import { sqlMigration as sharedSqlMigration } from '../../../shared/store/migrate';

/** The shared SQL migration (shared/store/migrate.ts), on the desk's database. */
export const sqlMigration = sharedSqlMigration<Db>;

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
