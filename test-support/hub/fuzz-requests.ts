import { buildEnvelope, envelopeSigningText, requestSigningText, signedHeaders } from '../../shared/protocol';
import type { DecPayload, Envelope } from '../../shared/protocol';
import { samplePayload } from './fixtures';
import type { SeededRandom } from '../shared/seeded-random';
import type { TestClient } from './test-client';
import { ed25519KeyFromSeed, signSubmission } from './test-client';

/** One request of the hub's fuzz test, as fastify's inject takes it. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/**
 * The hub fuzz test's requests: noise on every route, valid requests mutated byte by byte and node by
 * node (re-signed, so they get past authentication and into parsing, the schema, item signatures and
 * the validation engine), bad headers and queries. Every choice — what to mutate, keys, submission ids,
 * nonces, client sequence numbers — comes from `random`, and every timestamp from `now`: the same seed
 * and clock make the same requests, byte for byte, so a failing run can be replayed. (The `client` id is
 * the hub's; it is sent as given.)
 */
export function fuzzRequests(source: {
  random: SeededRandom;
  client: TestClient;
  now: () => number;
}): (i: number) => FuzzRequest {
  const { client, now } = source;
  const random = source.random.next;
  const int = source.random.int;
  const pick = source.random.pick;
  let sequence = 0;

  /** A version 4 UUID from the seed. */
  function uuid(): string {
    const b = source.random.bytes(16);
    b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
    b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
    const hex = Buffer.from(b).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** A fresh key from the seed (a public key for enrollment and key routes). */
  function seededKey() {
    return ed25519KeyFromSeed(source.random.bytes(32));
  }

  /** A valid envelope of the client's, its id, sequence number and time from the seed and the clock. */
  function envelope(payload: DecPayload = samplePayload()): Envelope {
    sequence += 1;
    return buildEnvelope({
      submissionId: uuid(),
      clientSeqNo: `F${String(sequence).padStart(17, '0')}`,
      createdAt: new Date(now()).toISOString(),
      keyId: client.key.keyId,
      payload,
    });
  }

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

  function signedReq(method: string, url: string, body: string | undefined, tweak = false): FuzzRequest {
    const timestamp =
      tweak && random() < 0.2
        ? pick(['', 'x', '2026-13-45T99:99:99Z', new Date(now() - 3_600_000).toISOString()])
        : new Date(now()).toISOString();
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
    return { submissions: Array.from({ length: 1 + int(3) }, () => signSubmission(client.key, envelope())) };
  }

  /** A batch whose items are mutated and then properly signed, so they reach the item checks. */
  function resignedItemBatch(): { submissions: unknown[] } {
    const valid = envelope();
    const mutated = mutate(valid.payload) as typeof valid.payload;
    let rebuilt = { ...valid, payload: mutated };
    let signature = 'AAAAAAAAAAAAAAAAAAAAAA==';
    try {
      // Text with a lone surrogate has no canonical form: such items go out unsigned.
      if (random() < 0.5) rebuilt = buildEnvelope({ ...valid, payload: mutated });
      signature = client.key.sign(envelopeSigningText(rebuilt));
    } catch {
      rebuilt = { ...valid, payload: mutated };
    }
    const shaped = random() < 0.3 ? mutate({ envelope: rebuilt, signature }) : { envelope: rebuilt, signature };
    return {
      submissions: [
        shaped,
        signSubmission(client.key, envelope(samplePayload((doc) => (doc.head.TradeName = pick(wellFormed))))),
      ],
    };
  }

  function nextRequest(i: number): FuzzRequest {
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
          ? mutate({ code: 'ABCD-EFGH', publicKey: seededKey().publicKey, algorithm: 'ed25519', clientName: 'x' })
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
        `/v1/submissions/${uuid()}`,
        '/v1/submissions/x',
        '/v1/code-tables',
        `/v1/code-tables/${encodeURIComponent(pick(wellFormed).slice(0, 150))}?version=${pick(['1', 'x', ''])}`,
      ]);
      return signedReq('GET', target, undefined, true);
    }
    return signedReq(
      'POST',
      pick(['/v1/keys', '/v1/submissions']),
      JSON.stringify(
        mutate(random() < 0.5 ? { publicKey: seededKey().publicKey, algorithm: 'ed25519' } : validBatch()),
      ),
      true,
    );
  }

  return nextRequest;
}
