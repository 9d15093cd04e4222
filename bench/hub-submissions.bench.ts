// Hub throughput end to end on loopback: a real hub process (Ed25519 request
// and item signatures verified, the shared validation engine run, every batch
// committed with synchronous=FULL) fed by this process over HTTP keep-alive.
// Figures: submissions per second in batches of 100, batch and single-item
// latency percentiles, and the time until every submission has its P receipt.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { SignedSubmission } from '../shared/protocol';
import {
  enrollmentResponseSchema,
  receiptsResponseSchema,
  requestSigningText,
  signedHeaders,
  submitResponseSchema,
} from '../shared/protocol';
import { generateEnrollmentCode, hashEnrollmentCode } from '../hub/crypto/codes';
import { openSqliteStore } from '../hub/store/sqlite/sqlite-store';
import { startHubProcess } from '../test-support/hub/hub-process';
import { tempDir } from '../test-support/hub/in-process';
import type { TestClient } from '../test-support/hub/test-client';
import { ed25519Key, sm2Key, submission } from '../test-support/hub/test-client';
import type { BenchResult } from './harness';
import { percentile, round } from './harness';

const TOTAL = 10_000;
const BATCH = 100;
const CONCURRENCY = 4;
const SINGLES = 300;
const SM2_TOTAL = 2_000;

function signed(client: TestClient, method: 'GET' | 'POST', path: string, body?: string): RequestInit {
  const timestamp = new Date().toISOString();
  const nonce = randomBytes(12).toString('hex');
  const headers: Record<string, string> = {
    [signedHeaders.client]: client.clientId,
    [signedHeaders.keyId]: client.key.keyId,
    [signedHeaders.timestamp]: timestamp,
    [signedHeaders.nonce]: nonce,
    [signedHeaders.signature]: client.key.sign(
      requestSigningText({ method, path, timestamp, nonce, body: body ?? '' }),
    ),
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return { method, headers, ...(body === undefined ? {} : { body }) };
}

async function post(url: string, client: TestClient, items: SignedSubmission[]): Promise<number> {
  const body = JSON.stringify({ submissions: items });
  const start = performance.now();
  const response = await fetch(`${url}/v1/submissions`, signed(client, 'POST', '/v1/submissions', body));
  const { results } = submitResponseSchema.parse(await response.json());
  const ms = performance.now() - start;
  if (results.some((r) => r.outcome !== 'accepted'))
    throw new Error(`not accepted: ${JSON.stringify(results.find((r) => r.outcome !== 'accepted'))}`);
  return ms;
}

export async function run(): Promise<BenchResult[]> {
  const dir = tempDir('swhub-bench-');
  const hub = await startHubProcess(dir, { SWHUB_STEP_DELAY_MS: '0', SWHUB_LOG_LEVEL: 'warn' });
  try {
    const store = openSqliteStore(dir);
    const code = generateEnrollmentCode();
    await store.createEnrollmentCode({
      codeHash: hashEnrollmentCode(code),
      label: 'bench',
      createdAt: new Date().toISOString(),
      expiresAt: Date.now() + 3_600_000,
    });
    await store.close();
    const key = ed25519Key();
    const enrolled = await fetch(`${hub.url}/v1/enrollments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, publicKey: key.publicKey, algorithm: 'ed25519', clientName: 'bench' }),
    });
    const client: TestClient = { clientId: enrollmentResponseSchema.parse(await enrolled.json()).clientId, key };

    // Signing happens before the clock starts: the client signs at "sign and queue" time, not at sync.
    const items = Array.from({ length: TOTAL }, () => submission(key));
    const singles = Array.from({ length: SINGLES }, () => submission(key));
    await post(hub.url, client, [submission(key)]);

    const batches: SignedSubmission[][] = [];
    for (let i = 0; i < TOTAL; i += BATCH) batches.push(items.slice(i, i + BATCH));
    const batchMs: number[] = [];
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < batches.length) {
          const batch = batches[next++];
          if (batch) batchMs.push(await post(hub.url, client, batch));
        }
      }),
    );
    const submitSeconds = (performance.now() - started) / 1000;

    // Every submission answered with 7, L and P (processor delays 0), read by long poll.
    let receipts = 0;
    let cursor = '';
    while (receipts < (TOTAL + 1) * 3) {
      const path = `/v1/receipts?after=${cursor}&wait=10`;
      const page = receiptsResponseSchema.parse(
        await (await fetch(`${hub.url}${path}`, signed(client, 'GET', path))).json(),
      );
      receipts += page.receipts.length;
      cursor = page.cursor;
    }
    const receiptSeconds = (performance.now() - started) / 1000;

    const singleMs: number[] = [];
    for (const item of singles) singleMs.push(await post(hub.url, client, [item]));

    // The China profile: the same flow with SM2/SM3 signatures (pure JS, precomputed keys at the hub).
    const sm2Code = generateEnrollmentCode();
    const codeStore = openSqliteStore(dir);
    await codeStore.createEnrollmentCode({
      codeHash: hashEnrollmentCode(sm2Code),
      label: 'bench',
      createdAt: new Date().toISOString(),
      expiresAt: Date.now() + 3_600_000,
    });
    await codeStore.close();
    const smKey = sm2Key();
    const smEnrolled = await fetch(`${hub.url}/v1/enrollments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: sm2Code, publicKey: smKey.publicKey, algorithm: 'sm2', clientName: 'bench sm2' }),
    });
    const smClient: TestClient = {
      clientId: enrollmentResponseSchema.parse(await smEnrolled.json()).clientId,
      key: smKey,
    };
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

    const perSecond = TOTAL / submitSeconds;
    return [
      {
        name: 'hub submissions (batches of 100, 4 in flight, loopback, signatures + validation + synchronous=FULL)',
        figures: {
          submissions: TOTAL,
          perSecond: Math.round(perSecond),
          batchP50ms: round(percentile(batchMs, 50), 1),
          batchP99ms: round(percentile(batchMs, 99), 1),
        },
        budget: '≥ 1,000 submissions/s with batching',
        pass: perSecond >= 1000,
      },
      {
        name: 'hub receipts (7, L, P for every submission, processor delays 0, long poll)',
        figures: {
          receipts,
          secondsFromFirstSubmit: round(receiptSeconds, 2),
          submissionsPerSecond: Math.round(TOTAL / receiptSeconds),
        },
        budget: 'sync 10,000 submissions and receive their receipts ≥ 1,000/s',
        pass: TOTAL / receiptSeconds >= 1000,
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
