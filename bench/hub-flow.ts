// The hub benches' client side: enrol, send pre-signed submissions in batches over HTTP keep-alive,
// and read every receipt by long poll, timing each part. hub-submissions.bench.ts (one SQLite hub)
// and hub-stores.bench.ts (SQLite against PostgreSQL, one and several processes) share it, so their
// figures are measured the same way.
import type { SignedSubmission } from '../shared/protocol';
import { enrollmentResponseSchema, receiptsResponseSchema, submitResponseSchema } from '../shared/protocol';
import type { TestClient, TestKey } from '../test-support/hub/test-client';
import { signedInit, submission } from '../test-support/hub/test-client';
import { percentile, round } from './harness';

export const BATCH = 100;
export const CONCURRENCY = 4;

/** Sends one batch; returns its round trip in milliseconds. Anything but "accepted" stops the bench. */
export async function post(url: string, client: TestClient, items: SignedSubmission[]): Promise<number> {
  const body = JSON.stringify({ submissions: items });
  const start = performance.now();
  const response = await fetch(`${url}/v1/submissions`, signedInit(client, 'POST', '/v1/submissions', body));
  const { results } = submitResponseSchema.parse(await response.json());
  const ms = performance.now() - start;
  if (results.some((r) => r.outcome !== 'accepted'))
    throw new Error(`not accepted: ${JSON.stringify(results.find((r) => r.outcome !== 'accepted'))}`);
  return ms;
}

export async function enroll(url: string, code: string, key: TestKey, name = 'bench'): Promise<TestClient> {
  const enrolled = await fetch(`${url}/v1/enrollments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, publicKey: key.publicKey, algorithm: key.algorithm, clientName: name }),
  });
  return { clientId: enrollmentResponseSchema.parse(await enrolled.json()).clientId, key };
}

export interface FlowFigures {
  perSecond: number;
  batchP50ms: number;
  batchP99ms: number;
  receipts: number;
  secondsFromFirstSubmit: number;
  /** Submissions whose receipts (RECEIPTS_EACH) were all read, per second from the first submit. */
  deliveredPerSecond: number;
}

/**
 * `total` submissions signed beforehand (a desk signs when the broker declares, not at sync), sent
 * in batches of 100 with four in flight — to the hubs in turn when there are several, as a balancer
 * would spread them — then every receipt (7, L, T, P each, processor delays 0) read by long poll from
 * the first hub. `alreadySent` submissions of this client were sent before (their receipts count too).
 */
/** The receipts of each submission sent (an import): 7, L, T 需交税费 with the hub's 税费单, P. */
const RECEIPTS_EACH = 4;

export async function submitAndReceive(
  urls: readonly string[],
  client: TestClient,
  total: number,
  alreadySent = 0,
): Promise<FlowFigures> {
  const items = Array.from({ length: total }, () => submission(client.key));
  const batches: SignedSubmission[][] = [];
  for (let i = 0; i < total; i += BATCH) batches.push(items.slice(i, i + BATCH));
  const batchMs: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < batches.length) {
        const index = next++;
        const batch = batches[index];
        if (batch) batchMs.push(await post(urls[index % urls.length] ?? '', client, batch));
      }
    }),
  );
  const submitSeconds = (performance.now() - started) / 1000;

  const reader = urls[0] ?? '';
  let receipts = 0;
  let cursor = '';
  while (receipts < (total + alreadySent) * RECEIPTS_EACH) {
    const path = `/v1/receipts?after=${cursor}&wait=10`;
    const page = receiptsResponseSchema.parse(
      await (await fetch(`${reader}${path}`, signedInit(client, 'GET', path))).json(),
    );
    receipts += page.receipts.length;
    cursor = page.cursor;
  }
  const receiptSeconds = (performance.now() - started) / 1000;
  return {
    perSecond: Math.round(total / submitSeconds),
    batchP50ms: round(percentile(batchMs, 50), 1),
    batchP99ms: round(percentile(batchMs, 99), 1),
    receipts,
    secondsFromFirstSubmit: round(receiptSeconds, 2),
    deliveredPerSecond: Math.round(total / receiptSeconds),
  };
}
