import type { Receipt, SignedSubmission, SubmitResult } from '../../shared/protocol';
import { enrollmentResponseSchema, receiptsResponseSchema, submitResponseSchema } from '../../shared/protocol';
import type { TestClient, TestKey } from './test-client';
import { ed25519Key, signedRequestHeaders } from './test-client';

// A client of hub processes over HTTP that behaves as the desk's sync does where it matters to the
// fault tests: a batch whose answer did not come (a dropped connection, 502, 503) is sent again with
// the same submission ids and a new signature, after the Retry-After the hub gave; receipts are read
// by long poll from the cursor of the last page.

export async function enrollOver(url: string, code: string, key: TestKey = ed25519Key()): Promise<TestClient> {
  const response = await fetch(`${url}/v1/enrollments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, publicKey: key.publicKey, algorithm: key.algorithm, clientName: 'fault test' }),
  });
  if (response.status !== 200) throw new Error(`enrollment: ${response.status} ${await response.text()}`);
  return { clientId: enrollmentResponseSchema.parse(await response.json()).clientId, key };
}

export function signedFetch(url: string, client: TestClient, method: 'GET' | 'POST', path: string, body?: unknown) {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return fetch(`${url}${path}`, {
    method,
    headers: signedRequestHeaders(client, { method, path, ...(text === undefined ? {} : { body: text }) }),
    ...(text === undefined ? {} : { body: text }),
  });
}

/**
 * One request, sent again when the connection fails before an answer (a kept-alive connection the
 * server had just closed): for unsigned reads such as /v1/health, where asking twice changes nothing.
 */
export async function fetchRead(url: string, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/** Every HTTP status (or "network") each request got, for the test to check none was a 500. */
export type StatusLog = (number | 'network')[];

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends a batch until the hub answers it; a 4xx other than 429, or a 500, fails the test. */
export async function sendUntilAnswered(
  url: string,
  client: TestClient,
  batch: SignedSubmission[],
  statuses: StatusLog,
): Promise<SubmitResult[]> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await signedFetch(url, client, 'POST', '/v1/submissions', { submissions: batch });
    } catch {
      statuses.push('network');
      await pause(100);
      continue;
    }
    statuses.push(response.status);
    if (response.status === 200) return submitResponseSchema.parse(await response.json()).results;
    const text = await response.text();
    if (![502, 503, 429].includes(response.status) || attempt > 200)
      throw new Error(`POST /v1/submissions answered ${response.status}: ${text}`);
    // Retry-After in seconds, shortened for the test (the desk honours it as a floor).
    const after = Number(response.headers.get('retry-after') ?? '0');
    await pause(Math.min(after * 1000, 250) || 100);
  }
}

/** Reads a client's receipts by long poll until `count` have come; retries through 502/503 and drops. */
export async function readReceipts(
  url: string,
  client: TestClient,
  count: number,
  statuses: StatusLog,
  stop: () => boolean = () => false,
  all: Receipt[] = [],
): Promise<Receipt[]> {
  let cursor = '';
  while (all.length < count && !stop()) {
    const path = `/v1/receipts?after=${cursor}&wait=5`;
    let response: Response;
    try {
      response = await signedFetch(url, client, 'GET', path);
    } catch {
      statuses.push('network');
      await pause(100);
      continue;
    }
    statuses.push(response.status);
    if (response.status !== 200) {
      const text = await response.text();
      if (![502, 503].includes(response.status)) throw new Error(`GET ${path} answered ${response.status}: ${text}`);
      await pause(100);
      continue;
    }
    const page = receiptsResponseSchema.parse(await response.json());
    all.push(...page.receipts);
    cursor = page.cursor;
  }
  return all;
}
