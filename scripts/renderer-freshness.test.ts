import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleRendererReason } from './renderer-freshness.mjs';

describe('renderer freshness (what e2e/global-setup.ts rebuilds on)', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  function tree(files: Record<string, number>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-fresh-'));
    dirs.push(root);
    for (const [file, seconds] of Object.entries(files)) {
      const full = path.join(root, file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, '');
      fs.utimesSync(full, seconds, seconds);
    }
    return root;
  }

  it('calls a missing build stale', () => {
    expect(staleRendererReason(tree({ 'renderer/main.tsx': 100 }))).toBe('dist/renderer/index.html is missing');
  });

  it('calls a build newer than every source current', () => {
    const root = tree({ 'renderer/app/app.tsx': 100, 'shared/api/contract.ts': 150, 'dist/renderer/index.html': 200 });
    expect(staleRendererReason(root)).toBeNull();
  });

  it('names the renderer or shared source edited after the build', () => {
    expect(staleRendererReason(tree({ 'renderer/app/app.tsx': 300, 'dist/renderer/index.html': 200 }))).toBe(
      'renderer/app/app.tsx is newer than dist/renderer',
    );
    expect(staleRendererReason(tree({ 'shared/codes/x.ts': 300, 'dist/renderer/index.html': 200 }))).toBe(
      'shared/codes/x.ts is newer than dist/renderer',
    );
  });

  it('ignores test files, which the build does not include', () => {
    const root = tree({
      'renderer/app/app.test.tsx': 300,
      'renderer/app/app.tsx': 100,
      'dist/renderer/index.html': 200,
    });
    expect(staleRendererReason(root)).toBeNull();
  });
});
