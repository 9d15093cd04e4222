// `npm run serve -- --port <n> [--data <dir>] [--hub <url> --enroll-code <code>] [--passphrase-file <file>]
// [--setup-file <file>]`
// Starts the browser host and prints exactly one line:
//   SW Desk ready at http://127.0.0.1:<port>/#token=<token>
// Data that cannot be opened (damaged, from a newer version, an unwritable folder, a missing key)
// does not stop it: the page shows the recovery screen (and stderr says why).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPassphraseProtector } from '../core/signing/key-protector';
import { openDesk } from '../desk/open-desk';
import { readSetupFile } from '../desk/setup-file';
import { saidFields } from '../logging/failure-fields';
import { createLogFiles } from '../logging/log-file';
import { defaultDataDir, defaultLocationFile } from '../paths';
import { newToken } from './security';
import { createBrowserHost } from './server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function fail(message: string): never {
  process.stderr.write(`swdesk serve: ${message}\n`);
  process.exit(2);
}

function readPassphrase(file: string | undefined): string | undefined {
  if (file) {
    try {
      return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      fail(`cannot read the passphrase file ${file}: ${(error as Error).message}`);
    }
  }
  return process.env.SWDESK_PASSPHRASE || undefined;
}

/** The built renderer; built once on demand so `npm run serve` works from a fresh clone. */
function ensureRenderer(staticDir: string): void {
  if (fs.existsSync(path.join(staticDir, 'index.html'))) return;
  process.stderr.write('swdesk serve: building the renderer (first run)…\n');
  const result = spawnSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) fail('the renderer build failed (see above)');
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    data: { type: 'string' },
    hub: { type: 'string' },
    'enroll-code': { type: 'string' },
    'passphrase-file': { type: 'string' },
    'setup-file': { type: 'string' },
    static: { type: 'string' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a number from 0 to 65535 (got "${values.port}")`);
if (Boolean(values.hub) !== Boolean(values['enroll-code'])) fail('--hub and --enroll-code go together');
const dataDir = values.data ? path.resolve(values.data) : defaultDataDir();
// A folder chosen in Settings is remembered only when no folder is given at start (--data or SWDESK_DATA).
const locationFile = values.data || process.env.SWDESK_DATA ? undefined : defaultLocationFile();
let setup: ReturnType<typeof readSetupFile> | null = null;
if (values['setup-file']) {
  try {
    setup = readSetupFile(values['setup-file']);
  } catch (error) {
    fail((error as Error).message);
  }
}
const staticDir = path.resolve(values.static ?? path.join(root, 'dist/renderer'));
ensureRenderer(staticDir);

const logs = createLogFiles(dataDir);
const logger = logs.logger;
const app = openDesk({
  homeDir: dataDir,
  ...(locationFile ? { locationFile } : {}),
  host: 'browser',
  protector: createPassphraseProtector(readPassphrase(values['passphrase-file'])),
  logs,
});
await app.ready;
const opened = app.state();
if (opened.problem)
  process.stderr.write(
    `swdesk serve: the data in ${opened.dataDir} could not be opened (${opened.problem.kind}): ${opened.problem.detail}\nswdesk serve: the page shows what can be done; nothing was changed\n`,
  );

const token = newToken();
const host = createBrowserHost({ app, staticDir, token, logger });
const actualPort = await host
  .listen(port)
  .catch((error: unknown) => fail(`cannot listen on 127.0.0.1:${port}: ${String(error)}`));
app.start();
if (setup && opened.mode === 'normal') {
  // A scripted install (or a test) fills the first-run setup; an existing profile is left alone.
  const status = await app.dispatch('desk.status', {});
  if (status.ok && (status.value as { needsSetup: boolean }).needsSetup) {
    const created = await app.dispatch('profiles.create', setup);
    if (!created.ok) fail(`the setup file is not valid: ${created.error.message}`);
  }
}
if (values.hub && values['enroll-code'] && opened.mode === 'normal') {
  const status = await app.dispatch('sync.status', {});
  const configured = status.ok && (status.value as { clientId: string | null }).clientId !== null;
  if (configured) logger.info('already enrolled; ignoring --enroll-code');
  else {
    const connected = await app.dispatch('sync.connect', { hubUrl: values.hub, enrollmentCode: values['enroll-code'] });
    if (!connected.ok) logger.error('enrolment failed', saidFields(connected.error));
  }
}
process.stdout.write(`SW Desk ready at http://127.0.0.1:${actualPort}/#token=${token}\n`);
logger.info('browser host ready', { port: actualPort, dataDir });

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await host.close();
  await app.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
