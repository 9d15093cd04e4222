import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Each zone rule of eslint.config.js, breached on purpose in a small text linted as if it were the named file; the
// rule must fail it. Beside each, the import the zone does allow, which must pass, so a rule that refuses everything
// does not count as a rule that works.

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function zoneErrors(filePath: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? [])
    .filter((m) => /(^|\/)no-restricted-(imports|syntax)$/.test(m.ruleId ?? ''))
    .map((m) => m.message);
}

const importing = (specifier: string) => `import { x } from '${specifier}';\nexport const y = x;\n`;

describe('lint fails a breach of each zone rule', () => {
  it.each([
    ['main/core/declarations/probe.ts', '../../composition', 'never import the composition root'],
    ['main/core/declarations/probe.ts', '../../desk/open-desk', 'never import a shell'],
    ['main/core/probe.ts', '../electron/ipc', 'never import a shell'],
    ['main/db/repositories/probe.ts', '../../serve/server', 'never import a shell'],
    ['main/db/repositories/probe.ts', '../../core/context', 'main/db sits below core'],
    ['main/logging/probe.ts', '../db/connection', 'main/logging sits below db and core'],
    ['main/desk/probe.ts', '../electron/ipc', 'main/desk never imports another shell'],
    ['main/electron/probe.ts', '../serve/server', 'main/electron never imports another shell'],
    ['main/serve/probe.ts', '../cli/cli', 'main/serve never imports another shell'],
    ['main/cli/probe.ts', '../electron/ipc', 'main/cli never imports another shell'],
    ['renderer/api/probe.ts', '../app/app', 'sit below app/ and features/'],
    ['renderer/components/probe.tsx', '../features/editor/editor', 'sit below app/ and features/'],
    ['renderer/state/probe.ts', '../features/editor/editor', 'sit below app/ and features/'],
    ['renderer/api/probe.ts', '../components/dialog', 'renderer/api sits below renderer/components'],
    ['renderer/state/probe.ts', '../api/client', 'sit below renderer/api and components'],
    ['renderer/i18n/probe.ts', '../components/dialog', 'sit below renderer/api and components'],
    ['main/core/probe.ts', '../../test-support/main/temp-dir', 'never imports test helpers'],
    ['hub/http/probe.ts', '../../test-support/hub/fixtures', 'never imports test helpers'],
    ['shared/api/probe.ts', '../../test-support/shared/arbitrary-doc', 'never imports test helpers'],
    ['renderer/api/probe.ts', '../../test-support/renderer/fake-bridge', 'never imports test helpers'],
    ['test-support/hub/probe.ts', '../../main/composition', 'The hub is its own service'],
  ])('%s importing %s', async (file, specifier, message) => {
    const errors = await zoneErrors(file, importing(specifier));
    expect(errors).toEqual([expect.stringContaining(message)]);
  });

  it.each([
    ['renderer/features/recovery/probe.tsx', 'export const host = window.swdesk;\n'],
    ['renderer/components/probe.tsx', 'export const host = globalThis.swdesk;\n'],
  ])('%s reading the bridge directly', async (file, text) => {
    expect(await zoneErrors(file, text)).toEqual([expect.stringContaining('Only renderer/api talks to the bridge')]);
  });
  it.each([
    ['main/core/declarations/probe.ts', 'export const q = (db: Db) => db.prepare(`SELECT id FROM declarations`);\n'],
    ['main/core/sync/probe.ts', "export const q = (db: Db) => db.exec('DELETE FROM outbox');\n"],
    // The files that once held SQL behind an exception have none left, and lint lists none.
    ['main/core/archive/archive-import.ts', 'export const q = (db: Db) => db.prepare(`SELECT 1 FROM templates`);\n'],
    ['main/core/code-tables/store.ts', 'export const q = (db: Db) => db.prepare(`DELETE FROM code_rows`);\n'],
  ])('%s writing SQL of its own', async (file, text) => {
    expect(await zoneErrors(file, `import type { Db } from '../../db/connection';\n${text}`)).toEqual([
      expect.stringContaining('SQL belongs in main/db/repositories'),
    ]);
  });
});

describe('lint passes what each zone may import', () => {
  it.each([
    ['main/core/declarations/probe.ts', '../../db/repositories/declarations-repo'],
    ['main/core/probe.ts', '../logging/logger'],
    ['main/db/probe.ts', '../logging/logger'],
    ['main/logging/probe.ts', '../../shared/api'],
    ['main/desk/probe.ts', '../composition'],
    ['main/electron/probe.ts', '../desk/open-desk'],
    ['main/serve/probe.ts', '../desk/content-security-policy'],
    ['renderer/api/probe.ts', '../state/ui-store'],
    ['renderer/api/probe.ts', '../i18n/reasons'],
    ['renderer/components/probe.tsx', '../api/client'],
    ['renderer/state/probe.ts', '../../shared/api'],
    ['renderer/features/editor/probe.tsx', '../../components/dialog'],
    // Tests assemble whole apps: the zones bind product files only.
    ['main/core/declarations/probe.test.ts', '../../composition'],
    ['renderer/api/probe.test.tsx', '../app/app'],
    ['main/core/probe.test.ts', '../../test-support/main/temp-dir'],
    ['test-support/main/probe.ts', '../../main/composition'],
  ])('%s importing %s', async (file, specifier) => {
    expect(await zoneErrors(file, importing(specifier))).toEqual([]);
  });

  it.each([
    ['main/db/repositories/probe.ts', 'export const q = (db: Db) => db.prepare(`SELECT id FROM declarations`);\n'],
    ['main/core/interchange/probe.ts', 'export const m = (s: string) => /^<\\?xml/.exec(s);\n'],
  ])('%s: SQL in a repository, or a regular expression in core', async (file, text) => {
    expect(await zoneErrors(file, `import type { Db } from '../../db/connection';\n${text}`)).toEqual([]);
  });

  it('renderer/api reading the bridge', async () => {
    expect(await zoneErrors('renderer/api/probe.ts', 'export const host = window.swdesk;\n')).toEqual([]);
  });
});
