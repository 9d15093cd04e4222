import type { HubMigration } from '../sqlite/connection';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-tax-bills';
import { migration0003 } from './0003-attachments';
import { migration0004 } from './0004-decmod';
import { migration0005 } from './0005-submission-people';

/**
 * Every hub migration on SQLite, in order. A new one is a new file 000N-name.ts written once for both stores
 * (hubMigration), its SQLite form added here and its PostgreSQL form to hub/store/postgres/migrations/index.ts.
 */
export const hubMigrations: readonly HubMigration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004.sqlite,
  migration0005.sqlite,
];
