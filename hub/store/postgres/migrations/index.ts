import type { PgMigration } from './pg-migration';
import { pgMigration0001 } from './0001-initial';
import { pgMigration0002 } from './0002-tax-bills';
import { pgMigration0003 } from './0003-attachments';
import { pgMigration0004 } from './0004-decmod';
import { pgMigration0005 } from './0005-submission-people';

/** Every PostgreSQL migration, in order. A new one is a new file 000N-name.ts added here. */
export const pgMigrations: readonly PgMigration[] = [
  pgMigration0001,
  pgMigration0002,
  pgMigration0003,
  pgMigration0004,
  pgMigration0005,
];
