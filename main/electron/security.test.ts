import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test-support/main/temp-dir';
import { serveRenderer } from './protocol';
import { guardPermissions, guardWebContents, isOwnUrl, secureWebPreferences } from './security';

// Electron cannot run on the build machines: these tests drive the guards with
// fake webContents, session and protocol objects (test doubles).

describe('Electron security guards (fakes: Electron cannot run here)', () => {
  const temps: Array<() => void> = [];
  afterEach(() => temps.splice(0).forEach((c) => c()));

  it('runs the renderer sandboxed, isolated and without Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  it('blocks navigation away from our origin and every new window', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    const captured: { open?: () => { action: string } } = {};
    guardWebContents({
      on: ((name: string, listener: (event: { preventDefault(): void }, url: string) => void) =>
        listeners.set(name, listener)) as never,
      setWindowOpenHandler: ((handler: () => { action: string }) => (captured.open = handler)) as never,
    });
    const outside = { preventDefault: vi.fn() };
    listeners.get('will-navigate')?.(outside, 'https://example.com/');
    expect(outside.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    listeners.get('will-navigate')?.(inside, 'app://swdesk/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const redirect = { preventDefault: vi.fn() };
    listeners.get('will-redirect')?.(redirect, 'http://127.0.0.1:1/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    expect(captured.open?.()).toEqual({ action: 'deny' });
    expect(isOwnUrl('app://swdesk.evil/')).toBe(false);
  });

  it('denies every permission but a clipboard write from our own page', () => {
    type Request = (c: unknown, p: string, cb: (ok: boolean) => void, d: object) => void;
    type Check = (c: unknown, p: string, origin: string, d: object) => boolean;
    const captured: { request?: Request; check?: Check } = {};
    guardPermissions({
      setPermissionRequestHandler: ((h: never) => (captured.request = h)) as never,
      setPermissionCheckHandler: ((h: never) => (captured.check = h)) as never,
    });
    const ask = (permission: string, requestingUrl: string, isMainFrame = true) => {
      let granted: boolean | undefined;
      captured.request?.({}, permission, (ok) => (granted = ok), { requestingUrl, isMainFrame });
      return granted;
    };
    const check = (permission: string, origin: string, isMainFrame = true) =>
      captured.check?.({}, permission, origin, { isMainFrame });
    expect(ask('clipboard-sanitized-write', 'app://swdesk/index.html')).toBe(true);
    expect(check('clipboard-sanitized-write', 'app://swdesk')).toBe(true);
    // Another origin, a frame inside our page, or any other permission: refused.
    expect(ask('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'app://swdesk.evil/')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'app://swdesk/index.html', false)).toBe(false);
    expect(check('clipboard-sanitized-write', 'https://example.com')).toBe(false);
    expect(check('clipboard-sanitized-write', 'app://swdesk', false)).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal']) {
      expect(ask(permission, 'app://swdesk/index.html')).toBe(false);
      expect(check(permission, 'app://swdesk')).toBe(false);
    }
  });

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const temp = tempDir();
    temps.push(temp.cleanup);
    const dir = path.join(temp.dir, 'renderer');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    fs.writeFileSync(path.join(temp.dir, 'secret.txt'), 'secret');
    const captured: { handler?: (request: { url: string }) => Promise<Response> } = {};
    serveRenderer({ handle: ((_scheme: string, h: never) => (captured.handler = h)) as never }, dir);
    const serve = (url: string) => {
      if (!captured.handler) throw new Error('not registered');
      return captured.handler({ url });
    };
    const index = await serve('app://swdesk/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await serve('app://swdesk/../secret.txt')).status).toBe(404);
    expect((await serve('app://swdesk/%2e%2e/secret.txt')).status).toBe(404);
    expect((await serve('app://other/index.html')).status).toBe(404);
  });
});
