import { sqlMigration } from '../../../shared/store/migrate';
import type { PgMigration } from '../postgres/migrations/pg-migration';
import type { HubMigration } from '../sqlite/connection';

/**
 * The column types in which the hub's two stores differ, named by what a column holds. SQLite keeps an instant and a
 * JSON document as text and numbers a table's rows by its rowid; PostgreSQL has timestamptz and json and numbers rows
 * with an identity column. A type both spell alike (TEXT, INTEGER) is written as it is.
 */
export interface ColumnTypes {
  /** The table's own row number, given by the store: its primary key. */
  rowKey: string;
  /** Another table's row number, as a reference to it. */
  rowRef: string;
  /** An instant (in SQLite, ISO-8601 text). */
  instant: string;
  /** A JSON document (in SQLite, its text). */
  json: string;
}

const sqliteTypes: ColumnTypes = { rowKey: 'INTEGER PRIMARY KEY', rowRef: 'INTEGER', instant: 'TEXT', json: 'TEXT' };

const postgresTypes: ColumnTypes = {
  rowKey: 'bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
  rowRef: 'bigint',
  instant: 'timestamptz',
  json: 'json',
};

/** One hub migration in the form each store runs. */
export interface HubStoreMigration {
  sqlite: HubMigration;
  postgres: PgMigration;
}

/**
 * A hub migration written once for both stores, so their schemas cannot drift: `sql` is its script, given each store's
 * column types. SQLite keeps the script's text as the tables' schema, so an applied one never changes, not even its
 * white space (sqlMigration); PostgreSQL keeps none of it. Migrations 0001–0003 came before this, each written in both
 * stores' own forms (hub/store/postgres/migrations/), which differ in more than types: WITHOUT ROWID, sequences,
 * partitions.
 */
export function hubMigration(version: number, name: string, sql: (types: ColumnTypes) => string): HubStoreMigration {
  return {
    sqlite: sqlMigration(version, name, sql(sqliteTypes)),
    postgres: { version, name, sql: sql(postgresTypes) },
  };
}
