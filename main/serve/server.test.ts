import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../composition';
import { silentLogger } from '../logging/logger';
import { browserDesk } from '../../test-support/main/desk-app';
import { tempDir } from '../../test-support/main/temp-dir';
import { newToken } from './security';
import { createBrowserHost } from './server';

describe('browser host', () => {
  let app: App;
  let host: ReturnType<typeof createBrowserHost>;
  let base: string;
  let token: string;
  let cleanup: () => void;

  beforeEach(async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const staticDir = path.join(temp.dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>SW Desk</title>');
    fs.writeFileSync(path.join(temp.dir, 'outside.txt'), 'not for you');
    app = browserDesk(path.join(temp.dir, 'data'), 'correct horse battery').app;
    token = newToken();
    host = createBrowserHost({ app, staticDir, token, logger: silentLogger });
    base = `http://127.0.0.1:${await host.listen(0)}`;
  });

  afterEach(async () => {
    await host.close();
    await app.close();
    cleanup();
  });

  const invoke = (
    method: string,
    input: unknown,
    headers: Record<string, string> = { authorization: `Bearer ${token}` },
  ) =>
    fetch(`${base}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ method, input }),
    });

  const count = () => (app.db.prepare('SELECT count(*) AS n FROM declarations').get() as { n: number }).n;

  it('runs a contract call with the launch token', async () => {
    const response = await invoke('declarations.create', { ieFlag: 'I' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { workflow: 'draft' } });
    expect(count()).toBe(1);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer wrong' }],
    ['a token without the Bearer scheme', { authorization: 'x' }],
  ])('answers 401 to %s and does nothing', async (_name, headers) => {
    const response = await invoke('declarations.create', { ieFlag: 'I' }, headers as Record<string, string>);
    expect(response.status).toBe(401);
    // A reason the page words in the broker's language (a tab left open across a restart holds the old token).
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', reason: 'host.wrong-token' },
    });
    expect(count()).toBe(0);
  });

  it('refuses a body that is not JSON, and bad input, naming the problem', async () => {
    const bad = await fetch(`${base}/api/invoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: '{oops',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', reason: 'host.not-a-call' } });
    const input = await (await invoke('declarations.create', { ieFlag: 'X' })).json();
    expect(input).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'ieFlag' }] } });
    expect(count()).toBe(0);
  });

  it.each([
    ['a value of the wrong type', 'declarations.create', { ieFlag: 5 }, 'ieFlag', 'input.not-one-of'],
    [
      'a field the call does not take',
      'declarations.create',
      { ieFlag: 'I', seqNo: 'X' },
      '(input)',
      'input.unknown-keys',
    ],
    ['a list that is not one', 'parties.save', { roles: 'customer', nameZh: '上海鲜果' }, 'roles', 'input.wrong-type'],
    ['a string too long', 'parties.save', { roles: [], nameZh: '鲜'.repeat(501) }, 'nameZh', 'input.too-big'],
  ])(
    'refuses %s over HTTP naming the field by a reason the page words, and writes nothing',
    async (_what, method, input, path, code) => {
      const response = await invoke(method, input);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', reason: 'common.bad-input', issues: [{ path, code }] },
      });
      const parties = (app.db.prepare('SELECT count(*) AS n FROM parties').get() as { n: number }).n;
      expect({ declarations: count(), parties }).toEqual({ declarations: 0, parties: 0 });
    },
  );

  it('refuses a call from another origin and an unexpected Host header', async () => {
    const cross = await invoke(
      'declarations.create',
      { ieFlag: 'I' },
      { authorization: `Bearer ${token}`, origin: 'https://evil.example' },
    );
    expect(cross.status).toBe(403);
    expect(await cross.json()).toMatchObject({ error: { reason: 'host.foreign-page' } });
    const port = new URL(base).port;
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/', headers: { host: `evil.example:${port}` } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
    });
    expect(status).toBe(403);
    expect(count()).toBe(0);
  });

  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(`${base}/..%2foutside.txt`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/outside.txt`)).status).toBe(404);
  });

  it('streams events to a client with the token', async () => {
    const denied = await fetch(`${base}/api/events`);
    expect(denied.status).toBe(401);
    const abort = new AbortController();
    const stream = await fetch(`${base}/api/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body?.pipeThrough(new TextDecoderStream()).getReader();
    await invoke('declarations.create', { ieFlag: 'E' });
    let text = '';
    while (reader && !text.includes('event: declarations.changed')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    abort.abort();
    expect(text).toContain('event: hello');
    expect(text).toContain('event: declarations.changed');
  });
});
