import { migration0004 } from '../../migrations/0004-decmod';
import { migration0005 } from '../../migrations/0005-submission-people';
import type { PgMigration } from './pg-migration';
import { pgMigration0001 } from './0001-initial';
import { pgMigration0002 } from './0002-tax-bills';
import { pgMigration0003 } from './0003-attachments';

/**
 * Every PostgreSQL migration, in order. A new one is written once for both stores (hubMigration, a new file
 * hub/store/migrations/000N-name.ts) and its PostgreSQL form added here; the first three are this store's own files.
 */
export const pgMigrations: readonly PgMigration[] = [
  pgMigration0001,
  pgMigration0002,
  pgMigration0003,
  migration0004.postgres,
  migration0005.postgres,
];
