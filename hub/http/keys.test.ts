import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyRegistrationResponseSchema, submitResponseSchema } from '../../shared/protocol';
import type { TestHub } from '../../test-support/hub/in-process';
import { startTestHub } from '../../test-support/hub/in-process';
import type { TestClient } from '../../test-support/hub/test-client';
import { ed25519Key, sm2Key, submission } from '../../test-support/hub/test-client';

let t: TestHub;
let client: TestClient;
beforeEach(async () => {
  t = await startTestHub({ processor: { enabled: false } });
  client = await t.enroll();
});
afterEach(async () => {
  await t.close();
});

describe('key rotation (POST /v1/keys)', () => {
  it('adds a new key with a request signed by the current one; both keys then verify', async () => {
    const next = sm2Key();
    const response = await t.call(client, 'POST', '/v1/keys', { publicKey: next.publicKey, algorithm: 'sm2' });
    expect(response.statusCode, response.body).toBe(200);
    expect(keyRegistrationResponseSchema.parse(response.json()).keyId).toBe(next.keyId);

    const oldSigned = submission(client.key);
    const rotated: TestClient = { clientId: client.clientId, key: next };
    const newSigned = submission(next);
    // A request signed with the new key carries a submission signed with the old one: both verify.
    const result = await t.call(rotated, 'POST', '/v1/submissions', { submissions: [oldSigned, newSigned] });
    expect(submitResponseSchema.parse(result.json()).results.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
    expect((await t.call(client, 'GET', '/v1/receipts')).statusCode).toBe(200);
  });

  it('answers the same key id when a key is added twice, and refuses an invalid key', async () => {
    const next = ed25519Key();
    const first = await t.call(client, 'POST', '/v1/keys', { publicKey: next.publicKey, algorithm: 'ed25519' });
    const again = await t.call(client, 'POST', '/v1/keys', { publicKey: next.publicKey, algorithm: 'ed25519' });
    expect(first.json()).toEqual(again.json());
    expect((await t.store.stats()).keys).toBe(2);
    const bad = await t.call(client, 'POST', '/v1/keys', { publicKey: 'AAAA'.repeat(10), algorithm: 'ed25519' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'bad-request', issues: [{ path: 'publicKey' }] } });
  });

  it('does not let another client sign with a key it registered', async () => {
    const other = await t.enroll();
    const response = await t.call(
      other,
      'POST',
      '/v1/submissions',
      { submissions: [submission(client.key)] },
      { keyId: client.key.keyId, signWith: client.key },
    );
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'unknown-key' } });
  });
});
