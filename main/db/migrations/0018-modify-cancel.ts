import type { Migration } from '../migrate';
import { signedSendingColumns } from './sql-migration';

const oldCheck = `CHECK (workflow IN ('draft', 'queued', 'sent', 'rejected'))`;
const newCheck = `CHECK (workflow IN ('draft', 'queued', 'sent', 'rejected', 'modifying', 'cancelling', 'cancelled'))`;

// 修撤单: a declaration customs holds may wait for a modification or cancellation request's answer (modifying,
// cancelling) and be cancelled (已撤单). The workflow's CHECK from the first schema does not allow these, and SQLite
// cannot ALTER a CHECK. The usual rebuild (new table, copy, drop, rename) needs foreign keys off, which cannot be
// switched inside the migration's transaction, and dropping the table with them on would cascade-delete every
// declaration's rows and history. So the CHECK is widened in the schema text itself, the procedure SQLite documents
// for changes that leave the stored rows as they are (https://www.sqlite.org/lang_altertable.html, "making other
// kinds of table schema changes": writable_schema, bump schema_version, integrity_check): every row already stored
// meets the wider CHECK, and every column, index, trigger and reference stays as it was. better-sqlite3 opens
// connections in defensive mode, which forbids writing the schema; it is lifted for these statements only.
//
// mod_requests holds each request: what was asked (the DecModHead and DecModList as sent), its signed envelope
// waiting to go out exactly once (the request id is the hub's idempotency key), and its state and answer.
export const migration0018: Migration = {
  version: 18,
  name: 'modify-cancel',
  up(db) {
    const table = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'declarations'`).get() as
      { sql: string } | undefined;
    if (!table?.sql.includes(oldCheck)) throw new Error('declarations has not the workflow CHECK of migration 0001');
    const version = Number(db.pragma('schema_version', { simple: true }));
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    try {
      db.prepare(`UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'declarations'`).run(
        table.sql.replace(oldCheck, newCheck),
      );
      db.pragma(`schema_version = ${version + 1}`);
    } finally {
      db.pragma('writable_schema = OFF');
      db.unsafeMode(false);
    }
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the declarations table failed its integrity check: ${String(check)}`);

    db.exec(`
      CREATE TABLE mod_requests (
        request_id      TEXT PRIMARY KEY,
        declaration_id  TEXT NOT NULL REFERENCES declarations (id),
        kind            TEXT NOT NULL CHECK (kind IN ('modify', 'cancel')),
        state           TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'approved', 'refused')),
        revision        INTEGER NOT NULL,
        reason_case     INTEGER NOT NULL,
        note            TEXT NOT NULL,
        head            TEXT NOT NULL,
        changes         TEXT NOT NULL,
        ${signedSendingColumns}
        mod_seq_no      TEXT,
        answer          TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      );
      CREATE INDEX mod_requests_pending ON mod_requests (state, next_attempt_at);
      CREATE INDEX mod_requests_declaration ON mod_requests (declaration_id, created_at);
    `);
  },
};
