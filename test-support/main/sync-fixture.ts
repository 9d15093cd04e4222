import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import { entryArgs } from '../../scripts/test-bundles.mjs';
import { enrollCode, startHub, type Running } from '../../e2e/fixtures/processes';
import type { DeclarationRecord, MethodInput, MethodName, MethodOutput } from '../../shared/api';
import type { App } from '../../main/composition';
import { createApp } from '../../main/composition';
import type { Clock } from '../../main/core/context';
import { systemClock } from '../../main/core/context';
import { silentLogger } from '../../main/logging/logger';
import { createPassphraseProtector } from '../../main/core/signing/key-protector';
import type { SyncOptions } from '../../main/core/sync/sync-engine';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { tempDir } from './temp-dir';

export const fastSync: Partial<SyncOptions> = {
  push: { batchSize: 100, backoff: { baseMs: 100, maxMs: 1_000 } },
  debounceMs: 10,
  timerMs: 400,
  longPollSeconds: 2,
  reconnect: { baseMs: 100, maxMs: 400 },
};

export const sampleDoc = (): { ieFlag: 'I' | 'E'; doc: DeclarationRecord['doc'] } =>
  JSON.parse(fs.readFileSync(path.resolve('resources/samples/import-general-trade.json'), 'utf8')) as {
    ieFlag: 'I' | 'E';
    doc: DeclarationRecord['doc'];
  };

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string | (() => string),
  timeoutMs = 30_000,
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A real hub process behind a fault-injecting proxy, and the client core over
 * a real SQLite file, enrolled through the proxy.
 */
export async function syncFixture(
  options: {
    clock?: Clock;
    stepDelayMs?: number;
    sync?: Partial<SyncOptions>;
    /** More SWHUB_* for the hub process (SWHUB_STORE: a hub on a migrated PostgreSQL instead of its SQLite file). */
    hubEnv?: Record<string, string>;
  } = {},
) {
  const hubTemp = tempDir('swdesk-hub-');
  const deskTemp = tempDir('swdesk-desk-');
  const hubEnv = { SWHUB_STEP_DELAY_MS: String(options.stepDelayMs ?? 0), ...options.hubEnv };
  let hub: Running = await startHub(hubTemp.dir, 0, hubEnv);
  const hubPort = Number(new URL(hub.url).port);
  const proxy: FaultProxy = await startFaultProxy(hub.url);
  const clock = options.clock ?? systemClock;
  const open = (passphrase: string | null = 'correct horse battery') =>
    createApp({
      dataDir: deskTemp.dir,
      host: 'browser',
      protector: createPassphraseProtector(passphrase ?? undefined),
      logger: silentLogger,
      clock,
      sync: { ...fastSync, ...options.sync },
    });
  let app: App = open();
  await app.connectHub(proxy.url, enrollCode(hubTemp.dir, hubEnv));
  app.start();

  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await app.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as MethodOutput<M>;
  }

  const f = {
    proxy,
    hubDir: hubTemp.dir,
    deskDir: deskTemp.dir,
    get app() {
      return app;
    },
    call,
    /** A draft filled from the sample, with `head`'s fields set over the sample's, ready to declare; returns its id. */
    async draftSample(head: Record<string, string> = {}): Promise<string> {
      const { ieFlag, doc } = sampleDoc();
      const created = await call('declarations.create', { ieFlag });
      const ops = [
        ...Object.entries({ ...doc.head, ...head })
          .filter(([k]) => k !== 'IEFlag')
          .map(([k, v]) => ({ op: 'set' as const, path: `head.${k}`, value: v })),
        ...doc.lines.map((row) => ({ op: 'insertRow' as const, table: 'lines', row })),
      ];
      await call('declarations.update', { id: created.id, baseRevision: created.revision, ops });
      return created.id;
    },
    /** Creates declarations from the sample and declares them; returns their ids. */
    async declareSamples(count: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const id = await f.draftSample();
        await call('declarations.declare', { id });
        ids.push(id);
      }
      return ids;
    },
    /** Submissions as the hub holds them, by ClientSeqNo (read from its database). */
    hubSubmissions(): Array<{ clientSeqNo: string; submissionId: string; state: string }> {
      const db = new Database(path.join(hubTemp.dir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
      try {
        return db
          .prepare(
            'SELECT client_seq_no AS clientSeqNo, submission_id AS submissionId, state FROM submissions ORDER BY pk',
          )
          .all() as Array<{ clientSeqNo: string; submissionId: string; state: string }>;
      } finally {
        db.close();
      }
    },
    async stopHub(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
      await hub.stop(signal);
    },
    /** SIGKILL, resolved once the hub process has exited. */
    async killHub(): Promise<void> {
      await hub.stop('SIGKILL');
    },
    async startHubAgain(): Promise<void> {
      hub = await startHub(hubTemp.dir, hubPort, hubEnv);
    },
    /** Restarts the app; `passphrase: null` as after a restart without a passphrase file (the key stays locked). */
    async restartApp(options: { passphrase?: string | null } = {}): Promise<void> {
      await app.close();
      app = open(options.passphrase);
      app.start();
    },
    async close(): Promise<void> {
      await app.close();
      await proxy.close();
      await hub.stop();
      hubTemp.cleanup();
      deskTemp.cleanup();
    },
  };
  return f;
}

export type SyncFixture = Awaited<ReturnType<typeof syncFixture>>;

/** The sync fixtures of a describe block: each test starts its own with the function returned, closed when it ends. */
export function syncFixturePerTest(): (options?: Parameters<typeof syncFixture>[0]) => Promise<SyncFixture> {
  let current: SyncFixture | null = null;
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return async (options) => (current = await syncFixture(options));
}

/** The hub's operator imports the code table file `csv` into the hub's data at `hubDir`, with the hub's CLI. */
export function importIntoHub(hubDir: string, csv: string): void {
  const imported = spawnSync(process.execPath, [...entryArgs('hub'), 'code-tables', 'import', csv, '--data', hubDir], {
    encoding: 'utf8',
  });
  expect(imported.status, imported.stderr).toBe(0);
}
