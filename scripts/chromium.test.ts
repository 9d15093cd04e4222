import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findChromium, INSTALL_CHROMIUM } from './chromium.mjs';

// `npm test` on a machine without the system Chromium: Playwright's own browser where it was installed, else
// one line naming the command to run, before anything else runs (it was a wall of timeouts after the whole run).
describe('the Chromium the end-to-end tests drive', () => {
  it('takes CHROMIUM_PATH when it exists, and finds none when it names a missing file', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({
      path: process.execPath,
      from: 'CHROMIUM_PATH',
    });
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBeNull();
  });

  it('npm test stops at once naming the command to run when there is no browser', { timeout: 120_000 }, () => {
    const run = spawnSync(process.execPath, ['scripts/test.mjs', 'e2e'], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`Run: ${INSTALL_CHROMIUM}`);
    expect(run.stdout).not.toContain('=== build renderer');
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });
});
