import { builtinCodeTables } from '../../../shared/code-tables/builtin';
import type { CodeTablePackage } from '../../../shared/code-tables/package';
import type { CodeTableStore } from './store';

/**
 * Installs the built-in packages (resources/code-tables): a table not yet installed, or
 * installed from an older built-in version, gets the shipped rows. A table the user imported or
 * the hub sent is never replaced by a built-in one.
 */
export function ensureBuiltinTables(
  store: CodeTableStore,
  packages: readonly CodeTablePackage[] = builtinCodeTables(),
): { installed: string[] } {
  const installed: string[] = [];
  for (const p of packages) {
    const current = store.info(p.id);
    if (current.origin !== null && current.origin !== 'builtin') continue;
    if (current.origin === 'builtin' && current.version === p.version) continue;
    store.install({
      id: p.id,
      version: p.version,
      origin: 'builtin',
      complete: p.complete,
      source: p.source,
      columns: p.columns,
      rows: p.rows,
    });
    installed.push(p.id);
  }
  return { installed };
}
