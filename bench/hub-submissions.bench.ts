// Hub throughput end to end on loopback: a real hub process (Ed25519 request
// and item signatures verified, the shared validation engine run, every batch
// committed with synchronous=FULL) fed by this process over HTTP keep-alive.
// Figures: submissions per second in batches of 100, batch and single-item
// latency percentiles, and the time until every submission has its P receipt.
import fs from 'node:fs';
import { openSqliteStore } from '../hub/store/sqlite/sqlite-store';
import { startHubProcess } from '../test-support/hub/hub-process';
import { tempDir } from '../test-support/hub/in-process';
import { enrollmentCode } from '../test-support/hub/store-fixtures';
import { ed25519Key, sm2Key, submission } from '../test-support/hub/test-client';
import type { BenchResult } from './harness';
import { percentile, round } from './harness';
import { BATCH, CONCURRENCY, enroll, post, submitAndReceive } from './hub-flow';

const TOTAL = 10_000;
const SINGLES = 300;
const SM2_TOTAL = 2_000;

export async function run(): Promise<BenchResult[]> {
  const dir = tempDir('swhub-bench-');
  const hub = await startHubProcess(dir, { SWHUB_STEP_DELAY_MS: '0', SWHUB_LOG_LEVEL: 'warn' });
  try {
    const store = openSqliteStore(dir);
    const code = await enrollmentCode(store, 'bench');
    await store.close();
    const key = ed25519Key();
    const client = await enroll(hub.url, code, key);
    const singles = Array.from({ length: SINGLES }, () => submission(key));
    await post(hub.url, client, [submission(key)]);
    const flow = await submitAndReceive([hub.url], client, TOTAL, 1);

    const singleMs: number[] = [];
    for (const item of singles) singleMs.push(await post(hub.url, client, [item]));

    // The China profile: the same flow with SM2/SM3 signatures (pure JS, precomputed keys at the hub).
    const codeStore = openSqliteStore(dir);
    const sm2Code = await enrollmentCode(codeStore, 'bench');
    await codeStore.close();
    const smKey = sm2Key();
    const smClient = await enroll(hub.url, sm2Code, smKey, 'bench sm2');
    const smItems = Array.from({ length: SM2_TOTAL }, () => submission(smKey));
    const smStarted = performance.now();
    let smNext = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (smNext < SM2_TOTAL) {
          const batch = smItems.slice(smNext, smNext + BATCH);
          smNext += BATCH;
          await post(hub.url, smClient, batch);
        }
      }),
    );
    const smPerSecond = SM2_TOTAL / ((performance.now() - smStarted) / 1000);

    return [
      {
        name: 'hub submissions (batches of 100, 4 in flight, loopback, signatures + validation + synchronous=FULL)',
        figures: {
          submissions: TOTAL,
          perSecond: flow.perSecond,
          batchP50ms: flow.batchP50ms,
          batchP99ms: flow.batchP99ms,
        },
        budget: '≥ 1,000 submissions/s with batching',
        pass: flow.perSecond >= 1000,
      },
      {
        name: 'hub receipts (7, L, T, P for every submission, processor delays 0, long poll)',
        figures: {
          receipts: flow.receipts,
          secondsFromFirstSubmit: flow.secondsFromFirstSubmit,
          submissionsPerSecond: flow.deliveredPerSecond,
        },
        budget: 'sync 10,000 submissions and receive their receipts ≥ 1,000/s',
        pass: flow.deliveredPerSecond >= 1000,
      },
      {
        name: 'hub submissions, SM2/SM3 profile (batches of 100, 4 in flight)',
        figures: { submissions: SM2_TOTAL, perSecond: Math.round(smPerSecond) },
        budget: 'recorded (the budget is for the default Ed25519 profile)',
        pass: true,
      },
      {
        name: 'hub single submission latency (one item per request, sequential)',
        figures: {
          requests: SINGLES,
          p50ms: round(percentile(singleMs, 50), 2),
          p99ms: round(percentile(singleMs, 99), 2),
        },
        budget: 'recorded (no budget)',
        pass: true,
      },
    ];
  } finally {
    await hub.stop('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
