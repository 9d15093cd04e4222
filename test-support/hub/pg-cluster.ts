import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest PostgreSQL server binaries installed (Debian's layout), or null. */
export function pgBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? path.join(base, newest, 'bin') : null;
}

export interface PgCluster {
  /** postgres://swhub@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** The server's own settings as started (bench figures name them). */
  settings: Record<string, string>;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway PostgreSQL cluster in a temp folder, on a free loopback port, for tests that must stop
 * and start the server (other tests share SWHUB_TEST_PG's) and for the bench. initdb and postgres
 * refuse root: as root they run as the `postgres` user, who owns the folder.
 */
export async function startPgCluster(settings: Record<string, string> = {}): Promise<PgCluster> {
  const bin = pgBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries are not installed (apt-get install postgresql)');
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swhub-pg-'));
  if (root) fs.chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), -1);
  const asPg = (file: string, args: string[]) =>
    root ? run('runuser', ['-u', 'postgres', '--', path.join(bin, file), ...args]) : run(path.join(bin, file), args);
  const port = await freePort();
  const all = { listen_addresses: '127.0.0.1', max_connections: '200', ...settings };
  const options = [`-p ${port}`, `-k ${dir}`, ...Object.entries(all).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
  const data = path.join(dir, 'data');
  await asPg('initdb', ['-D', data, '-A', 'trust', '-U', 'swhub', '--no-sync']);
  const start = async () => {
    await asPg('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', 'start']);
  };
  await start();
  return {
    url: `postgres://swhub@127.0.0.1:${port}/postgres`,
    port,
    settings: all,
    async stop(mode = 'fast') {
      await asPg('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    },
    start,
    async destroy() {
      await asPg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
