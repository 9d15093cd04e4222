// Sync throughput: 10,000 signed, queued declarations drained to a hub
// process on loopback, and their receipts back up to release (P).
// Budget (ARCHITECTURE.md): ≥ 1,000 per second.
import type { BenchResult } from './harness';
import { round } from './harness';
import { withSyncDesk } from './sync-desk';

const COUNT = Number(process.env.SWDESK_BENCH_SYNC_COUNT ?? 10_000);

export function run(): Promise<BenchResult[]> {
  return withSyncDesk(3, async ({ app, call, createSample, syncAll }) => {
    // Queue everything first (offline work), through the real declare path.
    const queueStart = performance.now();
    for (let i = 0; i < COUNT; i++) await call('declarations.declare', { id: await createSample() });
    const queueMs = performance.now() - queueStart;

    const { acceptedMs, releasedMs } = await syncAll(COUNT, 'every declaration released');
    const receipts = (app.db.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number }).n;
    const perSecond = COUNT / (releasedMs / 1000);
    return [
      {
        name: `sync ${COUNT} queued submissions to a loopback hub and receive their receipts`,
        figures: {
          submissions: COUNT,
          receipts,
          'queue (sign + write) s': round(queueMs / 1000, 1),
          'all accepted s': round(acceptedMs / 1000, 2),
          'all released s': round(releasedMs / 1000, 2),
          'declarations/s': round(perSecond, 0),
        },
        budget: '≥ 1,000 per second',
        pass: perSecond >= 1000,
      },
    ];
  });
}
