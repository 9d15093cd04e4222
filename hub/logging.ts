import fs from 'node:fs';
import os from 'node:os';
import { pino, type Logger } from 'pino';
import type { HubConfig } from './config';

export type HubLogger = Logger;

/**
 * The structured log of a hub or worker process: one JSON object per line, never on stdout (the
 * ready line's), each carrying the process id, the host and the process's role, so the lines of
 * N processes collected in one place can be told apart.
 */
export function createHubLogger(
  config: HubConfig,
  role: 'hub' | 'worker' | 'cli',
  stream?: NodeJS.WritableStream,
): HubLogger {
  const destination =
    stream ?? (config.log.file ? fs.createWriteStream(config.log.file, { flags: 'a' }) : process.stderr);
  return pino(
    { level: config.log.level, base: { pid: process.pid, hostname: os.hostname(), role } },
    destination as pino.DestinationStream,
  );
}
