import { afterEach, describe, expect, it } from 'vitest';
import type { SyncFixture } from '../../../test-support/main/sync-fixture';
import { fastSync, syncFixture, waitFor } from '../../../test-support/main/sync-fixture';

// Retry timers are for a hub that answers and refuses for now (5xx, 429). What failed only because the hub could
// not be reached goes out at once when it is back (reconnection) or when the broker presses 同步 — it waited out
// its backoff (+10 s, +50 s, +110 s…) with the status already 在线. A real hub process behind a proxy that can
// refuse connections; retry waits here are ten minutes (random 1), so a test that passes did not wait them out.
const slowRetries = {
  push: { ...fastSync.push, batchSize: 100, backoff: { baseMs: 600_000, maxMs: 600_000 }, random: () => 1 },
};

describe('sending what waited for the hub (a real hub process)', { timeout: 300_000 }, () => {
  let f: SyncFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  async function declaredWhileDown(fx: SyncFixture, count: number): Promise<string[]> {
    await fx.proxy.down();
    const ids = await fx.declareSamples(count);
    await waitFor(async () => {
      const items = await fx.call('outbox.list', {});
      return items.length === count && items.every((i) => i.lastError !== null && i.nextAttemptAt !== null);
    }, 'every item tried once and waiting for its retry');
    const items = await fx.call('outbox.list', {});
    for (const item of items) {
      expect(item.lastError?.reason).toBe('sync.hub-unreachable');
      expect(Date.parse(item.nextAttemptAt ?? '')).toBeGreaterThan(Date.now() + 60_000);
    }
    return ids;
  }

  it('sends everything queued as soon as the hub is reachable again', async () => {
    f = await syncFixture({ sync: slowRetries });
    const fx = f;
    const ids = await declaredWhileDown(fx, 3);
    await fx.proxy.up();
    await waitFor(async () => {
      const states = await Promise.all(ids.map((id) => fx.call('declarations.get', { id })));
      return states.every((d) => d.status !== 'queued');
    }, 'all three sent after reconnection, not after their retry time');
    expect((await fx.call('sync.status', {})).outbox.queued).toBe(0);
  });

  it('is 在线 and sends as soon as the hub answers again, without waiting out a long poll first', async () => {
    // A 25-second long poll, as the desk uses: the first receipts call after an outage (or after the key is
    // unlocked) asks for no wait, so 在线 and the sending it starts do not wait for the hub's long-poll answer.
    f = await syncFixture({ sync: { ...slowRetries, longPollSeconds: 25 } });
    const fx = f;
    const ids = await declaredWhileDown(fx, 1);
    expect((await fx.call('sync.status', {})).state).toBe('offline');
    const outage = fx.proxy.log.length;
    await fx.proxy.up();
    await waitFor(
      async () => (await fx.call('declarations.get', { id: ids[0] ?? '' })).status !== 'queued',
      'sent once the hub answered, long before a 25-second long poll would end',
      10_000,
    );
    expect((await fx.call('sync.status', {})).state).not.toBe('offline');
    const polls = fx.proxy.log.slice(outage).filter((r) => r.method === 'GET' && r.path.startsWith('/v1/receipts'));
    expect(polls[0]?.path).toMatch(/[?&]wait=0(&|$)/);
    expect(polls[0]?.status).toBe(200);
  });

  it('closes without waiting out an open long poll: the desk ends its receipts call', async () => {
    // Closing the desk (quitting, a restart, another hub) waited for the hub to answer the long poll: up to
    // the hub's 30-second cap. The call now ends with the loop, so the hub has not answered when closing is done.
    f = await syncFixture({ sync: { ...slowRetries, longPollSeconds: 600 } });
    const fx = f;
    const open = () => fx.proxy.log.find((r) => r.path.startsWith('/v1/receipts') && /[?&]wait=600(&|$)/.test(r.path));
    await waitFor(async () => Promise.resolve(open() !== undefined), 'a long poll open at the hub');
    await fx.restartApp();
    expect(open()?.status).toBeNull();
  });

  it('同步 sends everything queued at once', async () => {
    f = await syncFixture({ sync: { ...slowRetries, reconnect: { baseMs: 600_000, maxMs: 600_000 } } });
    const fx = f;
    await declaredWhileDown(fx, 2);
    await fx.proxy.up();
    const after = await fx.call('sync.now', {});
    expect(after.outbox.queued + after.outbox.sending).toBe(0);
    expect((await fx.call('outbox.list', {})).every((i) => i.state === 'accepted')).toBe(true);
  });

  it('keeps the backoff of a hub that answers and refuses for now (503)', async () => {
    f = await syncFixture({ sync: slowRetries });
    const fx = f;
    fx.proxy.inject('POST', '/v1/submissions', { kind: 'status', status: 503, body: { error: 'busy' } });
    await fx.declareSamples(1);
    await waitFor(async () => {
      const [item] = await fx.call('outbox.list', {});
      return item !== undefined && item.lastError !== null && item.nextAttemptAt !== null;
    }, 'the item refused with 503 and waiting');
    const submitsBefore = fx.proxy.log.filter((r) => r.method === 'POST' && r.path === '/v1/submissions').length;
    const after = await fx.call('sync.now', {});
    // Still waiting (as `sending`: the hub may hold it, so it is asked about before it goes again).
    expect(after.outbox.queued + after.outbox.sending).toBe(1);
    expect(fx.proxy.log.filter((r) => r.method === 'POST' && r.path === '/v1/submissions')).toHaveLength(submitsBefore);
  });

  it('fills the hub sequence of an item accepted by a receipt that came before its submit answer', async () => {
    f = await syncFixture({ sync: slowRetries });
    const fx = f;
    // The hub stores the batch; its answer never reaches the desk, and asking the hub about the submission
    // fails for now: only the receipt says it arrived.
    fx.proxy.inject('POST', '/v1/submissions', { kind: 'drop-after-forward' });
    fx.proxy.inject('GET', '/v1/submissions/', { kind: 'status', status: 503, body: { error: 'busy' } }, 10_000);
    const [id] = await fx.declareSamples(1);
    await waitFor(
      async () => (await fx.call('declarations.get', { id: id ?? '' })).status !== 'queued',
      'a receipt for the declaration whose submit answer was lost',
    );
    const [early] = await fx.call('outbox.list', {});
    expect(early).toMatchObject({ state: 'accepted', hubSeq: null });

    fx.proxy.clearFaults();
    await waitFor(async () => {
      const [item] = await fx.call('outbox.list', {});
      return item?.hubSeq !== null;
    }, 'the hub sequence filled in');
    const [item] = await fx.call('outbox.list', {});
    expect(fx.hubSubmissions()).toHaveLength(1);
    expect(item?.hubSeq).toBeGreaterThan(0);
  });
});
