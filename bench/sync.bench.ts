// Sync throughput: 10,000 signed, queued declarations drained to a hub
// process on loopback, and their receipts back up to release (P).
// Budget (ARCHITECTURE.md): ≥ 1,000 per second.
import { enrollCode, startHub } from '../e2e/fixtures/processes';
import { createApp } from '../main/composition';
import { silentLogger } from '../main/logging/logger';
import { createPassphraseProtector } from '../main/core/signing/key-protector';
import { sampleDoc, waitFor } from '../test-support/main/sync-fixture';
import { tempDir } from '../test-support/main/temp-dir';
import type { BenchResult } from './harness';
import { round } from './harness';

const COUNT = Number(process.env.SWDESK_BENCH_SYNC_COUNT ?? 10_000);

export async function run(): Promise<BenchResult[]> {
  const hubDir = tempDir('swdesk-bench-hub-');
  const deskDir = tempDir('swdesk-bench-desk-');
  const hub = await startHub(hubDir.dir, 0, { SWHUB_STEP_DELAY_MS: '0', SWHUB_LOG_LEVEL: 'warn' });
  const app = createApp({
    dataDir: deskDir.dir,
    host: 'browser',
    protector: createPassphraseProtector('bench passphrase'),
    logger: silentLogger,
    sync: {
      push: { batchSize: 100, concurrency: 3, backoff: { baseMs: 100, maxMs: 2_000 } },
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
    // Queue everything first (offline work), through the real declare path.
    const { ieFlag, doc } = sampleDoc();
    const ops = [
      ...Object.entries(doc.head)
        .filter(([k]) => k !== 'IEFlag')
        .map(([k, v]) => ({ op: 'set', path: `head.${k}`, value: v })),
      ...doc.lines.map((row) => ({ op: 'insertRow', table: 'lines', row })),
    ];
    const queueStart = performance.now();
    for (let i = 0; i < COUNT; i++) {
      const created = await call('declarations.create', { ieFlag });
      await call('declarations.update', { id: created.id, baseRevision: created.revision, ops });
      await call('declarations.declare', { id: created.id });
    }
    const queueMs = performance.now() - queueStart;

    const count = (sql: string) => (app.db.prepare(sql).get() as { n: number }).n;
    const start = performance.now();
    app.start();
    let sentMs = 0;
    await waitFor(
      () => {
        if (sentMs === 0 && count(`SELECT count(*) AS n FROM outbox WHERE state = 'accepted'`) === COUNT)
          sentMs = performance.now() - start;
        return count(`SELECT count(*) AS n FROM declarations WHERE channel IN ('P', 'R')`) === COUNT;
      },
      'every declaration released',
      600_000,
    );
    const totalMs = performance.now() - start;
    const receipts = count('SELECT count(*) AS n FROM receipts');
    const perSecond = COUNT / (totalMs / 1000);
    return [
      {
        name: `sync ${COUNT} queued submissions to a loopback hub and receive their receipts`,
        figures: {
          submissions: COUNT,
          receipts,
          'queue (sign + write) s': round(queueMs / 1000, 1),
          'all accepted s': round(sentMs / 1000, 2),
          'all released s': round(totalMs / 1000, 2),
          'declarations/s': round(perSecond, 0),
        },
        budget: '≥ 1,000 per second',
        pass: perSecond >= 1000,
      },
    ];
  } finally {
    await app.close();
    await hub.stop();
    hubDir.cleanup();
    deskDir.cleanup();
  }
}
