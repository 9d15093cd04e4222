import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.mjs';
import { isOwnUrl } from './security';

// The BUILT main bundle (dist/electron/main.cjs as `npm run build` makes it), started under Node with a
// recording stand-in for the `electron` module (./electron-stand-in.cjs, a test double: Electron's binary
// cannot run on these machines). Under Node, the "Electron build" of SQLite's native part is the Node
// build copied to where the shell looks for Electron's (dist/native), so the shell's choice is what is
// tested; that the shipped file is really Electron's is checked by the package build and the release
// workflow's smoke test.

interface Call {
  step: number;
  api: string;
  args: unknown[];
}

const nodeBuild = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const electronAbi = Number(fs.readFileSync('node_modules/electron/abi_version', 'utf8').trim());
let bundleDir = '';
const temps: string[] = [];

beforeAll(async () => {
  bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-bundle-'));
  temps.push(bundleDir);
  await buildElectron(bundleDir);
}, 120_000);
afterAll(() => temps.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A temporary app folder laid out as the installers lay it out, with the built bundle and the stand-in. */
function appFolder(binding: Buffer | null) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-shell-'));
  temps.push(root);
  const app = path.join(root, 'app');
  fs.mkdirSync(path.join(app, 'dist', 'electron'), { recursive: true });
  for (const file of ['main.cjs', 'preload.cjs'])
    fs.copyFileSync(path.join(bundleDir, file), path.join(app, 'dist', 'electron', file));
  fs.mkdirSync(path.join(app, 'dist', 'renderer', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(app, 'dist', 'renderer', 'index.html'), '<!doctype html><title>SW Desk</title>');
  fs.writeFileSync(path.join(app, 'dist', 'renderer', 'assets', 'index.js'), 'console.log(1)');
  fs.writeFileSync(path.join(app, 'secret.txt'), 'not for the page');
  if (binding) {
    fs.mkdirSync(path.join(app, 'dist', 'native'));
    fs.writeFileSync(path.join(app, 'dist', 'native', 'better_sqlite3.node'), binding);
  }
  fs.mkdirSync(path.join(app, 'node_modules', 'electron'), { recursive: true });
  fs.copyFileSync(
    path.resolve('main/electron/electron-stand-in.cjs'),
    path.join(app, 'node_modules', 'electron', 'index.js'),
  );
  return { root, app, home: path.join(root, 'home'), data: path.join(root, 'data') };
}

/** The bundle running under Node, driven through the stand-in. */
function startShell(folder: ReturnType<typeof appFolder>, argv: string[] = []) {
  const child: ChildProcess = spawn(process.execPath, [path.join(folder.app, 'dist/electron/main.cjs'), ...argv], {
    cwd: folder.root,
    env: { ...process.env, HOME: folder.home, XDG_CONFIG_HOME: '', XDG_DATA_HOME: '', SWDESK_DATA: folder.data },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on('message', (message: { id: number; ok: boolean; value?: unknown; error?: string }) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiting?.resolve(message.value);
    else waiting?.reject(new Error(message.error));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let next = 1;
  async function send<T>(command: Record<string, unknown>): Promise<T> {
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...command, id });
    });
  }
  async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (child.exitCode !== null) throw new Error(`the shell exited: ${stderr}`);
      await new Promise((r) => setImmediate(r));
    }
  }
  return {
    send,
    until,
    exited,
    stderr: () => stderr,
    log: () => send<Call[]>({ op: 'log' }),
    invoke: (method: string, input: unknown, frameUrl = 'app://swdesk/index.html', senderId = 1) =>
      send<{ ok: boolean; value?: unknown; error?: { code: string } }>({
        op: 'invoke',
        channel: 'swdesk:invoke',
        senderId,
        frame: { url: frameUrl, parent: null },
        method,
        input,
      }),
  };
}

describe('the built desktop shell under a recording stand-in for electron (Electron cannot run here)', () => {
  let folder: ReturnType<typeof appFolder>;
  let shell: ReturnType<typeof startShell>;
  let started: Call[];

  beforeAll(async () => {
    folder = appFolder(fs.readFileSync(nodeBuild));
    shell = startShell(folder, [path.join(folder.root, 'shipment 2026-12-01.swdx'), 'ignored.xml']);
    started = await shell.until(shell.log, (log) => log.some((c) => c.api === 'app.whenReady'));
    await shell.send({ op: 'ready' });
    await shell.until(shell.log, (log) => log.some((c) => c.api === 'window.loadURL'));
  }, 60_000);
  afterAll(async () => {
    await shell.send({ op: 'quit' });
    expect(await shell.exited).toBe(0);
  });

  it('registers the app:// scheme, takes the single-instance lock and moves Chromium’s profile before ready', () => {
    const order = started.map((c) => c.api);
    const schemes = started.find((c) => c.api === 'protocol.registerSchemesAsPrivileged')?.args[0];
    expect(schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    const profile = started.find((c) => c.api === 'app.setPath' && c.args[0] === 'userData')?.args[1] as string;
    expect(profile).toBe(path.join(folder.home, '.config', 'swdesk', 'profile'));
    expect(path.relative(folder.data, profile).startsWith('..')).toBe(true);
    // userData first: the single-instance lock lives in it.
    expect(order.indexOf('app.setPath')).toBeLessThan(order.indexOf('app.requestSingleInstanceLock'));
    expect(order.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('app.whenReady'));
    expect(order.indexOf('app.requestSingleInstanceLock')).toBeLessThan(order.indexOf('app.whenReady'));
    expect(order).not.toContain('(ready)');
  });

  it('opens every window sandboxed, isolated, without Node, on our origin, with the built preload', async () => {
    const log = await shell.log();
    const windows = log.filter((c) => c.api === 'new BrowserWindow');
    expect(windows.length).toBeGreaterThan(0);
    for (const call of windows) {
      const prefs = (call.args[0] as { webPreferences: Record<string, unknown> }).webPreferences;
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        preload: path.join(folder.app, 'dist', 'electron', 'preload.cjs'),
      });
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      expect(fs.existsSync(prefs.preload as string)).toBe(true);
    }
    const loaded = log.filter((c) => c.api === 'window.loadURL').map((c) => c.args[0] as string);
    expect(loaded.every(isOwnUrl)).toBe(true);
    expect(await shell.send({ op: 'navigate', event: 'will-navigate', url: 'https://example.com/' })).toEqual({
      prevented: true,
    });
    expect(await shell.send({ op: 'open-window', url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const index = await shell.send<{ status: number; headers: Record<string, string> }>({
      op: 'protocol',
      scheme: 'app',
      url: 'app://swdesk/index.html',
    });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    for (const url of [
      'app://swdesk/../../secret.txt',
      'app://swdesk/%2e%2e/%2e%2e/secret.txt',
      'app://other/index.html',
    ])
      expect((await shell.send<{ status: number }>({ op: 'protocol', scheme: 'app', url })).status).toBe(404);
  });

  it('answers the contract only to our own window’s top frame on our origin', async () => {
    const [window] = await shell.send<Array<{ id: number }>>({ op: 'windows' });
    expect(await shell.invoke('desk.status', {}, 'app://swdesk/index.html', window?.id)).toMatchObject({
      ok: true,
      value: { mode: 'normal' },
    });
    for (const [url, sender] of [
      ['https://example.com/', window?.id],
      ['app://swdesk.evil/index.html', window?.id],
      ['app://swdesk/index.html', 999],
    ] as const)
      expect(await shell.invoke('desk.status', {}, url, sender)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
  });

  it('opens the data with the SQLite binding from the app’s dist/native, not node_modules', async () => {
    const [window] = await shell.send<Array<{ id: number }>>({ op: 'windows' });
    const diagnostics = await shell.invoke('diagnostics.get', {}, 'app://swdesk/index.html', window?.id);
    expect((diagnostics.value as { text: string }).text).toContain(
      path.join(folder.app, 'dist', 'native', 'better_sqlite3.node'),
    );
    expect(fs.existsSync(path.join(folder.data, 'swdesk.sqlite'))).toBe(true);
    // Chromium's profile is not in the data folder.
    expect(fs.readdirSync(folder.data).sort()).not.toContain('Local Storage');
  });

  it('installs the native menu and lets the page write to the clipboard — nothing else', async () => {
    const menu = await shell.send<Array<{ label?: string; submenu?: unknown[] }>>({ op: 'menu' });
    expect(menu.map((m) => m.label)).toEqual(expect.arrayContaining(['文件', '编辑', '帮助']));
    const ask = (permission: string, url: string) =>
      shell.send({ op: 'permission', kind: 'request', permission, url, isMainFrame: true });
    expect(await ask('clipboard-sanitized-write', 'app://swdesk/index.html')).toBe(true);
    expect(await ask('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(await ask('clipboard-read', 'app://swdesk/index.html')).toBe(false);
    expect(await ask('notifications', 'app://swdesk/index.html')).toBe(false);
  });

  it('offers an archive given on the command line for import once the page has loaded; other files are not its', async () => {
    const offered = (windows: Array<{ sent: Array<{ channel: string; args: unknown[] }> }>) =>
      (windows[0]?.sent ?? []).filter((s) => s.args[0] === 'archive.open');
    const windows = await shell.until(
      () => shell.send<Array<{ sent: Array<{ channel: string; args: unknown[] }> }>>({ op: 'windows' }),
      (w) => offered(w).length > 0,
    );
    expect(offered(windows)).toEqual([
      { channel: 'swdesk:event', args: ['archive.open', { path: path.join(folder.root, 'shipment 2026-12-01.swdx') }] },
    ]);
  });
});

describe('the built desktop shell with a SQLite binding of the wrong ABI (stand-in electron)', () => {
  it('opens on a recovery screen that names the binding and both versions, and touches no data', async () => {
    const relabelled = Buffer.from(
      fs
        .readFileSync(nodeBuild)
        .toString('latin1')
        .replaceAll(`node_register_module_v${process.versions.modules}`, `node_register_module_v${electronAbi}`),
      'latin1',
    );
    const folder = appFolder(relabelled);
    const shell = startShell(folder);
    await shell.until(shell.log, (log) => log.some((c) => c.api === 'app.whenReady'));
    await shell.send({ op: 'ready' });
    await shell.until(shell.log, (log) => log.some((c) => c.api === 'window.loadURL'));
    const [window] = await shell.send<Array<{ id: number }>>({ op: 'windows' });
    const status = await shell.invoke('desk.status', {}, 'app://swdesk/index.html', window?.id);
    await shell.send({ op: 'quit' });
    expect(await shell.exited).toBe(0);
    expect(status).toMatchObject({
      ok: true,
      value: {
        mode: 'recovery',
        problem: {
          kind: 'sqlite-binding',
          binding: {
            file: path.join(folder.app, 'dist', 'native', 'better_sqlite3.node'),
            found: electronAbi,
            required: Number(process.versions.modules),
            packaged: false,
          },
        },
      },
    });
    expect(fs.existsSync(path.join(folder.data, 'swdesk.sqlite'))).toBe(false);
  }, 60_000);
});
