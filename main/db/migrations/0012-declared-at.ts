import { sqlMigration } from './sql-migration';

// 申报日期 in the declaration list: when a declaration was last declared (signed and queued), as a
// column of its own with an index, so the list can show it and sort a million rows by it page by
// page like its other dates. A trigger on the audit trail keeps it: a `declare` revision sets it,
// a `withdraw` (taken back before it was sent) clears it — whichever path writes the revision
// (declaring, the outbox, an archive import replaying a declaration's history). Declarations
// already here take it from their own history.
export const migration0012 = sqlMigration(
  12,
  'declared-at',
  `
      ALTER TABLE declarations ADD COLUMN declared_at TEXT;
      UPDATE declarations SET declared_at = (
        SELECT CASE r.action WHEN 'declare' THEN r.at END FROM declaration_revisions r
        WHERE r.declaration_id = declarations.id AND r.action IN ('declare', 'withdraw')
        ORDER BY r.revision DESC LIMIT 1
      );
      CREATE INDEX declarations_declared ON declarations (declared_at) WHERE deleted_at IS NULL;
      CREATE TRIGGER declarations_declared_at AFTER INSERT ON declaration_revisions
        WHEN NEW.action IN ('declare', 'withdraw')
      BEGIN
        UPDATE declarations SET declared_at = CASE NEW.action WHEN 'declare' THEN NEW.at END
          WHERE id = NEW.declaration_id;
      END;
    `,
);
