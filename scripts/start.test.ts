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

  it('remembers that the installer failed: later starts skip the download until --retry-electron', async () => {
    const fakeElectron = temp();
    const ran = path.join(fakeElectron, 'installer-ran');
    fs.writeFileSync(path.join(fakeElectron, 'package.json'), JSON.stringify({ version: '39.2.3' }));
    fs.writeFileSync(
      path.join(fakeElectron, 'install.js'),
      `require('fs').appendFileSync(${JSON.stringify(ran)}, 'x'); console.error('RequestError: getaddrinfo EAI_AGAIN github.com'); process.exit(1);`,
    );
    const data = temp();
    /** Starts `npm start` and returns its first line (what it says about Electron), then stops it. */
    async function firstLine(...args: string[]): Promise<string> {
      const child = spawn(process.execPath, ['scripts/start.mjs', '--data', data, ...args], {
        env: { ...process.env, SWDESK_ELECTRON_PACKAGE: fakeElectron, SWDESK_PASSPHRASE: 'start test passphrase' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      let out = '';
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
        });
        child.on('exit', () => reject(new Error(`exited before a line: ${out}`)));
      });
      child.kill('SIGTERM');
      await exited;
      return line;
    }

    expect(await firstLine()).toMatch(/its installer failed: .*EAI_AGAIN/);
    expect(fs.readFileSync(ran, 'utf8')).toBe('x');
    const second = await firstLine();
    expect(second).toMatch(/its installer failed on \d{4}-\d{2}-\d{2}: .*EAI_AGAIN.*--retry-electron/);
    expect(fs.readFileSync(ran, 'utf8')).toBe('x');
    expect(await firstLine('--retry-electron')).toMatch(/its installer failed: /);
    expect(fs.readFileSync(ran, 'utf8')).toBe('xx');
    // Another Electron version (an update) is tried again.
    fs.writeFileSync(path.join(fakeElectron, 'package.json'), JSON.stringify({ version: '40.0.0' }));
    await firstLine();
    expect(fs.readFileSync(ran, 'utf8')).toBe('xxx');
  });
});
