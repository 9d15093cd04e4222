// The desk-to-hub benches' set-up: a desk (the real composition) and a hub process on loopback, enrolled, with the
// sync timings short enough for a bench, and the sample declaration as edit ops. sync.bench.ts (throughput) and
// attachment-upload.bench.ts (随附单据 files) share it, so both measure the same sync path the same way.
import { enrollCode, startHub } from '../e2e/fixtures/processes';
import { createApp } from '../main/composition';
import { silentLogger } from '../main/logging/logger';
import { createPassphraseProtector } from '../main/core/signing/key-protector';
import { sampleDoc, waitFor } from '../test-support/main/sync-fixture';
import { tempDir } from '../test-support/main/temp-dir';

export interface SyncDesk {
  app: ReturnType<typeof createApp>;
  /** Calls the desk's API as the renderer would; a refusal stops the bench. */
  call(method: string, input: unknown): Promise<{ id: string; revision: number }>;
  /** Creates a declaration holding the sample document (the real create and update path), not declared; its id. */
  createSample(): Promise<string>;
  /** Starts sync and waits until `n` declarations are released; times to all accepted and to all released. */
  syncAll(n: number, what: string): Promise<{ acceptedMs: number; releasedMs: number }>;
}

export async function withSyncDesk<T>(concurrency: number, work: (desk: SyncDesk) => Promise<T>): Promise<T> {
  const hubDir = tempDir('swdesk-bench-hub-');
  const deskDir = tempDir('swdesk-bench-desk-');
  const hub = await startHub(hubDir.dir, 0, { SWHUB_STEP_DELAY_MS: '0', SWHUB_LOG_LEVEL: 'warn' });
  const app = createApp({
    dataDir: deskDir.dir,
    host: 'browser',
    protector: createPassphraseProtector('bench passphrase'),
    logger: silentLogger,
    sync: {
      push: { batchSize: 100, concurrency, backoff: { baseMs: 100, maxMs: 2_000 } },
      debounceMs: 10,
      timerMs: 1_000,
      longPollSeconds: 5,
      reconnect: { baseMs: 100, maxMs: 1_000 },
    },
  });
  try {
    await app.connectHub(hub.url, enrollCode(hubDir.dir));
    const call = async (method: string, input: unknown) => {
      const result = await app.dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as { id: string; revision: number };
    };
    const { ieFlag, doc } = sampleDoc();
    const ops = [
      ...Object.entries(doc.head)
        .filter(([k]) => k !== 'IEFlag')
        .map(([k, v]) => ({ op: 'set', path: `head.${k}`, value: v })),
      ...doc.lines.map((row) => ({ op: 'insertRow', table: 'lines', row })),
    ];
    const count = (sql: string) => (app.db.prepare(sql).get() as { n: number }).n;
    return await work({
      app,
      call,
      async createSample() {
        const created = await call('declarations.create', { ieFlag });
        await call('declarations.update', { id: created.id, baseRevision: created.revision, ops });
        return created.id;
      },
      async syncAll(n, what) {
        const start = performance.now();
        app.start();
        let acceptedMs = 0;
        await waitFor(
          () => {
            if (acceptedMs === 0 && count(`SELECT count(*) AS n FROM outbox WHERE state = 'accepted'`) === n)
              acceptedMs = performance.now() - start;
            return count(`SELECT count(*) AS n FROM declarations WHERE channel IN ('P', 'R')`) === n;
          },
          what,
          600_000,
        );
        return { acceptedMs, releasedMs: performance.now() - start };
      },
    });
  } finally {
    await app.close();
    await hub.stop();
    hubDir.cleanup();
    deskDir.cleanup();
  }
}
