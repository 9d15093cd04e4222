// Start-up of the commands a person runs (issue: ≤ 1 s to ready): the hub's `serve` to its
// "listening" line, the browser host to "ready", one-shot `hub enroll-code` and `cli validate` to
// their exit — each started the way `npm run hub|serve|cli` starts it (scripts/run-built.mjs: the
// esbuild bundle, built once beforehand and not counted). Wall time and the child's CPU time
// (user + system, from /proc) — on a busy machine wall time inflates and CPU time does not.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTarget, stale, targets } from '../scripts/run-built.mjs';
import type { BenchResult } from './harness';
import { percentile, round } from './harness';

const BUDGET_MS = 1000;
const RUNS = 5;
const SAMPLE = 'resources/samples/import-general-trade.json';

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Starts `node scripts/run-built.mjs …args`; resolves when `ready` matches stdout (then stops it) or at exit. */
function timeCommand(args: string[], ready: RegExp | null, env: NodeJS.ProcessEnv = {}): Promise<Timing> {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/run-built.mjs', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  // CPU time of the child as the kernel counts it (utime + stime, clock ticks of 10 ms).
  const cpu = (): number => {
    const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  return new Promise((resolve, reject) => {
    let cpuAtReady = 0;
    let wallAtReady = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (ready && wallAtReady === 0 && ready.test(out)) {
        wallAtReady = performance.now() - started;
        cpuAtReady = cpu();
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    let cpuAtExit = 0;
    // Read the CPU time while the process still exists: 'exit' comes after it has been reaped.
    const poll = setInterval(() => {
      try {
        cpuAtExit = cpu();
      } catch {
        // gone
      }
    }, 5);
    child.once('exit', (code) => {
      clearInterval(poll);
      if (ready) {
        if (wallAtReady === 0) reject(new Error(`${args.join(' ')} exited (${code}) before ready:\n${out}\n${err}`));
        else resolve({ wallMs: wallAtReady, cpuMs: cpuAtReady });
      } else if (code !== 0) {
        reject(new Error(`${args.join(' ')} exited with ${code}:\n${out}\n${err}`));
      } else {
        resolve({ wallMs: performance.now() - started, cpuMs: cpuAtExit });
      }
    });
  });
}

export async function run(): Promise<BenchResult[]> {
  for (const target of Object.values(targets)) if (stale(target)) await buildTarget(target);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-bench-startup-'));
  try {
    const hubData = path.join(dir, 'hub');
    const commands: Array<[string, () => Promise<Timing>]> = [
      [
        '`hub serve` to listening',
        () => timeCommand(['hub', 'serve', '--port', '0', '--data', hubData], /hub listening on http/),
      ],
      ['`hub enroll-code` to exit', () => timeCommand(['hub', 'enroll-code', '--data', hubData], null)],
      [
        'browser host to ready',
        () =>
          timeCommand(
            [
              'serve',
              '--port',
              '0',
              '--data',
              path.join(dir, 'desk'),
              '--setup-file',
              path.resolve('e2e/fixtures/operator.json'),
            ],
            /SW Desk ready at http/,
            { SWDESK_PASSPHRASE: 'bench passphrase 1234' },
          ),
      ],
      ['`cli validate` (sample) to exit', () => timeCommand(['cli', 'validate', SAMPLE, '--stage', 'draft'], null)],
    ];
    const results: BenchResult[] = [];
    for (const [name, once] of commands) {
      await once(); // the first start creates the data folder and the OS caches the files; not counted
      const timings: Timing[] = [];
      for (let i = 0; i < RUNS; i++) timings.push(await once());
      const wall = percentile(
        timings.map((t) => t.wallMs),
        50,
      );
      results.push({
        name: `start-up: ${name}`,
        figures: {
          runs: RUNS,
          wallMedianMs: round(wall, 0),
          wallRunsMs: timings.map((t) => round(t.wallMs, 0)).join('/'),
          cpuMedianMs: round(
            percentile(
              timings.map((t) => t.cpuMs),
              50,
            ),
            0,
          ),
          loadAverage1m: round(os.loadavg()[0] ?? 0, 1),
        },
        budget: `median ≤ ${BUDGET_MS} ms to ready`,
        pass: wall <= BUDGET_MS,
      });
    }
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
