import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hubErrorSchema } from '../../shared/protocol';
import type { TestHub } from '../../test-support/hub/in-process';
import { startTestHub } from '../../test-support/hub/in-process';
import { ed25519Key } from '../../test-support/hub/test-client';

let t: TestHub;
beforeEach(async () => {
  t = await startTestHub({ processor: { enabled: false }, enrollmentFailuresPerMinute: 3, longPollsPerClient: 1 });
});
afterEach(async () => {
  await t.close();
});

describe('rate limits', () => {
  it('answers 429 with Retry-After after too many failed enrollments from one address, and spends no code', async () => {
    const key = ed25519Key();
    const attempt = (code: string) =>
      t.hub.app.inject({
        method: 'POST',
        url: '/v1/enrollments',
        payload: { code, publicKey: key.publicKey, algorithm: 'ed25519', clientName: 'x' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt(`WRONG-CODE-${i}`)).statusCode).toBe(401);
    const code = await t.code();
    const limited = await attempt(code);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(hubErrorSchema.parse(limited.json()).error.code).toBe('rate-limited');
    expect((await t.store.stats()).clients).toBe(0);
  });

  it('answers 429 to a client that opens more long polls than allowed, and serves it again afterwards', async () => {
    const client = await t.enroll();
    const first = t.call(client, 'GET', '/v1/receipts?wait=0.5');
    await vi.waitFor(() => expect(t.hub.notifier.waiting(client.clientId)).toBe(1), { timeout: 10_000, interval: 5 });
    const second = await t.call(client, 'GET', '/v1/receipts?wait=5');
    expect(second.statusCode).toBe(429);
    expect(second.headers['retry-after']).toBe('5');
    expect((await first).statusCode).toBe(200);
    expect((await t.call(client, 'GET', '/v1/receipts?wait=0')).statusCode).toBe(200);
  });
});
