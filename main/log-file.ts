import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from './core/logger';
import { createLogger } from './core/logger';

/** A JSON-lines log in `<dataDir>/logs/swdesk.log` (stdout stays free for the shells' one ready line). */
export function createFileLogger(dataDir: string, alsoStderr = false): Logger {
  const dir = path.join(dataDir, 'logs');
  fs.mkdirSync(dir, { recursive: true });
  const stream = fs.createWriteStream(path.join(dir, 'swdesk.log'), { flags: 'a' });
  return createLogger((line) => {
    stream.write(`${line}\n`);
    if (alsoStderr) process.stderr.write(`${line}\n`);
  }, process.env.SWDESK_LOG_LEVEL === 'debug' ? 'debug' : 'info');
}
