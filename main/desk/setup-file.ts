import fs from 'node:fs';
import type { ProfileInput } from '../../shared/profiles/profile-check';
import { profileInputSchema } from '../../shared/api';

/**
 * The first-run setup from a file (`--setup-file`), for scripted installs and end-to-end tests:
 * `{ "company": { "name", "customsCode", "uscc" }, "operator": { "name", "icCard" } }`. The values
 * are checked by the profile service like the setup screen's.
 */
export function readSetupFile(file: string): ProfileInput {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the setup file ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`the setup file ${file} is not JSON`);
  }
  const parsed = profileInputSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `the setup file ${file} needs company.name, company.customsCode, company.uscc, operator.name and operator.icCard (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`,
    );
  return parsed.data;
}
