// Whether dist/renderer was built from the sources as they are now. The browser host serves whatever
// renderer build it finds, so an end-to-end run after a rebase or an edit tested yesterday's screens
// without a word (it cost three developers false alarms in one day). Compared by modification time:
// git writes the files a checkout or rebase changes with the current time.
import fs from 'node:fs';
import path from 'node:path';

const SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package-lock.json'];

function newest(file, best) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return best;
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(file)) {
      if (name === 'node_modules' || name.includes('.test.')) continue;
      best = newest(path.join(file, name), best);
    }
    return best;
  }
  return stat.mtimeMs > best.mtimeMs ? { file, mtimeMs: stat.mtimeMs } : best;
}

/** Why the renderer build is stale (a sentence naming the newer file), or null when it is current. */
export function staleRendererReason(root) {
  const built = fs.statSync(path.join(root, 'dist/renderer/index.html'), { throwIfNoEntry: false });
  if (!built) return 'dist/renderer/index.html is missing';
  const latest = SOURCES.reduce((best, source) => newest(path.join(root, source), best), { file: '', mtimeMs: 0 });
  if (latest.mtimeMs <= built.mtimeMs) return null;
  return `${path.relative(root, latest.file)} is newer than dist/renderer`;
}
