import type { HubMigration } from '../sqlite/connection';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-tax-bills';
import { migration0003 } from './0003-attachments';

/** Every hub migration, in order. A new one is a new file 000N-name.ts added here. */
export const hubMigrations: readonly HubMigration[] = [migration0001, migration0002, migration0003];
