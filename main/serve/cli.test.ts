import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { entryArgs } from '../../scripts/test-bundles.mjs';
import { tempDir } from '../../test-support/main/temp-dir';

const cli = entryArgs('serve');

describe('npm run serve (the browser host command line)', { timeout: 60_000 }, () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  function staticDir(): string {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    fs.writeFileSync(path.join(temp.dir, 'index.html'), '<!doctype html><title>SW Desk</title>');
    return temp.dir;
  }

  it('prints exactly one line with the address and token, and serves the page', async () => {
    const data = tempDir();
    cleanups.push(data.cleanup);
    const child = spawn(process.execPath, [...cli, '--port', '0', '--data', data.dir, '--static', staticDir()], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SWDESK_PASSPHRASE: 'serve test passphrase' },
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready: ${out}`)), 45_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.endsWith('\n')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const url = /^SW Desk ready at (http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+))\n$/.exec(out);
    expect(url).not.toBeNull();
    const origin = `http://127.0.0.1:${url?.[2] ?? ''}`;
    expect((await fetch(`${origin}/`)).status).toBe(200);
    const info = await fetch(`${origin}/api/invoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${url?.[3] ?? ''}` },
      body: JSON.stringify({ method: 'app.info', input: {} }),
    });
    expect(await info.json()).toMatchObject({ ok: true, value: { host: 'browser', dataDir: data.dir } });
    // Everything it writes in its whole life, shutdown included: 'close' comes after stdout has ended.
    const closed = new Promise((r) => child.once('close', r));
    child.kill('SIGTERM');
    await closed;
    expect(out.split('\n').filter((l) => l !== '')).toEqual([url?.[0].trim()]);
  });

  it('refuses bad flags with a clear message and exit code 2', () => {
    const result = spawnSync(process.execPath, [...cli, '--port', 'eighty', '--static', staticDir()], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--port must be a number');
    const half = spawnSync(process.execPath, [...cli, '--hub', 'http://127.0.0.1:1', '--static', staticDir()], {
      encoding: 'utf8',
    });
    expect(half.status).toBe(2);
    expect(half.stderr).toContain('--hub and --enroll-code go together');
  });

  /** Starts the host and waits for its one line; returns the origin, token, stderr so far and a stop function. */
  async function startHost(args: string[]) {
    const child = spawn(process.execPath, [...cli, '--port', '0', '--static', staticDir(), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SWDESK_PASSPHRASE: 'serve test passphrase' },
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready: ${out} ${err}`)), 45_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.endsWith('\n')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const url = /^SW Desk ready at http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)\n$/.exec(out);
    const origin = `http://127.0.0.1:${url?.[1] ?? ''}`;
    const invoke = async (method: string, input: unknown) =>
      (await (
        await fetch(`${origin}/api/invoke`, {
          method: 'POST',
          headers: { authorization: `Bearer ${url?.[2] ?? ''}` },
          body: JSON.stringify({ method, input }),
        })
      ).json()) as { ok: boolean; value?: unknown; error?: { code: string } };
    return {
      invoke,
      stderr: () => err,
      stop: async () => {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      },
    };
  }

  it('serves the recovery screen for a database from a newer version, without touching it', async () => {
    const data = tempDir();
    cleanups.push(data.cleanup);
    const file = path.join(data.dir, 'swdesk.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const before = fs.readFileSync(file);
    const host = await startHost(['--data', data.dir]);
    try {
      expect(await host.invoke('desk.status', {})).toMatchObject({
        ok: true,
        value: { mode: 'recovery', problem: { kind: 'too-new', found: 999 } },
      });
      expect(await host.invoke('declarations.list', {})).toMatchObject({ ok: false, error: { code: 'RECOVERY_MODE' } });
      expect(host.stderr()).toMatch(/could not be opened \(too-new\).*newer version/);
      expect(host.stderr()).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      await host.stop();
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('fills the first-run setup from --setup-file, and refuses a setup file that is not valid', async () => {
    const data = tempDir();
    cleanups.push(data.cleanup);
    const good = path.join(data.dir, 'setup.json');
    fs.writeFileSync(
      good,
      JSON.stringify({
        company: { name: '上海捷通报关有限公司', customsCode: '3120980123', uscc: '91310115MA1H7AAA0F' },
        operator: { name: '王芳', icCard: '8931000012345' },
      }),
    );
    const host = await startHost(['--data', path.join(data.dir, 'desk'), '--setup-file', good]);
    try {
      expect(await host.invoke('desk.status', {})).toMatchObject({
        ok: true,
        value: { mode: 'normal', needsSetup: false },
      });
      expect(await host.invoke('profiles.list', {})).toMatchObject({
        ok: true,
        value: [{ operator: { name: '王芳' }, current: true }],
      });
    } finally {
      await host.stop();
    }
    const bad = path.join(data.dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ company: { name: 'x' } }));
    const refused = spawnSync(
      process.execPath,
      [...cli, '--port', '0', '--data', path.join(data.dir, 'other'), '--static', staticDir(), '--setup-file', bad],
      { encoding: 'utf8' },
    );
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('company.customsCode');
  });
});
