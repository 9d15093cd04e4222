import { sqlMigration } from './sql-migration';

// Operator profiles: who keys in on this machine and for which declaring company.
// Several operators can share one installation; the current one is a setting
// ('profiles.current'). A new declaration takes its Agent*/Cop*/InputerName/TypistNo/DeclareName
// and DecSign operator fields from the current profile, and every revision names the operator
// as its actor, so who keyed and who declared a declaration stays on record even after a
// profile is deleted. One IC card belongs to one operator, hence the unique card number.
export const migration0005 = sqlMigration(
  5,
  'operator-profiles',
  `
      CREATE TABLE operator_profiles (
        id            TEXT PRIMARY KEY,
        company_name  TEXT NOT NULL,
        customs_code  TEXT NOT NULL,
        uscc          TEXT NOT NULL,
        operator_name TEXT NOT NULL,
        ic_card       TEXT NOT NULL UNIQUE,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
    `,
);
