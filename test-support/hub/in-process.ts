import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import type { EnrollmentResponse } from '../../shared/protocol';
import { loadConfig } from '../../hub/config';
import { generateEnrollmentCode, hashEnrollmentCode } from '../../hub/crypto/codes';
import type { Hub } from '../../hub/server';
import { buildHub } from '../../hub/server';
import { openSqliteStore } from '../../hub/store/sqlite/sqlite-store';
import type { HubStore } from '../../hub/store/types';
import type { StoreKind, TestStore } from './stores';
import { createTestStore } from './stores';
import type { TestClient, TestKey } from './test-client';
import { ed25519Key, signedRequestHeaders } from './test-client';

export interface TestHub {
  hub: Hub;
  store: HubStore;
  kind: StoreKind;
  /** The store's test handle (fingerprint, SQL, reopen); null when the hub runs on a given `dir`. */
  data: TestStore | null;
  /** The SQLite data directory ('' on PostgreSQL). */
  dir: string;
  /** A digest of every row of the store (equal before and after: nothing was written). */
  fingerprint(): Promise<string>;
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

/**
 * An in-process hub, silent, with receipts at once unless the config says otherwise: on a fresh
 * store of the kind asked (SQLite by default), on an existing SQLite `dir`, or on `data` (a test
 * store, reopened; it is left in place when the hub closes).
 */
export async function startTestHub(
  overrides: Record<string, unknown> = {},
  options: { now?: () => number; dir?: string; store?: StoreKind; data?: TestStore } = {},
): Promise<TestHub> {
  const kind: StoreKind = options.data?.kind ?? options.store ?? 'sqlite';
  const owned = options.data || options.dir ? null : await createTestStore(kind);
  const data = options.data ?? owned;
  const dir = options.dir ?? (kind === 'sqlite' ? String(data?.config.dataDir ?? tempDir()) : '');
  const config = loadConfig({
    overrides: {
      ...(data ? data.config : { dataDir: dir }),
      log: { level: 'silent' },
      processor: { stepDelayMs: 0 },
      ...overrides,
    },
  });
  const store: HubStore = options.data ? await options.data.reopen() : (owned?.store ?? openSqliteStore(dir));
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
    kind,
    data,
    dir,
    code,
    fingerprint() {
      if (!data) throw new Error('This test hub runs on a given directory: it has no fingerprint');
      return data.fingerprint();
    },
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
      if (owned) await owned.destroy();
      else if (!options.data) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An in-process hub for each test of the file or describe, one client enrolled, handed to `opened`; closed after. */
export function eachEnrolledHub(opened: (open: { t: TestHub; client: TestClient }) => unknown): void {
  let t: TestHub | undefined;
  beforeEach(async () => {
    t = await startTestHub();
    await opened({ t, client: await t.enroll() });
  });
  afterEach(async () => {
    await t?.close();
  });
}
