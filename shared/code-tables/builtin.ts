import { builtinPackageData } from './builtin-data';
import type { CodeTablePackage } from './package';
import { codeTablePackageSchema } from './package';

let parsed: CodeTablePackage[] | undefined;

/**
 * The code tables the product ships (resources/code-tables, sources in resources/SOURCES.md),
 * checked against the package schema once. Main installs them into SQLite; the hub and the CLI
 * may use them as they are.
 */
export function builtinCodeTables(): readonly CodeTablePackage[] {
  parsed ??= builtinPackageData.map((data) => codeTablePackageSchema.parse(data));
  return parsed;
}
