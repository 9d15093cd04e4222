import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { staleRendererReason } from '../scripts/renderer-freshness.mjs';
import { buildTestBundles } from '../scripts/test-bundles.mjs';

// Every spec is served the built renderer: rebuild it first when the sources have moved on, so a
// spec run by hand after a rebase tests the code in the tree (`npm test` builds just before).
// The hub and the browser host each spec starts run from bundles built once per run here, not from TypeScript
// compiled at every start (scripts/test-bundles.mjs); Playwright's workers inherit the environment naming them.
export default async function globalSetup(): Promise<void> {
  const root = process.cwd();
  const reason = staleRendererReason(root);
  if (reason !== null) {
    process.stdout.write(`e2e: rebuilding the renderer (${reason})\n`);
    const result = spawnSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error('e2e: the renderer build failed (see above)');
  }
  await buildTestBundles();
}
