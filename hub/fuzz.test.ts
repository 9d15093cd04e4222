import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildEnvelope,
  envelopeSigningText,
  hubErrorSchema,
  requestSigningText,
  signedHeaders,
} from '../shared/protocol';
import { samplePayload } from '../test-support/hub/fixtures';
import { mulberry32 } from '../test-support/hub/seeded-random';
import type { TestHub } from '../test-support/hub/in-process';
import { startTestHub } from '../test-support/hub/in-process';
import type { TestClient } from '../test-support/hub/test-client';
import { ed25519Key, makeEnvelope, signSubmission, submission } from '../test-support/hub/test-client';

// At least 10,000 random and mutated requests, seeded so a failure repeats:
// noise on every route, valid requests mutated byte by byte and node by node
// (re-signed, so they get past authentication and into parsing, the schema,
// item signatures and the validation engine), bad headers and queries. The
// hub must answer every one, never with a 5xx, always in the error shape.

const SEED = 0x5eed_2026;
const REQUESTS = 10_500;

const random = mulberry32(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

const strings: string[] = [
  '',
  ' ',
  'a',
  '0',
  '-1',
  '1e309',
  'null',
  'true',
  '报关单',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '"',
  '\\',
  '{}',
  '[]',
  '../../etc/passwd',
  '%00',
  'x'.repeat(5000),
  '<script>',
  '__proto__',
  'constructor',
  '9'.repeat(40),
];

/** The strings that survive encodeURIComponent and canonical JSON (no lone surrogate). */
const wellFormed = strings.filter((x) => x !== '\uD800');

function randomValue(depth = 0): unknown {
  switch (int(depth > 3 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return pick([0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1]);
    case 3:
    case 4:
      return pick(strings);
    case 5:
      return String.fromCharCode(...Array.from({ length: int(20) }, () => int(0x3000)));
    case 6:
      return Array.from({ length: int(4) }, () => randomValue(depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: int(4) }, () => [pick(strings.slice(0, 14)), randomValue(depth + 1)]),
      );
  }
}

/** Replaces, deletes or adds one node somewhere in a JSON value. */
function mutate(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || random() < 0.15) return randomValue();
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...(value as unknown[])]
    : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const roll = random();
  if (keys.length === 0 || roll < 0.1) {
    if (Array.isArray(copy)) copy.push(randomValue());
    else copy[pick(['extra', '__proto__', 'submissions', 'envelope', 'payload', 'head', 'lines'])] = randomValue();
    return copy;
  }
  const key = pick(keys);
  if (roll < 0.2) {
    if (Array.isArray(copy)) copy.splice(Number(key), 1);
    else Reflect.deleteProperty(copy, key);
    return copy;
  }
  (copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key]);
  return copy;
}

function mutateText(text: string): string {
  const at = int(text.length + 1);
  switch (int(5)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + pick(strings) + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + int(50));
    case 3:
      return text.slice(0, at) + String.fromCharCode(int(256)) + text.slice(at + 1);
    default:
      return text.replace(/"/g, () => (random() < 0.02 ? "'" : '"'));
  }
}

let t: TestHub;
let client: TestClient;

beforeAll(async () => {
  t = await startTestHub({ bodyLimitBytes: 1_000_000, enrollmentFailuresPerMinute: 1000 });
  client = await t.enroll();
});
afterAll(async () => {
  await t.close();
});

interface Req {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

function signedReq(method: string, url: string, body: string | undefined, tweak = false): Req {
  const timestamp =
    tweak && random() < 0.2
      ? pick(['', 'x', '2026-13-45T99:99:99Z', new Date(Date.now() - 3_600_000).toISOString()])
      : new Date().toISOString();
  const nonce =
    tweak && random() < 0.2
      ? pick(['', 'short', 'x'.repeat(200), 'bad nonce!'])
      : `f${random().toString(36).slice(2)}${int(1e9)}`;
  const headers: Record<string, string> = {
    [signedHeaders.client]: tweak && random() < 0.15 ? String(pick(strings)) : client.clientId,
    [signedHeaders.keyId]: tweak && random() < 0.15 ? String(pick(strings)).slice(0, 100) : client.key.keyId,
    [signedHeaders.timestamp]: timestamp,
    [signedHeaders.nonce]: nonce,
    [signedHeaders.signature]: client.key.sign(
      requestSigningText({ method, path: url, timestamp, nonce, body: body ?? '' }),
    ),
  };
  if (tweak && random() < 0.1) headers[signedHeaders.signature] = String(pick(strings)).slice(0, 600);
  if (body !== undefined)
    headers['content-type'] =
      tweak && random() < 0.05
        ? pick(['text/plain', 'application/json; charset=gbk', 'multipart/form-data'])
        : 'application/json';
  return { method, url, headers, ...(body === undefined ? {} : { payload: body }) };
}

function validBatch(): { submissions: unknown[] } {
  return { submissions: Array.from({ length: 1 + int(3) }, () => submission(client.key)) };
}

/** A batch whose items are mutated and then properly signed, so they reach the item checks. */
function resignedItemBatch(): { submissions: unknown[] } {
  const envelope = makeEnvelope(client.key);
  const mutated = mutate(envelope.payload) as typeof envelope.payload;
  let rebuilt = { ...envelope, payload: mutated };
  let signature = 'AAAAAAAAAAAAAAAAAAAAAA==';
  try {
    // Text with a lone surrogate has no canonical form: such items go out unsigned.
    if (random() < 0.5) rebuilt = buildEnvelope({ ...envelope, payload: mutated });
    signature = client.key.sign(envelopeSigningText(rebuilt));
  } catch {
    rebuilt = { ...envelope, payload: mutated };
  }
  const shaped = random() < 0.3 ? mutate({ envelope: rebuilt, signature }) : { envelope: rebuilt, signature };
  return {
    submissions: [
      shaped,
      signSubmission(
        client.key,
        makeEnvelope(
          client.key,
          samplePayload((doc) => (doc.head.TradeName = pick(wellFormed))),
        ),
      ),
    ],
  };
}

function nextRequest(i: number): Req {
  const kind = i % 10;
  if (kind === 0) {
    const method = pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
    const url = pick([
      '/',
      '/v1',
      '/v1/',
      '/v1/submissions',
      '/v1/receipts',
      '/v1/enrollments',
      '/v1/keys',
      '/v1/code-tables',
      '/v1/health',
      '/v1/docs',
      '/v1/openapi.json',
      '/v1/submissions/%ZZ',
      `/v1/${encodeURIComponent(pick(wellFormed))}`,
      '/v1/code-tables/%E5%8A',
    ]);
    const body = random() < 0.5 ? undefined : random() < 0.5 ? JSON.stringify(randomValue()) : mutateText('{"a":1}');
    return {
      method,
      url,
      headers: {
        ...(body === undefined
          ? {}
          : { 'content-type': pick(['application/json', 'text/plain', 'application/octet-stream']) }),
      },
      ...(body === undefined || method === 'GET' || method === 'HEAD' ? {} : { payload: body }),
    };
  }
  if (kind === 1) {
    const body = JSON.stringify(
      random() < 0.5
        ? mutate({ code: 'ABCD-EFGH', publicKey: ed25519Key().publicKey, algorithm: 'ed25519', clientName: 'x' })
        : randomValue(),
    );
    return {
      method: 'POST',
      url: '/v1/enrollments',
      headers: { 'content-type': 'application/json' },
      payload: random() < 0.3 ? mutateText(body) : body,
    };
  }
  if (kind === 2) {
    // A valid request with its body changed after signing.
    const req = signedReq('POST', '/v1/submissions', JSON.stringify(validBatch()));
    return { ...req, payload: mutateText(req.payload ?? '') };
  }
  if (kind === 3) return signedReq('POST', '/v1/submissions', mutateText(JSON.stringify(validBatch())));
  if (kind === 4 || kind === 5) return signedReq('POST', '/v1/submissions', JSON.stringify(mutate(validBatch())));
  if (kind === 6) return signedReq('POST', '/v1/submissions', JSON.stringify(resignedItemBatch()));
  if (kind === 7) {
    const query = `?after=${encodeURIComponent(pick(['', '0', '5', '-1', 'abc', '99999999999999999999', ...wellFormed.slice(0, 5)]))}&wait=${pick(['0', '', '-1', 'x', '0.001', '1e3'].slice(0, random() < 0.9 ? 5 : 6))}${random() < 0.2 ? `&limit=${pick(['0', '1', '99999', 'z'])}` : ''}`;
    return signedReq('GET', `/v1/receipts${query}`, undefined, true);
  }
  if (kind === 8) {
    const target = pick([
      `/v1/submissions/${makeEnvelope(client.key).submissionId}`,
      '/v1/submissions/x',
      '/v1/code-tables',
      `/v1/code-tables/${encodeURIComponent(pick(wellFormed).slice(0, 150))}?version=${pick(['1', 'x', ''])}`,
    ]);
    return signedReq('GET', target, undefined, true);
  }
  return signedReq(
    'POST',
    pick(['/v1/keys', '/v1/submissions']),
    JSON.stringify(mutate(random() < 0.5 ? { publicKey: ed25519Key().publicKey, algorithm: 'ed25519' } : validBatch())),
    true,
  );
}

describe('fuzzing the hub', () => {
  it(`answers ${REQUESTS} random and mutated requests without a 5xx or a crash`, async () => {
    const statuses = new Map<number, number>();
    const concurrency = 8;
    for (let i = 0; i < REQUESTS; i += concurrency) {
      const group = Array.from({ length: Math.min(concurrency, REQUESTS - i) }, (_, j) => nextRequest(i + j));
      const responses = await Promise.all(group.map((req) => t.hub.app.inject(req as InjectOptions)));
      responses.forEach((response, j) => {
        const req = group[j];
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        if (response.statusCode >= 500)
          throw new Error(`${req?.method} ${req?.url} answered ${response.statusCode}: ${response.body}`);
        if (response.statusCode >= 400 && req?.method !== 'HEAD')
          expect(hubErrorSchema.safeParse(response.json()).success, response.body).toBe(true);
      });
    }
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(REQUESTS);
    // The mix reached past authentication into every layer.
    expect(statuses.get(200)).toBeGreaterThan(500);
    expect(statuses.get(400)).toBeGreaterThan(500);
    expect(statuses.get(401)).toBeGreaterThan(500);
    const health = await t.hub.app.inject({ method: 'GET', url: '/v1/health' });
    expect(health.statusCode).toBe(200);
    const check = await t.data?.sql('PRAGMA integrity_check');
    expect(check?.[0]).toEqual({ integrity_check: 'ok' });
    const stats = await t.store.stats();
    expect(stats.submissions).toBeGreaterThan(100);
  });
});
