// The client core as a separate process for the crash test
// (main/core/sync/crash.test.ts): it autosaves, signs and queues, and syncs
// in a loop, printing an ACK line right after each durable commit, until the
// test kills it with SIGKILL. `drain` mode runs until everything is synced.
import fs from 'node:fs';
import { createApp } from '../../main/composition';
import { silentLogger } from '../../main/logging/logger';
import { createPassphraseProtector } from '../../main/core/signing/key-protector';

const [mode, dataDir, hubUrl, code, samplePath, seedText] = process.argv.slice(2);
if (!mode || !dataDir || !hubUrl || !samplePath)
  throw new Error('usage: crash-worker <chaos|drain> <dataDir> <hubUrl> <code|-> <sample.json> [seed]');

let seed = Number(seedText ?? '1') || 1;
const random = () => {
  // mulberry32: a small seeded generator, so a failing cycle can be replayed.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const say = (line: string) => {
  try {
    fs.writeSync(1, `${line}\n`);
  } catch {
    process.exit(0); // the reader has gone away
  }
};

const sample = JSON.parse(fs.readFileSync(samplePath, 'utf8')) as {
  ieFlag: 'I' | 'E';
  doc: { head: Record<string, string>; lines: Array<Record<string, string>> };
};
const app = createApp({
  dataDir,
  host: 'browser',
  protector: createPassphraseProtector('crash test passphrase'),
  logger: silentLogger,
  sync: {
    push: { batchSize: 5, concurrency: 3, backoff: { baseMs: 50, maxMs: 500 } },
    debounceMs: 5,
    timerMs: 200,
    longPollSeconds: 1,
    reconnect: { baseMs: 50, maxMs: 300 },
  },
});

async function call(method: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await app.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

async function ensureConnected(): Promise<void> {
  const status = await call('sync.status', {});
  if (status.clientId === null && code && code !== '-') await app.connectHub(hubUrl ?? '', code);
}

let counter = 0;
async function chaosStep(): Promise<void> {
  const roll = random();
  if (roll < 0.45) {
    // Autosave: an edit to a draft (a new one when there is none).
    const list = (await call('declarations.list', { status: ['draft'], limit: 5 })) as {
      items: Array<{ id: string; revision: number }>;
    };
    let target = list.items[Math.floor(random() * list.items.length)];
    if (!target) {
      const created = await call('declarations.create', { ieFlag: 'I' });
      target = { id: String(created.id), revision: Number(created.revision) };
    }
    const value = `N${process.pid}-${counter++}`;
    const saved = await call('declarations.update', {
      id: target.id,
      baseRevision: target.revision,
      ops: [{ op: 'set', path: 'head.NoteS', value }],
    });
    say(`ACK save ${target.id} ${String(saved.revision)} ${value}`);
  } else if (roll < 0.8) {
    // Sign and queue a complete declaration.
    const created = await call('declarations.create', { ieFlag: sample.ieFlag });
    const ops = [
      ...Object.entries(sample.doc.head)
        .filter(([k]) => k !== 'IEFlag')
        .map(([k, v]) => ({ op: 'set', path: `head.${k}`, value: v })),
      ...sample.doc.lines.map((row) => ({ op: 'insertRow', table: 'lines', row })),
    ];
    await call('declarations.update', { id: created.id, baseRevision: created.revision, ops });
    const queued = await call('declarations.declare', { id: created.id });
    say(`ACK queued ${String(created.id)} ${String(queued.submissionId)}`);
  } else {
    await call('sync.now', {});
  }
}

async function main(): Promise<void> {
  await ensureConnected();
  app.start();
  say('READY');
  if (mode === 'drain') {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const status = (await call('sync.status', {})) as { outbox: { queued: number; sending: number } };
      const open = app.db
        .prepare(
          `SELECT count(*) AS n FROM declarations WHERE workflow IN ('queued', 'sent') AND (channel IS NULL OR channel NOT IN ('P', 'R')) AND deleted_at IS NULL`,
        )
        .get() as { n: number };
      if (status.outbox.queued + status.outbox.sending === 0 && open.n === 0) {
        say('DRAINED');
        await app.close();
        process.exit(0);
      }
      await call('sync.now', {});
      await new Promise((r) => setTimeout(r, 100));
    }
    say('NOT DRAINED');
    process.exit(1);
  }
  for (;;) {
    await chaosStep();
    await new Promise((r) => setImmediate(r));
  }
}

main().catch((error: unknown) => {
  say(`ERROR ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
