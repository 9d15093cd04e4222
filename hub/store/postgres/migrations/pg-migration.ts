/** One numbered PostgreSQL migration (its own file, so the migrations and the runner import it, not each other). */
export interface PgMigration {
  /** Equals the file's number (0001-initial.ts → 1). */
  version: number;
  name: string;
  sql: string;
}
