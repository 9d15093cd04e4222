import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import type { Receipt, SignedSubmission, SubmitResult } from '../shared/protocol';
import { healthSchema } from '../shared/protocol';
import { pgMigrations } from './store/postgres/migrations';
import { generateEnrollmentCode, hashEnrollmentCode } from './crypto/codes';
import type { Balancer } from '../test-support/hub/balancer';
import { startBalancer } from '../test-support/hub/balancer';
import type { HubProcess, WorkerProcess } from '../test-support/hub/hub-process';
import { startHubOnStore, startWorkerProcess } from '../test-support/hub/hub-process';
import type { StatusLog } from '../test-support/hub/remote-client';
import { enrollOver, readReceipts, sendUntilAnswered, signedFetch } from '../test-support/hub/remote-client';
import type { TestStore } from '../test-support/hub/stores';
import { createTestStore, describePostgres, testPgUrl } from '../test-support/hub/stores';
import { submission } from '../test-support/hub/test-client';
import { waitUntil } from '../test-support/hub/wait';

// Several hub processes and customs workers on one PostgreSQL database, as docs/hub-operations.md
// deploys them: any hub answers any client, a long poll wakes wherever the receipt was written, and
// killing any process loses nothing and doubles nothing.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function code(data: TestStore): Promise<string> {
  const value = generateEnrollmentCode();
  await data.store.createEnrollmentCode({
    codeHash: hashEnrollmentCode(value),
    label: 'multi-process test',
    createdAt: new Date().toISOString(),
    expiresAt: Date.now() + 3_600_000,
  });
  return value;
}

async function hubs(data: TestStore, count: number, extra: Record<string, string> = {}): Promise<HubProcess[]> {
  // The hubs only queue the work: receipts come from the worker processes.
  const env = { ...data.env, SWHUB_PROCESSOR_IN_HUB: 'off', SWHUB_STEP_DELAY_MS: '0', ...extra };
  const started = await Promise.all(Array.from({ length: count }, () => startHubOnStore(env)));
  for (const h of started) cleanups.push(() => h.stop('SIGKILL'));
  return started;
}

async function workers(data: TestStore, count: number, extra: Record<string, string> = {}): Promise<WorkerProcess[]> {
  const started = await Promise.all(
    Array.from({ length: count }, () => startWorkerProcess({ ...data.env, SWHUB_STEP_DELAY_MS: '0', ...extra })),
  );
  for (const w of started) cleanups.push(() => w.stop('SIGKILL'));
  return started;
}

/** Holds the counter rows a transaction of that kind needs, so such a transaction waits inside itself. */
async function holdCounters(schema: string, where: string): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: testPgUrl, options: `-c search_path=${schema}` });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`SELECT name FROM counters WHERE ${where} FOR UPDATE`);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

describePostgres('several hub processes and workers on one PostgreSQL database', () => {
  it('wakes a long poll held by one hub when a worker issues the receipt for a submission sent to another', async () => {
    const data = await createTestStore('postgres');
    cleanups.push(() => data.destroy());
    const info = { SWHUB_LOG_LEVEL: 'info' };
    const [a, b] = await hubs(data, 2, info);
    const [worker] = await workers(data, 1, info);
    if (!a || !b || !worker) throw new Error('two hubs and a worker');
    const client = await enrollOver(a.url, await code(data));
    // Held by hub B for up to 30 s; the submission goes to hub A; the receipt comes from the worker.
    const polling = signedFetch(b.url, client, 'GET', '/v1/receipts?after=&wait=30');
    await waitUntil(
      async () =>
        (
          await data.sql(
            "SELECT 1 FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND application_name LIKE 'swhub hub%'",
          )
        ).length === 2,
      'both hubs listening',
    );
    const item = submission(client.key);
    const answered = await signedFetch(a.url, client, 'POST', '/v1/submissions', { submissions: [item] });
    expect(answered.status).toBe(200);
    const page = (await (await polling).json()) as { receipts: Receipt[] };
    expect(page.receipts.length).toBeGreaterThan(0);
    expect(page.receipts[0]).toMatchObject({ submissionId: item.envelope.submissionId, channel: '7' });

    // Each reports its database; each logs JSON lines naming its process; SIGTERM drains and exits 0.
    const health = healthSchema.parse(await (await fetch(`${b.url}/v1/health`)).json());
    expect(health.store).toMatchObject({ kind: 'postgres', schemaVersion: pgMigrations.length });
    const lines = (text: string) =>
      text
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { pid: number; role: string; msg: string });
    expect(lines(a.stderr())).toContainEqual(
      expect.objectContaining({ pid: a.child.pid, role: 'hub', msg: 'hub ready' }),
    );
    expect(lines(worker.stderr())).toContainEqual(
      expect.objectContaining({ pid: worker.pid, role: 'worker', msg: 'worker ready' }),
    );
    expect(await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM'), worker.stop('SIGTERM')])).toEqual([0, 0, 0]);
  }, 90_000);

  it('loses nothing and doubles nothing when a hub is killed -9 mid-batch and a worker mid-step while clients keep sending', async () => {
    const data = await createTestStore('postgres');
    cleanups.push(() => data.destroy());
    const schema = String((data.config.store as { schema: string }).schema);
    const hubList = await hubs(data, 2);
    const workerList = await workers(data, 2);
    const balancer: Balancer = await startBalancer(hubList.map((h) => h.url));
    cleanups.push(() => balancer.close());

    const clients = await Promise.all([0, 1, 2].map(async () => enrollOver(balancer.url, await code(data))));
    const PER_CLIENT = 8;
    const BATCH = 25;
    const plan = clients.map((c) =>
      Array.from({ length: PER_CLIENT }, () => Array.from({ length: BATCH }, () => submission(c.key))),
    );
    const statuses: StatusLog = [];
    const answers = new Map<string, SubmitResult>();
    // One submission through first, so that the number and receipt counters exist to be held.
    const [first] = clients;
    if (!first) throw new Error('a client');
    const warmup = submission(first.key);
    for (const r of await sendUntilAnswered(balancer.url, first, [warmup], statuses)) answers.set(r.submissionId, r);
    await waitUntil(async () => (await data.sql('SELECT 1 FROM receipts')).length === 4, 'the first receipts');

    // Hub A: a batch waits inside its transaction for its numbers (the counter rows held here), then
    // -9; the workers likewise wait for receipt numbers, and worker 1 is killed while it waits.
    const counters = await holdCounters(schema, "name LIKE 'seq-no:%' OR name LIKE 'entry-id:%'");
    cleanups.push(() => counters.release());
    const receiptSeq = await holdCounters(schema, "name = 'receipt-seq'");
    cleanups.push(() => receiptSeq.release());
    const sending = Promise.all(
      clients.map(async (client, i) => {
        for (const batch of plan[i] ?? [])
          for (const r of await sendUntilAnswered(balancer.url, client, batch as SignedSubmission[], statuses))
            answers.set(r.submissionId, r);
      }),
    );
    const reading = Promise.all(
      clients.map((client, i) =>
        readReceipts(balancer.url, client, (PER_CLIENT * BATCH + (i === 0 ? 1 : 0)) * 4, statuses),
      ),
    );
    const waitingIn = async (applicationName: string) =>
      (
        await data.sql(
          "SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock' AND xact_start IS NOT NULL",
          [applicationName],
        )
      ).length > 0;
    const [hubA] = hubList;
    const [worker1] = workerList;
    if (!hubA?.child.pid || !worker1) throw new Error('hub A and worker 1');
    await waitUntil(() => waitingIn(`swhub hub ${hubA.child.pid}`), 'a batch of hub A inside its transaction');
    expect(await hubA.stop('SIGKILL')).toBeNull();
    await counters.release();
    await waitUntil(() => waitingIn(`swhub worker ${worker1.pid}`), 'a step of worker 1 inside its transaction');
    expect(await worker1.stop('SIGKILL')).toBeNull();
    await receiptSeq.release();

    await sending;
    const received = await reading;

    // Every submission stored once and acknowledged as accepted (or as a duplicate of its acceptance).
    const ids = [warmup, ...plan.flat(2)].map((s) => s.envelope.submissionId);
    expect(ids.every((id) => ['accepted', 'duplicate'].includes(answers.get(id)?.outcome ?? ''))).toBe(true);
    const stored = await data.sql('SELECT submission_id, hub_seq FROM submissions');
    expect(stored).toHaveLength(ids.length);
    expect(new Set(stored.map((r) => r.submission_id))).toEqual(new Set(ids));
    for (const row of stored) expect(answers.get(String(row.submission_id))?.hubSeq).toBe(Number(row.hub_seq));
    // Every step done once, in order, and every receipt delivered once to its client.
    const steps = await data.sql(
      'SELECT count(*)::int AS n, count(DISTINCT (submission_pk, step))::int AS d FROM receipts',
    );
    expect(steps).toEqual([{ n: ids.length * 4, d: ids.length * 4 }]);
    received.forEach((list, i) => {
      expect(new Set(list.map((r) => r.receiptId)).size).toBe(list.length);
      const mine = new Set(
        [...(plan[i] ?? []).flat(), ...(i === 0 ? [warmup] : [])].map((s) => s.envelope.submissionId),
      );
      expect(list).toHaveLength(mine.size * 4);
      const channels = new Map<string, string>();
      for (const r of list) {
        expect(mine.has(r.submissionId)).toBe(true);
        channels.set(r.submissionId, (channels.get(r.submissionId) ?? '') + r.channel);
      }
      expect([...channels.values()].every((c) => c === '7LTP')).toBe(true);
    });
    expect(await data.store.nextDueAt()).toBeNull();
    // The batch hub A died under was answered 502 by the balancer and sent again; no answer was a 500.
    expect(balancer.dropped).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200 && s !== 502 && s !== 'network')).toEqual([]);
  }, 240_000);
});
