import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCode, startHub, type Running } from '../../../e2e/fixtures/processes';
import { entryArgs } from '../../../scripts/test-bundles.mjs';
import { seededRandom } from '../../../test-support/shared/seeded-random';
import { tempDir } from '../../../test-support/main/temp-dir';

// The crash test: the client core runs as its own process and is killed with
// SIGKILL at random points of autosave, sign-and-queue and sync, against a
// real hub process. After every kill: nothing acknowledged is lost and the
// database is intact. At the end: every queued submission reached the hub
// exactly once (counted in the hub's database) and every receipt arrived.

const CYCLES = Number(process.env.SWDESK_CRASH_CYCLES ?? 200);
const samplePath = path.resolve('resources/samples/import-general-trade.json');

interface RunResult {
  lines: string[];
  exitCode: number | null;
}

/**
 * Runs the worker; `kill` says when to SIGKILL it: a delay from the start (while it opens, migrates,
 * enrolls), or `thenMs` after it acknowledged `afterAcks` pieces of work since READY — counted in work
 * done, not in time, so a busy machine is killed as far into its work as an idle one.
 */
function runWorker(
  args: string[],
  kill: { fromStartMs: number } | { afterAcks: number; thenMs: number } | null,
): Promise<RunResult> {
  return new Promise((resolve) => {
    // Each of the hundreds of restarts is a plain `node` start of the bundle the test set-up built.
    const child = spawn(process.execPath, [...entryArgs('crash-worker'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null =
      kill && 'fromStartMs' in kill ? setTimeout(() => child.kill('SIGKILL'), kill.fromStartMs) : null;
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (!kill || !('afterAcks' in kill) || timer !== null) return;
      const ready = out.indexOf('READY');
      const acks = ready < 0 ? -1 : out.slice(ready).split('\nACK ').length - 1;
      if (acks >= kill.afterAcks) timer = setTimeout(() => child.kill('SIGKILL'), kill.thenMs);
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      if (err.trim() !== '' && code !== null && code !== 0) out += `\nSTDERR ${err}`;
      resolve({ lines: out.split('\n').filter((l) => l !== ''), exitCode: code });
    });
  });
}

describe('crash safety: SIGKILL at random points (real processes)', { timeout: 600_000 }, () => {
  let hub: Running;
  const hubTemp = tempDir('swdesk-crash-hub-');
  const deskTemp = tempDir('swdesk-crash-desk-');

  beforeAll(async () => {
    hub = await startHub(hubTemp.dir, 0, { SWHUB_STEP_DELAY_MS: '0' });
  });

  afterAll(async () => {
    await hub.stop();
    hubTemp.cleanup();
    deskTemp.cleanup();
  });

  it(`loses nothing acknowledged and sends nothing twice over ${CYCLES} kills`, async () => {
    const saves = new Map<string, { revision: number; value: string }>();
    const queued = new Map<string, string>();
    let code = enrollCode(hubTemp.dir);
    // Where each kill aims and what each worker does come from one printed seed (SWDESK_TEST_SEED replays
    // the choices; where a kill lands in the worker's work still depends on the machine's speed).
    const random = seededRandom('crash kill points', 42);
    const next = random.next;
    const dbFile = path.join(deskTemp.dir, 'swdesk.sqlite');

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      // Mostly in the middle of work; sometimes while it starts (opening, migrating, enrolling).
      const kill =
        next() < 0.15
          ? { fromStartMs: Math.floor(next() * 600) }
          : { afterAcks: random.int(2), thenMs: Math.floor(next() * 300) };
      const workerSeed = String(1 + random.int(2 ** 31 - 1));
      const run = await runWorker(['chaos', deskTemp.dir, hub.url, code, samplePath, workerSeed], kill);
      const errors = run.lines.filter((l) => l.startsWith('ERROR') || l.startsWith('STDERR'));
      expect(errors, `cycle ${cycle} (worker seed ${workerSeed}): the worker failed on its own`).toEqual([]);
      for (const line of run.lines) {
        const [kind, what, id, a, b] = line.split(' ');
        if (kind !== 'ACK') continue;
        if (what === 'save' && id && a && b) saves.set(id, { revision: Number(a), value: b });
        if (what === 'queued' && id && a) queued.set(a, id);
      }
      if (run.lines.includes('READY')) code = '-';

      if (!fs.existsSync(dbFile)) continue;
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true }), `cycle ${cycle}: integrity`).toBe('ok');
        for (const [id, save] of saves) {
          const row = db.prepare('SELECT revision, head FROM declarations WHERE id = ?').get(id) as
            { revision: number; head: string } | undefined;
          expect(row, `cycle ${cycle}: saved declaration ${id} lost`).toBeDefined();
          expect(row?.revision ?? 0).toBeGreaterThanOrEqual(save.revision);
          // Only NoteS edits touch this field after creation, and the last acknowledged one must be there.
          const note = (JSON.parse(row?.head ?? '{}') as { NoteS?: string }).NoteS;
          if (row && row.revision === save.revision)
            expect(note, `cycle ${cycle}: acknowledged save of ${id}`).toBe(save.value);
        }
        for (const [submissionId, id] of queued) {
          const item = db
            .prepare('SELECT state, declaration_id AS declarationId FROM outbox WHERE submission_id = ?')
            .get(submissionId) as { state: string; declarationId: string } | undefined;
          expect(item, `cycle ${cycle}: queued submission ${submissionId} lost`).toMatchObject({ declarationId: id });
        }
      } finally {
        db.close();
      }
    }

    // Let it finish: everything queued goes out and every receipt comes back.
    const drain = await runWorker(['drain', deskTemp.dir, hub.url, '-', samplePath], null);
    expect(drain.lines).toContain('DRAINED');

    const desk = new Database(dbFile, { readonly: true });
    const hubDb = new Database(path.join(hubTemp.dir, 'hub.sqlite'), { readonly: true });
    try {
      expect(desk.pragma('integrity_check', { simple: true })).toBe('ok');
      const outbox = desk.prepare(`SELECT submission_id AS id, state FROM outbox`).all() as Array<{
        id: string;
        state: string;
      }>;
      const atHub = hubDb
        .prepare(`SELECT submission_id AS id, client_seq_no AS clientSeqNo, state FROM submissions`)
        .all() as Array<{ id: string; clientSeqNo: string; state: string }>;
      // Every acknowledged queue reached the hub; nothing reached it twice.
      const hubIds = new Set(atHub.map((s) => s.id));
      for (const submissionId of queued.keys())
        expect(hubIds.has(submissionId), `submission ${submissionId} never reached the hub`).toBe(true);
      expect(new Set(atHub.map((s) => s.clientSeqNo)).size).toBe(atHub.length);
      expect(atHub.every((s) => s.state === 'accepted')).toBe(true);
      expect(outbox.every((o) => o.state === 'accepted')).toBe(true);
      expect(atHub.length).toBe(outbox.length);
      // Every receipt arrived: each declaration the hub holds is released, and its receipts are all stored once.
      const hubReceipts = hubDb.prepare(`SELECT count(*) AS n FROM receipts`).get() as { n: number };
      const deskReceipts = desk.prepare(`SELECT count(*) AS n FROM receipts`).get() as { n: number };
      expect(deskReceipts.n).toBe(hubReceipts.n);
      const notReleased = desk
        .prepare(`SELECT count(*) AS n FROM declarations WHERE workflow = 'sent' AND channel NOT IN ('P', 'R')`)
        .get() as { n: number };
      expect(notReleased.n).toBe(0);
      expect(queued.size).toBeGreaterThan(CYCLES / 10);
      expect(saves.size).toBeGreaterThan(0);
    } finally {
      desk.close();
      hubDb.close();
    }
  });
});
