import { sqlMigration } from './sql-migration';

// A call that changes a declaration may be sent again when its answer was lost (the browser host's
// connection broke, the window reloaded): declarations.create and declarations.update take a request id,
// and the answer to each id is kept here for a day, so the same call again gets the same answer instead of
// a second draft or the edit applied twice.
export const migration0010 = sqlMigration(
  10,
  'request-ids',
  `
      CREATE TABLE request_ids (
        request_id TEXT PRIMARY KEY,
        method TEXT NOT NULL,
        declaration_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX request_ids_created ON request_ids (created_at);
    `,
);
