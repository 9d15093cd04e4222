import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { entryArgs } from '../../scripts/test-bundles.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const run = promisify(execFile);

export interface HubProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote on stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Sends the signal and resolves with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs `hub/cli.ts <args>` and waits for its ready line on stdout. Node itself runs the hub (its bundle
 * from the test set-up, else tsx as its loader), not the tsx command: that one starts the hub as a
 * child of its own, and a SIGKILL to it would leave the hub running — a "kill -9" that kills nothing.
 */
function startCli(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  what: string,
): Promise<{
  match: RegExpExecArray;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}> {
  const child = spawn(process.execPath, [...entryArgs('hub'), ...args], {
    cwd: root,
    env: { ...process.env, SWHUB_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the ${what} did not print its ready line within 30 s; stderr: ${err}`));
    }, 30_000);
    const early = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the ${what} exited (${code}) before it was ready; stderr: ${err}`));
    };
    child.once('exit', early);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = ready.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.off('exit', early);
      resolve({
        match,
        child,
        stdout: () => out,
        stderr: () => err,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
  });
}

const hubReady = /^hub listening on (http:\/\/\S+)\n/;

/** Runs `hub/cli.ts serve --port 0 --data <dir>` as a real process and waits for its ready line. */
export async function startHubProcess(
  dataDir: string,
  env: Record<string, string> = {},
  extraArgs: string[] = [],
): Promise<HubProcess> {
  const started = await startCli(['serve', '--port', '0', '--data', dataDir, ...extraArgs], env, hubReady, 'hub');
  return { ...started, url: started.match[1] ?? '' };
}

/** A hub process on the store its environment names (SWHUB_STORE … from a test store's `env`). */
export async function startHubOnStore(env: Record<string, string>, extraArgs: string[] = []): Promise<HubProcess> {
  const started = await startCli(['serve', '--port', '0', ...extraArgs], env, hubReady, 'hub');
  return { ...started, url: started.match[1] ?? '' };
}

/** `npm run hub -- worker` on the store its environment names; resolves once it runs. */
export async function startWorkerProcess(
  env: Record<string, string>,
  extraArgs: string[] = [],
): Promise<WorkerProcess> {
  const started = await startCli(['worker', ...extraArgs], env, /^worker running \(pid (\d+)\)\n/, 'worker');
  return { child: started.child, pid: Number(started.match[1]), stderr: started.stderr, stop: started.stop };
}

/** Runs one hub command (enroll-code, clients …) and returns its output. */
export async function runHubCommand(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...entryArgs('hub'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: typeof e.code === 'number' ? e.code : 1 };
  }
}

export interface ProcessorProcess {
  /** Lets it start: both racers are released with no await between them. */
  go(): void;
  /** The receipt ids it tried to issue, once it has found no more work and exited. */
  done: Promise<Set<string>>;
}

/** A customs processor in its own process on the store in `dataDir`, ready and waiting for `go()`. */
export function startProcessorProcess(dataDir: string, batchSize: number): Promise<ProcessorProcess> {
  const child = spawn(process.execPath, [...entryArgs('processor-process'), dataDir, String(batchSize)], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const done = exited.then((code) => {
    const last = out.trim().split('\n').at(-1) ?? '';
    if (code !== 0 || !last.startsWith('{')) throw new Error(`the processor process exited ${code}; stderr: ${err}`);
    return new Set((JSON.parse(last) as { attempted: string[] }).attempted);
  });
  return new Promise((resolve, reject) => {
    exited.then((code) => reject(new Error(`the processor process exited (${code}) before it was ready: ${err}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.startsWith('ready\n')) resolve({ go: () => child.stdin?.end('go\n'), done });
    });
  });
}
