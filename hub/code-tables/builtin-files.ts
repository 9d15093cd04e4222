import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { loadBuiltinTables } from '../../shared/code-tables/builtin';
import type { LoadedCodeTable } from '../../shared/code-tables/memory-lookup';

/**
 * The product's built-in code tables, read from resources/code-tables (SWDESK_CODE_TABLES_DIR names
 * another folder): `<name>` as it is, or `<name>.gz` (the large tables are committed gzipped).
 */
export function readBuiltinTables(env: NodeJS.ProcessEnv = process.env): LoadedCodeTable[] {
  const beside = new URL('../../resources/code-tables/', import.meta.url);
  // A bundle (npm run hub: dist/hub.mjs) is not where this file is: then the checkout it runs from.
  const dir = env.SWDESK_CODE_TABLES_DIR
    ? new URL(`file://${env.SWDESK_CODE_TABLES_DIR.replace(/\/?$/, '/')}`)
    : fs.existsSync(beside)
      ? beside
      : pathToFileURL(`${path.resolve('resources/code-tables')}/`);
  return loadBuiltinTables((file) => {
    const plain = new URL(file, dir);
    if (fs.existsSync(plain)) return fs.readFileSync(plain, 'utf8');
    return gunzipSync(fs.readFileSync(new URL(`${file}.gz`, dir))).toString('utf8');
  });
}
