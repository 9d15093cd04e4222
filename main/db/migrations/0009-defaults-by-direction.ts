import { sqlMigration } from './sql-migration';

// An operator's defaults per direction (repeat shipments): imports and exports differ
// (进境关别 or 出境关别, 监管方式, 运输方式 …). `head`/`line` stay the values for both directions, so
// the defaults stored before are kept as they were; the new columns hold what only imports
// (import_*) or only exports (export_*) take, over the shared ones, on declarations.create.
export const migration0009 = sqlMigration(
  9,
  'defaults-by-direction',
  `
      ALTER TABLE profile_defaults ADD COLUMN import_head TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE profile_defaults ADD COLUMN import_line TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE profile_defaults ADD COLUMN export_head TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE profile_defaults ADD COLUMN export_line TEXT NOT NULL DEFAULT '{}';
    `,
);
