import { afterEach, expect, it } from 'vitest';
import type { Receipt, SignedSubmission, SubmitResult } from '../shared/protocol';
import { hubErrorSchema } from '../shared/protocol';
import { generateEnrollmentCode, hashEnrollmentCode } from './crypto/codes';
import { startBalancer } from '../test-support/hub/balancer';
import { startHubOnStore, startWorkerProcess } from '../test-support/hub/hub-process';
import type { PgCluster } from '../e2e/fixtures/pg-cluster';
import { startPgCluster } from '../e2e/fixtures/pg-cluster';
import type { StatusLog } from '../test-support/hub/remote-client';
import { enrollOver, fetchRead, readReceipts, sendUntilAnswered, signedFetch } from '../test-support/hub/remote-client';
import { describePgServer } from '../test-support/hub/stores';
import { submission } from '../test-support/hub/test-client';
import { waitUntil } from '../test-support/hub/wait';
import { openPostgresStore } from './store/postgres/postgres-store';

// PostgreSQL restarted under a running deployment (two hubs, a worker, clients sending): while it is
// down every hub answers 503 with Retry-After — never 500 — and its health check says so; when it is
// back they serve again by themselves, and every submission is stored once with all its receipts.

const cleanups: (() => Promise<unknown>)[] = [];

/** A signed request made afresh when a kept-alive connection was dropped before it was sent. */
async function retryOnDrop(send: () => Promise<Response>): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

describePgServer('a PostgreSQL restart under running hub processes', () => {
  it('answers 503 with Retry-After while the database is down and recovers by itself', async () => {
    const cluster: PgCluster = await startPgCluster({ fsync: 'off' });
    cleanups.push(() => cluster.destroy());
    const setup = await openPostgresStore({
      url: cluster.url,
      schema: 'public',
      poolSize: 2,
      applicationName: 'swhub test setup',
      migrate: true,
    });
    const codes = await Promise.all(
      [0, 1].map(async () => {
        const value = generateEnrollmentCode();
        await setup.createEnrollmentCode({
          codeHash: hashEnrollmentCode(value),
          label: 'restart test',
          createdAt: new Date().toISOString(),
          expiresAt: Date.now() + 3_600_000,
        });
        return value;
      }),
    );
    await setup.close();

    // Steps a second apart: receipts fall due while the database is down, so the worker meets it too.
    const env = { SWHUB_STORE: cluster.url, SWHUB_STEP_DELAY_MS: '1000' };
    const hubs = await Promise.all([0, 1].map(() => startHubOnStore({ ...env, SWHUB_PROCESSOR_IN_HUB: 'off' })));
    const worker = await startWorkerProcess(env);
    for (const p of [...hubs, worker]) cleanups.push(() => p.stop('SIGKILL'));
    const balancer = await startBalancer(hubs.map((h) => h.url));
    cleanups.push(() => balancer.close());
    const clients = await Promise.all(codes.map((c) => enrollOver(balancer.url, c)));

    const BATCHES = 10;
    const plan = clients.map((c) =>
      Array.from({ length: BATCHES }, () => Array.from({ length: 20 }, () => submission(c.key))),
    );
    const statuses: StatusLog = [];
    const answers = new Map<string, SubmitResult>();
    let sent = 0;
    const sending = Promise.all(
      clients.map(async (client, i) => {
        for (const batch of plan[i] ?? []) {
          for (const r of await sendUntilAnswered(balancer.url, client, batch as SignedSubmission[], statuses))
            answers.set(r.submissionId, r);
          sent += 1;
        }
      }),
    );
    const reading: Promise<Receipt[][]> = Promise.all(
      clients.map((client) => readReceipts(balancer.url, client, BATCHES * 20 * 4, statuses)),
    );

    await waitUntil(() => sent >= 4, 'the first batches');
    await cluster.stop('fast');
    // Down: each hub's health check and a batch sent to it say 503 with Retry-After.
    for (const hub of hubs) {
      const health = await fetchRead(`${hub.url}/v1/health`);
      expect(health.status).toBe(503);
      expect(Number(health.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(hubErrorSchema.parse(await health.json()).error.code).toBe('unavailable');
      const [client] = clients;
      if (!client) throw new Error('a client');
      const refused = await retryOnDrop(() =>
        signedFetch(hub.url, client, 'POST', '/v1/submissions', { submissions: [submission(client.key)] }),
      );
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).not.toBeNull();
      expect(hubErrorSchema.parse(await refused.json()).error.message).toMatch(/database/);
    }
    // The worker found the database away when its next step fell due, and says it will try again.
    await waitUntil(
      () => worker.stderr().includes('the database is not answering; the customs processor tries again'),
      'the worker to meet the database down',
    );
    await cluster.start();
    for (const hub of hubs)
      await waitUntil(async () => (await fetchRead(`${hub.url}/v1/health`)).status === 200, 'the hub to answer again');

    await sending;
    const received = await reading;
    const ids = plan.flat(2).map((s) => s.envelope.submissionId);
    expect(ids.every((id) => ['accepted', 'duplicate'].includes(answers.get(id)?.outcome ?? ''))).toBe(true);
    const check = await openPostgresStore({
      url: cluster.url,
      schema: 'public',
      poolSize: 1,
      applicationName: 'check',
    });
    cleanups.push(() => check.close());
    const stats = await check.stats();
    expect([stats.submissions, stats.receipts, stats.pending]).toEqual([ids.length, ids.length * 4, 0]);
    for (const list of received) {
      expect(list).toHaveLength(BATCHES * 20 * 4);
      expect(new Set(list.map((r) => r.receiptId)).size).toBe(list.length);
    }
    // While it was down the clients saw 503s (or a dropped connection), and never a 500.
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200 && s !== 503 && s !== 'network')).toEqual([]);
    // The processes carried on: none exited, and none logged the restart as an error (level 50 and up):
    // warnings say the database was away, which is what an operator restarting it expects to read.
    for (const p of [...hubs.map((h) => h.child), worker.child]) expect(p.exitCode).toBeNull();
    for (const p of [...hubs, worker]) {
      const lines = p
        .stderr()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: number; msg: string });
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
      expect(lines.some((l) => l.level === 40)).toBe(true);
    }
  }, 240_000);
});
