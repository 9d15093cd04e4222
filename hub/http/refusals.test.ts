import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubErrorSchema, MAX_BATCH } from '../../shared/protocol';
import type { TestHub } from '../../test-support/hub/in-process';
import { startTestHub } from '../../test-support/hub/in-process';
import { describeStores } from '../../test-support/hub/stores';
import type { TestClient } from '../../test-support/hub/test-client';
import { ed25519Key, signedRequestHeaders, sm2Key, submission } from '../../test-support/hub/test-client';

// Every refusal answers in the hubErrorSchema shape with a clear message and
// changes nothing: the whole database reads the same before and after — on every store.

describeStores('hub refusals', (kind) => {
  let t: TestHub;
  let client: TestClient;
  let revoked: TestClient;

  beforeAll(async () => {
    // No processor: background receipts would change the database between the two readings.
    t = await startTestHub({ bodyLimitBytes: 400_000, processor: { enabled: false } }, { store: kind });
    client = await t.enroll();
    revoked = await t.enroll();
    await t.store.revokeClient(revoked.clientId, new Date().toISOString());
  });
  afterAll(async () => {
    await t.close();
  });

  type Injected = Awaited<ReturnType<TestHub['call']>>;

  async function expectRefusal(
    send: () => Promise<Injected>,
    status: number,
    code: string,
    message?: RegExp,
  ): Promise<void> {
    const before = await t.fingerprint();
    const response = await send();
    expect(response.statusCode, response.body).toBe(status);
    const body = hubErrorSchema.parse(response.json());
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    if (message) expect(body.error.message).toMatch(message);
    expect(await t.fingerprint()).toBe(before);
  }

  const batch = () => JSON.stringify({ submissions: [submission(client.key)] });

  function post(headers: Record<string, string>, payload: string, url = '/v1/submissions'): Promise<Injected> {
    return t.hub.app.inject({ method: 'POST', url, headers, payload });
  }

  describe('refusals of signed requests', () => {
    it('refuses a request without the signature headers', async () => {
      await expectRefusal(
        () => post({ 'content-type': 'application/json' }, batch()),
        401,
        'auth-missing',
        /x-swdesk-client/,
      );
    });

    it('refuses a bad signature, a body changed after signing, and a path changed after signing', async () => {
      const body = batch();
      const headers = signedRequestHeaders(client, { method: 'POST', path: '/v1/submissions', body });
      await expectRefusal(
        () => post({ ...headers, 'x-swdesk-signature': ed25519Key().sign('other') }, body),
        401,
        'bad-signature',
      );
      await expectRefusal(() => post(headers, batch()), 401, 'bad-signature');
      const signedFor = signedRequestHeaders(client, { method: 'GET', path: '/v1/receipts?after=1' });
      await expectRefusal(
        () => t.hub.app.inject({ method: 'GET', url: '/v1/receipts?after=2', headers: signedFor }),
        401,
        'bad-signature',
      );
      await expectRefusal(
        () =>
          t.call(client, 'POST', '/v1/submissions', JSON.parse(body), {
            signWith: ed25519Key(),
            keyId: client.key.keyId,
          }),
        401,
        'bad-signature',
      );
    });

    it('refuses an unknown client and an unknown key', async () => {
      await expectRefusal(
        () =>
          t.call(client, 'POST', '/v1/submissions', JSON.parse(batch()), {
            clientId: '00000000-0000-4000-8000-000000000000',
          }),
        401,
        'unknown-client',
      );
      await expectRefusal(
        () => t.call(client, 'POST', '/v1/submissions', JSON.parse(batch()), { keyId: 'ffffffffffffffff' }),
        401,
        'unknown-key',
      );
    });

    it('refuses a revoked client from its next request', async () => {
      await expectRefusal(
        () => t.call(revoked, 'POST', '/v1/submissions', { submissions: [submission(revoked.key)] }),
        401,
        'client-revoked',
        /revoked/,
      );
      await expectRefusal(() => t.call(revoked, 'GET', '/v1/receipts?after=&wait=0'), 401, 'client-revoked');
    });

    it('refuses a stale or future timestamp (beyond ±5 minutes) and a malformed one', async () => {
      const old = new Date(Date.now() - 6 * 60_000).toISOString();
      const future = new Date(Date.now() + 6 * 60_000).toISOString();
      await expectRefusal(
        () => t.call(client, 'POST', '/v1/submissions', JSON.parse(batch()), { timestamp: old }),
        401,
        'stale-timestamp',
        /clock/,
      );
      await expectRefusal(
        () => t.call(client, 'GET', '/v1/receipts', undefined, { timestamp: future }),
        401,
        'stale-timestamp',
      );
      await expectRefusal(
        () => t.call(client, 'GET', '/v1/receipts', undefined, { timestamp: 'yesterday' }),
        401,
        'bad-timestamp',
      );
    });

    it('refuses a replayed request: the same nonce is accepted once', async () => {
      const body = batch();
      const headers = signedRequestHeaders(client, { method: 'POST', path: '/v1/submissions', body });
      const first = await post(headers, body);
      expect(first.statusCode).toBe(200);
      await expectRefusal(() => post(headers, body), 401, 'replayed-nonce');
      const getHeaders = signedRequestHeaders(client, { method: 'GET', path: '/v1/receipts' });
      expect((await t.hub.app.inject({ method: 'GET', url: '/v1/receipts', headers: getHeaders })).statusCode).toBe(
        200,
      );
      await expectRefusal(
        () => t.hub.app.inject({ method: 'GET', url: '/v1/receipts', headers: getHeaders }),
        401,
        'replayed-nonce',
      );
    });

    it('refuses an oversized body with 413', async () => {
      const body = { submissions: [submission(client.key)], padding: 'x'.repeat(400_001) };
      await expectRefusal(() => t.call(client, 'POST', '/v1/submissions', body), 413, 'too-large', /smaller batches/);
    });

    it('refuses malformed JSON, a non-JSON body and an empty body with 4xx', async () => {
      await expectRefusal(
        () => t.call(client, 'POST', '/v1/submissions', '{"submissions": ['),
        400,
        'bad-json',
        /not valid JSON/,
      );
      const body = 'submissions=1';
      const headers = {
        ...signedRequestHeaders(client, { method: 'POST', path: '/v1/submissions', body }),
        'content-type': 'text/plain',
      };
      await expectRefusal(() => post(headers, body), 415, 'unsupported-media-type');
      await expectRefusal(() => t.call(client, 'POST', '/v1/submissions', ''), 400, 'bad-json');
    });

    it('refuses a schema violation with the offending paths, including a batch over 100', async () => {
      const broken = submission(client.key) as unknown as { envelope: Record<string, unknown> };
      delete broken.envelope.clientSeqNo;
      const before = await t.fingerprint();
      const response = await t.call(client, 'POST', '/v1/submissions', { submissions: [broken] });
      expect(response.statusCode).toBe(400);
      const error = hubErrorSchema.parse(response.json()).error;
      expect(error.code).toBe('bad-request');
      expect(error.issues?.map((i) => i.path)).toContain('submissions[0].envelope.clientSeqNo');
      expect(await t.fingerprint()).toBe(before);
      const one = submission(client.key);
      await expectRefusal(
        () =>
          t.call(client, 'POST', '/v1/submissions', { submissions: Array.from({ length: MAX_BATCH + 1 }, () => one) }),
        400,
        'bad-request',
      );
      await expectRefusal(() => t.call(client, 'POST', '/v1/submissions', { submissions: [] }), 400, 'bad-request');
      await expectRefusal(() => t.call(client, 'POST', '/v1/submissions', [1, 2]), 400, 'bad-request');
    });

    it('refuses bad receipt queries with 400 naming the parameter', async () => {
      await expectRefusal(() => t.call(client, 'GET', '/v1/receipts?after=abc'), 400, 'bad-query', /^after/);
      await expectRefusal(() => t.call(client, 'GET', '/v1/receipts?wait=-1'), 400, 'bad-query', /^wait/);
      await expectRefusal(() => t.call(client, 'GET', '/v1/receipts?after=1&after=2'), 400, 'bad-query');
    });

    it('answers an unknown path or method with 404 in the error shape', async () => {
      await expectRefusal(() => t.hub.app.inject({ method: 'GET', url: '/v2/anything' }), 404, 'not-found');
      await expectRefusal(() => t.hub.app.inject({ method: 'DELETE', url: '/v1/submissions' }), 404, 'not-found');
    });
  });

  describe('refusals of enrollment', () => {
    function enroll(body: unknown): Promise<Injected> {
      return t.hub.app.inject({ method: 'POST', url: '/v1/enrollments', payload: body as Record<string, unknown> });
    }

    it('refuses an unknown, a used and an expired code', async () => {
      const key = ed25519Key();
      await expectRefusal(
        () =>
          enroll({ code: 'AAAA-BBBB-CCCC-DDDD-EEEE', publicKey: key.publicKey, algorithm: 'ed25519', clientName: 'x' }),
        401,
        'invalid-enrollment-code',
      );
      const code = await t.code();
      expect((await enroll({ code, publicKey: key.publicKey, algorithm: 'ed25519', clientName: 'x' })).statusCode).toBe(
        200,
      );
      await expectRefusal(
        () => enroll({ code, publicKey: ed25519Key().publicKey, algorithm: 'ed25519', clientName: 'y' }),
        401,
        'invalid-enrollment-code',
        /already used or expired/,
      );
      const expired = await t.code(-1000);
      await expectRefusal(
        () => enroll({ code: expired, publicKey: key.publicKey, algorithm: 'ed25519', clientName: 'z' }),
        401,
        'invalid-enrollment-code',
      );
    });

    it('refuses a public key that is not a key of the stated algorithm, and a malformed request', async () => {
      const code = await t.code();
      await expectRefusal(
        () => enroll({ code, publicKey: sm2Key().publicKey, algorithm: 'ed25519', clientName: 'x' }),
        400,
        'bad-request',
        /publicKey/,
      );
      await expectRefusal(
        () => enroll({ code, publicKey: ed25519Key().publicKey, algorithm: 'sm2', clientName: 'x' }),
        400,
        'bad-request',
        /publicKey/,
      );
      await expectRefusal(
        () => enroll({ code, publicKey: ed25519Key().publicKey, algorithm: 'rsa', clientName: 'x' }),
        400,
        'bad-request',
      );
      await expectRefusal(() => enroll({ code }), 400, 'bad-request');
      // The code survived every refusal above.
      expect(
        (await enroll({ code, publicKey: ed25519Key().publicKey, algorithm: 'ed25519', clientName: 'ok' })).statusCode,
      ).toBe(200);
    });
  });
});
