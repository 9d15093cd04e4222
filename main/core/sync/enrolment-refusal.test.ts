import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/api';
import { enrollCode, startHub, type Running } from '../../../e2e/fixtures/processes';
import type { Logger } from '../../logging/logger';
import { browserDesk } from '../../../test-support/main/desk-app';
import { startFaultProxy } from '../../../test-support/main/fault-proxy';
import { tempDir } from '../../../test-support/main/temp-dir';

// A broker keys a wrong enrolment code against a real hub process: the refusal is the hub's reason,
// said once and in the UI language (it read "The hub refused the enrolment: The hub refused this client: …").

describe('an enrolment code the hub does not know', { timeout: 120_000 }, () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A real hub process, and a desk on its own data logging to `logger`; both go when the test ends. */
  async function hubAndDesk(logger?: Logger) {
    const hubDir = tempDir('swdesk-hub-');
    const deskDir = tempDir('swdesk-desk-');
    cleanups.push(hubDir.cleanup, deskDir.cleanup);
    const hub: Running = await startHub(hubDir.dir, 0, {});
    cleanups.push(() => hub.stop());
    const desk = browserDesk(deskDir.dir, 'correct horse battery', logger);
    cleanups.push(() => desk.app.close());
    return { hub, hubDir: hubDir.dir, ...desk };
  }

  it('is refused with the hub’s own reason, said once', async () => {
    const { hub, app } = await hubAndDesk();

    const result = await app.dispatch('sync.connect', { hubUrl: hub.url, enrollmentCode: 'WRONG-CODE-1234' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'HUB_ERROR', reason: 'hub.invalid-enrollment-code' });
    // The renderer words the reason (renderer/i18n/reasons); the English text says it once.
    expect(result.error.message).toMatch(/^The hub does not know this enrolment code/);
    expect(result.error.message).not.toMatch(/refused.*refused/i);
    expect((await app.dispatch('sync.status', {})).ok).toBe(true);
  });

  // Settings' enrol again waits for the answer: a hub nobody answers for is a refusal there, and nothing is kept. The
  // first run keeps the code and enrols once the hub answers (it opens the desk either way).
  it('to a hub that cannot be reached: refused with the hub-unreachable reason when asked, else kept for later, and no longer kept once a later code is refused', async () => {
    const deskDir = tempDir('swdesk-desk-');
    cleanups.push(deskDir.cleanup);
    const { app, call } = browserDesk(deskDir.dir, 'correct horse battery');
    cleanups.push(() => app.close());
    // Running, as a desk is: a kept code is tried again by the receipts loop.
    app.start();
    // Port 9 (discard): nothing listens there, as the other unreachable-hub tests assume.
    const hubUrl = 'http://127.0.0.1:9';
    const input = { hubUrl, enrollmentCode: 'ABCD-1234' };

    const refused = await app.dispatch('sync.connect', { ...input, ifUnreachable: 'refuse' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ reason: 'sync.hub-unreachable', params: { url: hubUrl } });
    expect(await call('sync.status', {})).toMatchObject({ state: 'not-configured', hubUrl: null, lastError: null });

    expect(await call('sync.connect', input)).toMatchObject({
      hubUrl,
      lastError: { reason: 'sync.enrolment-pending' },
    });

    // The desk tries the kept code again at once (the hub still does not answer), and its status says so.
    await expect
      .poll(async () => (await call<SyncStatus>('sync.status', {})).lastError?.reason)
      .toBe('sync.hub-unreachable');
    // Settings' enrol again with another code, refused as well: the first run's code is no longer waiting, so the desk
    // does not enrol with it later unasked, and the status says nothing more of it.
    const again = await app.dispatch('sync.connect', { hubUrl, enrollmentCode: 'EFGH-5678', ifUnreachable: 'refuse' });
    expect(again.ok).toBe(false);
    expect(await call('sync.status', {})).toMatchObject({ state: 'not-configured', hubUrl: null, lastError: null });
  });

  // The desk's own try of a kept code may be under way when the broker's other code is refused: the hub's answer to
  // it, come after, neither enrols the desk with the code the broker replaced nor says anything in its status.
  it('does not enrol with a kept code whose try was under way when another code was refused', async () => {
    const logged: string[] = [];
    const log = (message: string) => void logged.push(message);
    const { hub, hubDir, app, call } = await hubAndDesk({ debug() {}, info: log, warn: log, error: log });
    const proxy = await startFaultProxy(hub.url);
    cleanups.push(() => proxy.close());
    app.start();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first run's try: the connection drops with the request unanswered, so its code is kept for later.
    proxy.inject('POST', '/v1/enrollments', { kind: 'reset' });
    // The desk tries the kept code again at once; the proxy holds that try until the other code has been refused.
    proxy.inject('POST', '/v1/enrollments', { kind: 'hold', until: held });
    const kept = { hubUrl: proxy.url, enrollmentCode: enrollCode(hubDir) };
    expect(await call('sync.connect', kept)).toMatchObject({ lastError: { reason: 'sync.enrolment-pending' } });
    const tries = () => proxy.log.filter((r) => r.path === '/v1/enrollments').length;
    await expect.poll(tries, { timeout: 30_000 }).toBe(2);

    const again = await app.dispatch('sync.connect', {
      hubUrl: proxy.url,
      enrollmentCode: 'WRONG-CODE-1234',
      ifUnreachable: 'refuse',
    });
    expect(again).toMatchObject({ ok: false, error: { reason: 'hub.invalid-enrollment-code' } });
    release();
    // The hub enrols with the kept code (it is used there now; only the hub's operator can revoke the client it made).
    await expect.poll(() => logged.some((m) => m.startsWith('enrolled with')), { timeout: 30_000 }).toBe(true);
    expect(await call('sync.status', {})).toMatchObject({ state: 'not-configured', hubUrl: null, lastError: null });
  });
});
