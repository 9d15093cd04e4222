import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { staleRendererReason } from '../scripts/renderer-freshness.mjs';

// Every spec is served the built renderer: rebuild it first when the sources have moved on, so a
// spec run by hand after a rebase tests the code in the tree (`npm test` builds just before).
export default function globalSetup(): void {
  const root = process.cwd();
  const reason = staleRendererReason(root);
  if (reason === null) return;
  process.stdout.write(`e2e: rebuilding the renderer (${reason})\n`);
  const result = spawnSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('e2e: the renderer build failed (see above)');
}
