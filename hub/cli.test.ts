import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  codeTableListSchema,
  enrollmentResponseSchema,
  healthSchema,
  hubErrorSchema,
  receiptsResponseSchema,
  requestSigningText,
  signedHeaders,
  submitResponseSchema,
} from '../shared/protocol';
import { tempDir } from '../test-support/hub/in-process';
import type { HubProcess } from '../test-support/hub/hub-process';
import { runHubCommand, startHubProcess } from '../test-support/hub/hub-process';
import type { TestClient } from '../test-support/hub/test-client';
import { ed25519Key, submission } from '../test-support/hub/test-client';

// The public copies of the official tables are read in place, never copied into the repository.
const domainTables = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../shared/domain/code-tables');
const dirs: string[] = [];
const procs: HubProcess[] = [];
afterEach(async () => {
  for (const p of procs.splice(0)) await p.stop('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dir(): string {
  const d = tempDir('swhub-cli-');
  dirs.push(d);
  return d;
}

async function signedFetch(
  url: string,
  client: TestClient,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<Response> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const timestamp = new Date().toISOString();
  const nonce = `n${Math.random().toString(36).slice(2)}${Date.now()}`;
  const headers: Record<string, string> = {
    [signedHeaders.client]: client.clientId,
    [signedHeaders.keyId]: client.key.keyId,
    [signedHeaders.timestamp]: timestamp,
    [signedHeaders.nonce]: nonce,
    [signedHeaders.signature]: client.key.sign(requestSigningText({ method, path, timestamp, nonce, body: text })),
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body: text }) });
}

describe('npm run hub (real processes)', () => {
  it('serve prints exactly one ready line with the real port; enroll-code prints just a code; the flow reaches P; import and revoke work beside it', async () => {
    const data = dir();
    const codeRun = await runHubCommand(['enroll-code', '--data', data]);
    expect(codeRun.code).toBe(0);
    const code = codeRun.stdout.trim();
    expect(codeRun.stdout).toBe(`${code}\n`);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

    const hub = await startHubProcess(data, { SWHUB_STEP_DELAY_MS: '0' });
    procs.push(hub);
    expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(hub.url.endsWith(':0')).toBe(false);
    const health = healthSchema.parse(await (await fetch(`${hub.url}/v1/health`)).json());
    expect(health.status).toBe('ok');

    const key = ed25519Key();
    const enrolled = await fetch(`${hub.url}/v1/enrollments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: code.toLowerCase(),
        publicKey: key.publicKey,
        algorithm: 'ed25519',
        clientName: '报关行 A',
      }),
    });
    expect(enrolled.status).toBe(200);
    const { clientId, keyId } = enrollmentResponseSchema.parse(await enrolled.json());
    expect(keyId).toBe(key.keyId);
    const client: TestClient = { clientId, key };

    const reuse = await fetch(`${hub.url}/v1/enrollments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, publicKey: ed25519Key().publicKey, algorithm: 'ed25519', clientName: 'again' }),
    });
    expect(reuse.status).toBe(401);

    const submitted = submitResponseSchema.parse(
      await (await signedFetch(hub.url, client, 'POST', '/v1/submissions', { submissions: [submission(key)] })).json(),
    );
    expect(submitted.results[0]?.outcome).toBe('accepted');

    const channels: string[] = [];
    let cursor = '';
    while (!channels.includes('P')) {
      const page = receiptsResponseSchema.parse(
        await (await signedFetch(hub.url, client, 'GET', `/v1/receipts?after=${cursor}&wait=10`)).json(),
      );
      channels.push(...page.receipts.map((r) => r.channel));
      cursor = page.cursor;
    }
    expect(channels).toEqual(['7', 'L', 'T', 'P']);

    const list = await runHubCommand(['clients', 'list', '--data', data, '--json']);
    expect(JSON.parse(list.stdout)).toMatchObject([
      { id: clientId, name: '报关行 A', revokedAt: null, submissionCount: 1 },
    ]);

    // Operator commands run beside the serving hub and take effect at once.
    const imported = await runHubCommand([
      'code-tables',
      'import',
      path.join(domainTables, 'trade-modes.csv'),
      '--data',
      data,
    ]);
    expect(imported.stdout).toMatch(/^imported trade-modes version 1 \(\d+ rows\)\n$/);
    const tables = codeTableListSchema.parse(
      await (await signedFetch(hub.url, client, 'GET', '/v1/code-tables')).json(),
    );
    expect(tables.tables.map((t) => t.id)).toEqual(['trade-modes']);
    const unknownRevoke = await runHubCommand(['clients', 'revoke', 'no-such-client', '--data', data]);
    expect(unknownRevoke.code).toBe(1);
    expect(unknownRevoke.stderr).toMatch(/no client no-such-client/);
    const revoke = await runHubCommand(['clients', 'revoke', clientId, '--data', data]);
    expect(revoke.stdout).toBe(`revoked ${clientId}\n`);
    const refused = await signedFetch(hub.url, client, 'GET', '/v1/receipts');
    expect(refused.status).toBe(401);
    expect(hubErrorSchema.parse(await refused.json()).error.code).toBe('client-revoked');

    expect(await hub.stop('SIGTERM')).toBe(0);
    expect(hub.stdout()).toBe(`hub listening on ${hub.url}\n`);
  });

  it('refuses bad command lines with usage and exit code 2, and a missing data directory clearly', async () => {
    const unknown = await runHubCommand(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);
    const noData = await runHubCommand(['enroll-code']);
    expect(noData.code).toBe(2);
    expect(noData.stderr).toMatch(/--data/);
    const badPort = await runHubCommand(['serve', '--port', 'x', '--data', dir()]);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toMatch(/--port must be a whole number/);
  });
});
