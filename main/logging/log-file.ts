import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from './logger';
import { createLogger } from './logger';

export const LOG_FILE = 'swdesk.log';

export interface LogOptions {
  /** A file is rotated when it reaches this size: swdesk.log → swdesk.1.log → … */
  maxBytes?: number;
  /** How many rotated files are kept beside the current one. */
  keep?: number;
  alsoStderr?: boolean;
  minLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Where logs go when the data folder cannot be written (its own recovery screen says so). */
  fallbackDir?: string;
}

export interface LogEntry {
  time: string;
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface LogFiles {
  logger: Logger;
  /** The folder the log is written to now. */
  dir(): string;
  /** Follows the data folder when the user moves it. */
  moveTo(dataDir: string): void;
  /** The latest warnings and errors, newest last (kept in memory for diagnostics). */
  recentProblems(): LogEntry[];
  close(): void;
}

const RECENT = 50;
const TAIL_BYTES = 64 * 1024;

/** The warnings and errors among the last lines of a log file (at most RECENT of them). */
function problemsInTail(file: string): LogEntry[] {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const length = Math.min(size, TAIL_BYTES);
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, size - length);
      const entries: LogEntry[] = [];
      for (const line of buffer.toString('utf8').split('\n')) {
        if (!line.includes('"level":"warn"') && !line.includes('"level":"error"')) continue;
        try {
          entries.push(JSON.parse(line) as LogEntry);
        } catch {
          // the first line of the tail may be cut: skip it
        }
      }
      return entries.slice(-RECENT);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return [];
  }
}

function openIn(dir: string): number {
  fs.mkdirSync(dir, { recursive: true });
  return fs.openSync(path.join(dir, LOG_FILE), 'a');
}

/**
 * Structured logs: one JSON object per line in `<dataDir>/logs/swdesk.log`, rotated by size
 * (5 × 2 MB by default), written synchronously so the last lines before a crash are on disk.
 * stdout stays free for the shells' one ready line. When the data folder cannot be written the
 * log goes to a folder in the system's temporary directory instead of failing the start.
 */
export function createLogFiles(dataDir: string, options: LogOptions = {}): LogFiles {
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const keep = options.keep ?? 5;
  const fallbackDir = options.fallbackDir ?? path.join(os.tmpdir(), 'swdesk-logs');
  const recent: LogEntry[] = [];
  let dir = path.join(dataDir, 'logs');
  let fd: number | null = null;
  let size = 0;

  function open(target: string): void {
    try {
      fd = openIn(target);
      dir = target;
    } catch {
      fd = openIn(fallbackDir);
      dir = fallbackDir;
    }
    size = fs.fstatSync(fd).size;
  }

  function rotate(): void {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
    const file = (n: number) => path.join(dir, n === 0 ? LOG_FILE : `swdesk.${n}.log`);
    fs.rmSync(file(keep), { force: true });
    for (let n = keep - 1; n >= 0; n--) if (fs.existsSync(file(n))) fs.renameSync(file(n), file(n + 1));
    open(dir);
  }

  function write(line: string): void {
    try {
      if (fd === null) open(dir);
      if (size > 0 && size + line.length + 1 > maxBytes) rotate();
      const bytes = fs.writeSync(fd as number, `${line}\n`);
      size += bytes;
    } catch {
      // A log that cannot be written must never stop the app.
    }
    if (options.alsoStderr) process.stderr.write(`${line}\n`);
  }

  open(dir);
  // Problems from the previous run (a crash, a failed start) belong in the diagnostics too.
  recent.push(...problemsInTail(path.join(dir, LOG_FILE)));
  const base = createLogger(
    (line) => {
      write(line);
      if (line.includes('"level":"warn"') || line.includes('"level":"error"')) {
        try {
          recent.push(JSON.parse(line) as LogEntry);
          if (recent.length > RECENT) recent.shift();
        } catch {
          // not JSON: ignore
        }
      }
    },
    options.minLevel ?? (process.env.SWDESK_LOG_LEVEL === 'debug' ? 'debug' : 'info'),
  );

  return {
    logger: base,
    dir: () => dir,
    moveTo(nextDataDir: string) {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
      open(path.join(nextDataDir, 'logs'));
    },
    recentProblems: () => [...recent],
    close() {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}

/** A JSON-lines logger in `<dataDir>/logs/swdesk.log` (rotated; see createLogFiles). */
export function createFileLogger(dataDir: string, alsoStderr = false): Logger {
  return createLogFiles(dataDir, { alsoStderr }).logger;
}
