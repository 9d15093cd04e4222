import type { HubMigration } from '../sqlite/connection';
import { migration0001 } from './0001-initial';

/** Every hub migration, in order. A new one is a new file 000N-name.ts added here. */
export const hubMigrations: readonly HubMigration[] = [migration0001];
