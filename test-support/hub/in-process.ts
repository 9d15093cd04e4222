import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { EnrollmentResponse } from '../../shared/protocol';
import { loadConfig } from '../../hub/config';
import { generateEnrollmentCode, hashEnrollmentCode } from '../../hub/crypto/codes';
import type { Hub } from '../../hub/server';
import { buildHub } from '../../hub/server';
import type { SqliteHubStore } from '../../hub/store/sqlite/sqlite-store';
import { openSqliteStore } from '../../hub/store/sqlite/sqlite-store';
import type { TestClient, TestKey } from './test-client';
import { ed25519Key, signedRequestHeaders } from './test-client';

export interface TestHub {
  hub: Hub;
  store: SqliteHubStore;
  dir: string;
  /** A fresh one-time enrollment code. */
  code(ttlMs?: number): Promise<string>;
  enroll(key?: TestKey, name?: string): Promise<TestClient>;
  /** A signed request through fastify.inject. */
  call(
    client: TestClient,
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
    override?: Parameters<typeof signedRequestHeaders>[2],
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'swhub-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** An in-process hub on a temp data directory, silent, with receipts at once unless the config says otherwise. */
export async function startTestHub(
  overrides: Record<string, unknown> = {},
  options: { now?: () => number; dir?: string } = {},
): Promise<TestHub> {
  const dir = options.dir ?? tempDir();
  const config = loadConfig({
    overrides: { dataDir: dir, log: { level: 'silent' }, processor: { stepDelayMs: 0 }, ...overrides },
  });
  const store = openSqliteStore(dir);
  const hub = await buildHub({ config, store, ...(options.now ? { now: options.now } : {}) });
  const now = options.now ?? Date.now;

  async function code(ttlMs = 3_600_000): Promise<string> {
    const value = generateEnrollmentCode();
    await store.createEnrollmentCode({
      codeHash: hashEnrollmentCode(value),
      label: 'test',
      createdAt: new Date(now()).toISOString(),
      expiresAt: now() + ttlMs,
    });
    return value;
  }

  return {
    hub,
    store,
    dir,
    code,
    async enroll(key = ed25519Key(), name = '测试客户端') {
      const response = await hub.app.inject({
        method: 'POST',
        url: '/v1/enrollments',
        payload: { code: await code(), publicKey: key.publicKey, algorithm: key.algorithm, clientName: name },
      });
      if (response.statusCode !== 200) throw new Error(`enrollment failed: ${response.statusCode} ${response.body}`);
      const body = response.json<EnrollmentResponse>();
      return { clientId: body.clientId, key };
    },
    call(client, method, url, body, override) {
      const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      return hub.app.inject({
        method,
        url,
        headers: signedRequestHeaders(
          client,
          { method, path: url, ...(text === undefined ? {} : { body: text }) },
          override,
        ),
        ...(text === undefined ? {} : { payload: text }),
      });
    },
    async close() {
      await hub.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
