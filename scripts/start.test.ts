import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// `npm start` where Electron cannot be installed (always the case on these
// machines): the launcher tries the installer once, says so in one line, and
// starts the browser host. The electron package is replaced by a folder whose
// installer fails the way a machine without network does (a test double).

describe('npm start without an Electron binary', { timeout: 120_000 }, () => {
  const temps: string[] = [];
  afterEach(() => temps.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  function temp(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-start-'));
    temps.push(dir);
    return dir;
  }

  it('tries the installer once, says why in one line, and starts the browser host', async () => {
    const fakeElectron = temp();
    const marker = path.join(fakeElectron, 'installer-ran');
    fs.writeFileSync(
      path.join(fakeElectron, 'install.js'),
      `require('fs').appendFileSync(${JSON.stringify(marker)}, 'x'); console.error('TypeError: fetch failed (getaddrinfo ENOTFOUND github.com)'); process.exit(1);`,
    );
    const data = temp();
    const child = spawn(process.execPath, ['scripts/start.mjs', '--data', data], {
      env: { ...process.env, SWDESK_ELECTRON_PACKAGE: fakeElectron, SWDESK_PASSPHRASE: 'start test passphrase' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line: ${out}`)), 90_000);
      child.stdout.on('data', () => {
        if (out.includes('SW Desk ready at')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const lines = out.trim().split('\n');
    const url = new URL(lines[1]?.slice('SW Desk ready at '.length) ?? 'http://invalid');
    const page = await fetch(`${url.origin}/`);
    child.kill('SIGTERM');
    expect(page.status).toBe(200);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^Electron is not available on this machine \(its installer failed: .*ENOTFOUND.*\); starting the browser host instead\.$/,
    );
    expect(lines[1]).toMatch(/^SW Desk ready at http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+$/);
    expect(fs.readFileSync(marker, 'utf8')).toBe('x');
  });
});
