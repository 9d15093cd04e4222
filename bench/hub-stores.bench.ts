// The hub's stores side by side, in one run on this machine, with the client of the hub bench
// (bench/hub-flow.ts: Ed25519 request and item signatures, batches of 100, four in flight, receipts
// by long poll): (a) SQLite, one hub process; (b) PostgreSQL, one hub process running the processor;
// (c) PostgreSQL, two hub processes (batches sent to each in turn, as a balancer spreads them) and
// one worker process issuing the receipts, which reach the long poll through LISTEN/NOTIFY.
// PostgreSQL is a throwaway cluster started here (durable: fsync and synchronous_commit on, as the
// SQLite hub commits with synchronous=FULL); without the server binaries its rows say so and skip.
import fs from 'node:fs';
import { openPostgresStore } from '../hub/store/postgres/postgres-store';
import { openSqliteStore } from '../hub/store/sqlite/sqlite-store';
import { pgBinDir, startPgCluster, type PgCluster } from '../e2e/fixtures/pg-cluster';
import type { HubProcess, WorkerProcess } from '../test-support/hub/hub-process';
import { startHubOnStore, startHubProcess, startWorkerProcess } from '../test-support/hub/hub-process';
import { tempDir } from '../test-support/hub/in-process';
import { enrollmentCode } from '../test-support/hub/store-fixtures';
import { ed25519Key, submission } from '../test-support/hub/test-client';
import type { BenchResult } from './harness';
import { enroll, post, submitAndReceive, type FlowFigures } from './hub-flow';

const TOTAL = 10_000;

/** CPU seconds (user + system) each process has used so far, from /proc (Linux; elsewhere none). */
function cpuByPid(): Map<number, { ppid: number; seconds: number }> {
  const out = new Map<number, { ppid: number; seconds: number }>();
  if (!fs.existsSync('/proc/self/stat')) return out;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command (which may hold spaces): state ppid … utime (14th) stime (15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(name), {
        ppid: Number(fields[1]),
        seconds: (Number(fields[11]) + Number(fields[12])) / 100,
      });
    } catch {
      // The process ended while the list was read.
    }
  }
  return out;
}

/** Where the CPU went while `work` ran: each named group of processes (a group: its roots and their children). */
async function cpuDuring<T>(
  groups: Record<string, () => number[]>,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: Record<string, number> }> {
  const members = (snapshot: Map<number, { ppid: number }>, roots: number[]) =>
    [...snapshot].filter(([pid, p]) => roots.includes(pid) || roots.includes(p.ppid)).map(([pid]) => pid);
  const before = cpuByPid();
  const client = process.cpuUsage();
  const result = await work();
  const clientUsed = process.cpuUsage(client);
  const after = cpuByPid();
  const cpu: Record<string, number> = {};
  for (const [group, roots] of Object.entries(groups)) {
    let seconds = 0;
    for (const pid of members(after, roots()))
      seconds += (after.get(pid)?.seconds ?? 0) - (before.get(pid)?.seconds ?? 0);
    cpu[group] = Math.round(seconds * 10) / 10;
  }
  cpu.benchClientCpuS = Math.round(((clientUsed.user + clientUsed.system) / 1e6) * 10) / 10;
  return { result, cpu };
}

interface Measured {
  flow: FlowFigures;
  /** CPU seconds while the flow ran, by process group. */
  cpu: Record<string, number>;
}

/** Enrols at the first hub, warms every hub up with one submission each, then runs the flow. */
async function measure(urls: string[], code: string, groups: Record<string, () => number[]>): Promise<Measured> {
  const key = ed25519Key();
  const client = await enroll(urls[0] ?? '', code, key);
  for (const url of urls) await post(url, client, [submission(key)]);
  const { result, cpu } = await cpuDuring(groups, () => submitAndReceive(urls, client, TOTAL, urls.length));
  return { flow: result, cpu };
}

const pidOf = (p: { child: { pid?: number | undefined } }) => p.child.pid ?? -1;

async function sqliteOneProcess(): Promise<Measured> {
  const dir = tempDir('swhub-bench-');
  const hub = await startHubProcess(dir, { SWHUB_STEP_DELAY_MS: '0' });
  try {
    const store = openSqliteStore(dir);
    const code = await enrollmentCode(store, 'bench');
    await store.close();
    return await measure([hub.url], code, { hubCpuS: () => [pidOf(hub)] });
  } finally {
    await hub.stop('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A migrated schema of its own on the cluster, `hubs` hub processes and `workers` worker processes. */
async function postgres(cluster: PgCluster, schema: string, hubs: number, workers: number): Promise<Measured> {
  const store = await openPostgresStore({
    url: cluster.url,
    schema,
    poolSize: 1,
    applicationName: 'swhub bench setup',
    migrate: true,
  });
  const code = await enrollmentCode(store, 'bench');
  await store.close();
  const env: Record<string, string> = {
    SWHUB_STORE: cluster.url,
    SWHUB_STORE_SCHEMA: schema,
    SWHUB_STEP_DELAY_MS: '0',
    ...(workers > 0 ? { SWHUB_PROCESSOR_IN_HUB: 'off' } : {}),
  };
  const hubProcesses: HubProcess[] = [];
  const workerProcesses: WorkerProcess[] = [];
  try {
    hubProcesses.push(...(await Promise.all(Array.from({ length: hubs }, () => startHubOnStore(env)))));
    for (let i = 0; i < workers; i++) workerProcesses.push(await startWorkerProcess(env));
    return await measure(
      hubProcesses.map((h) => h.url),
      code,
      {
        hubCpuS: () => hubProcesses.map(pidOf),
        ...(workers > 0 ? { workerCpuS: () => workerProcesses.map(pidOf) } : {}),
        postgresCpuS: () => [cluster.pid()],
      },
    );
  } finally {
    for (const p of [...hubProcesses, ...workerProcesses]) await p.stop('SIGTERM');
  }
}

function row(name: string, m: Measured, base: Measured | null, budget: string, pass: boolean): BenchResult {
  const f = m.flow;
  return {
    name,
    figures: {
      submissions: TOTAL,
      perSecond: f.perSecond,
      batchP50ms: f.batchP50ms,
      batchP99ms: f.batchP99ms,
      receiptsDeliveredPerSecond: f.deliveredPerSecond,
      secondsToLastReceipt: f.secondsFromFirstSubmit,
      ...(base ? { ratioToSqlite: Math.round((f.perSecond / base.flow.perSecond) * 100) / 100 } : {}),
      ...m.cpu,
    },
    budget,
    pass,
  };
}

export async function run(): Promise<BenchResult[]> {
  const a = await sqliteOneProcess();
  const results = [row('hub stores (a) SQLite, one hub process', a, null, 'recorded (the base of the ratios)', true)];
  if (!pgBinDir()) {
    const why = 'PostgreSQL skipped: its server binaries are not installed here (apt-get install postgresql)';
    results.push({ name: `hub stores (b), (c): ${why}`, figures: {}, budget: '≥ 1,000 submissions/s (b)', pass: true });
    return results;
  }
  const cluster = await startPgCluster({ fsync: 'on', synchronous_commit: 'on' });
  try {
    const b = await postgres(cluster, 'bench_b', 1, 0);
    const c = await postgres(cluster, 'bench_c', 2, 1);
    results.push(
      row('hub stores (b) PostgreSQL, one hub process', b, a, '≥ 1,000 submissions/s', b.flow.perSecond >= 1000),
      row('hub stores (c) PostgreSQL, two hub processes + one worker', c, a, 'recorded (compare with (b))', true),
    );
  } finally {
    await cluster.destroy();
  }
  return results;
}
