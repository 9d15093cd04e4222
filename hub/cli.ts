// `npm run hub -- <command>`: the exchange hub's command line. `serve` prints
// exactly one line on stdout (the ready line); logs go to stderr or a file.
import { DatabaseTooNewError } from '../shared/store/migrate';
import type { ParsedArgs } from './cli-args';
import { UsageError, optionNumber, optionString, parseArgs } from './cli-args';
import { CodeTableFileError, readCodeTableFile } from './code-tables/import';
import { ConfigError, loadConfig, type HubConfig } from './config';
import { generateEnrollmentCode, hashEnrollmentCode } from './crypto/codes';
import { createHubLogger, type HubLogger } from './logging';
import { migrateStore, openStore, StoreConfigError, storeKind } from './store/open-store';
import { SchemaBehindError, StoreUnavailableError } from './store/types';

const usage = `usage: npm run hub -- <command> [options]

The store is SQLite in --data <dir>, or PostgreSQL with --store postgres://user@host:port/database.

  serve --port <n> (--data <dir> | --store <url>) [--host <addr>] [--config <file>]
        run the hub; prints "hub listening on http://<host>:<port>" when ready (--port 0 picks a free port)
  worker --store <url> [--config <file>]
        run the customs processor alone (hubs started with SWHUB_PROCESSOR_IN_HUB=off); any number of them
  migrate (--data <dir> | --store <url>)
        bring the store's schema up to date (PostgreSQL: once per upgrade, before starting the new hubs)
  enroll-code (--data <dir> | --store <url>) [--ttl-days <n>] [--label <text>]
        print a one-time enrollment code
  clients list (--data <dir> | --store <url>) [--json]
  clients revoke <clientId> (--data <dir> | --store <url>)
  code-tables import <file.csv|file.xlsx> (--data <dir> | --store <url>) [--id <tableId>]

Every command also takes --config <file>; SWHUB_* environment variables apply (docs/hub-protocol.md,
docs/hub-operations.md).`;

const spec = {
  values: ['port', 'data', 'store', 'host', 'config', 'ttl-days', 'label', 'id'],
  flags: ['json', 'help'],
};

function configFor(args: ParsedArgs): HubConfig {
  const port = optionNumber(args, 'port', { min: 0, max: 65535, integer: true });
  return loadConfig({
    file: optionString(args, 'config') ?? (process.env.SWHUB_CONFIG || undefined),
    env: process.env,
    overrides: {
      port,
      host: optionString(args, 'host'),
      dataDir: optionString(args, 'data'),
      store: { url: optionString(args, 'store') },
    },
  });
}

/** Stops on SIGTERM or SIGINT after `stop` finishes; a second signal exits at once. */
function onSignals(log: HubLogger, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down: finishing the work in flight');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => handle('SIGTERM'));
  process.on('SIGINT', () => handle('SIGINT'));
}

async function serve(args: ParsedArgs): Promise<void> {
  const config = configFor(args);
  if (!config.processor.inHub && storeKind(config) === 'sqlite')
    throw new UsageError(
      'processor.inHub off needs a PostgreSQL store (workers share its queue); with SQLite the hub runs the processor itself',
    );
  const log = createHubLogger(config, 'hub');
  const store = await openStore(config, { log, role: 'hub' });
  // The server (fastify and its plugins) and the processor load only for the commands that run them: the
  // one-shot commands start in well under a second without them (bench/startup.bench.ts).
  const { buildHub } = await import('./server');
  const hub = await buildHub({ config, store, logger: log });
  let url: string;
  try {
    url = await hub.listen();
  } catch (error) {
    await hub.close();
    throw error;
  }
  process.stdout.write(`hub listening on ${url}\n`);
  log.info({ url, store: storeKind(config), processorInHub: config.processor.inHub }, 'hub ready');
  onSignals(log, () => hub.close());
}

async function worker(args: ParsedArgs): Promise<void> {
  const config = configFor(args);
  if (storeKind(config) !== 'postgres')
    throw new UsageError(
      'worker needs a PostgreSQL store (--store postgres://…): with SQLite the hub runs the processor',
    );
  const log = createHubLogger(config, 'worker');
  const store = await openStore(config, { log, role: 'worker' });
  const { startWorker } = await import('./worker');
  const running = await startWorker({ config, store, log });
  process.stdout.write(`worker running (pid ${process.pid})\n`);
  log.info({ batchSize: config.processor.batchSize }, 'worker ready');
  onSignals(log, () => running.stop());
}

async function migrate(args: ParsedArgs): Promise<void> {
  const result = await migrateStore(configFor(args));
  process.stdout.write(
    result.from === result.to
      ? `the ${result.kind} schema is up to date (version ${result.to})\n`
      : `migrated the ${result.kind} schema from version ${result.from} to ${result.to}` +
          `${result.backupPath ? ` (copy before: ${result.backupPath})` : ''}\n`,
  );
}

async function enrollCode(args: ParsedArgs): Promise<void> {
  const config = configFor(args);
  const ttlDays = optionNumber(args, 'ttl-days', { min: 0.001, max: 365 }) ?? config.enrollmentCodeTtlDays;
  const store = await openStore(config, { role: 'cli' });
  try {
    const code = generateEnrollmentCode();
    const now = Date.now();
    await store.createEnrollmentCode({
      codeHash: hashEnrollmentCode(code),
      label: optionString(args, 'label') ?? '',
      createdAt: new Date(now).toISOString(),
      expiresAt: now + ttlDays * 86_400_000,
    });
    process.stdout.write(`${code}\n`);
  } finally {
    await store.close();
  }
}

async function clients(args: ParsedArgs): Promise<void> {
  const [, action, clientId, ...rest] = args.positionals;
  if (rest.length > 0) throw new UsageError(`Unexpected arguments: ${rest.join(' ')}`);
  const config = configFor(args);
  const store = await openStore(config, { role: 'cli' });
  try {
    if (action === 'list') {
      const list = await store.listClients();
      if (args.options.has('json')) {
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      if (list.length === 0) process.stdout.write('no clients enrolled\n');
      for (const c of list) {
        const state = c.revokedAt ? `revoked ${c.revokedAt}` : 'active';
        process.stdout.write(
          `${c.id}\t${c.name}\tenrolled ${c.enrolledAt}\t${state}\tkeys ${c.keyCount}\tsubmissions ${c.submissionCount}\n`,
        );
      }
    } else if (action === 'revoke') {
      if (!clientId) throw new UsageError('Give the client id: clients revoke <clientId> (see clients list)');
      if (!(await store.revokeClient(clientId, new Date().toISOString()))) {
        process.stderr.write(`There is no client ${clientId} (see clients list); nothing changed\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`revoked ${clientId}\n`);
    } else {
      throw new UsageError('clients takes list or revoke <clientId>');
    }
  } finally {
    await store.close();
  }
}

async function codeTables(args: ParsedArgs): Promise<void> {
  const [, action, file, ...rest] = args.positionals;
  if (action !== 'import' || !file || rest.length > 0)
    throw new UsageError('code-tables import <file.csv|file.xlsx> --data <dir> [--id <tableId>]');
  const config = configFor(args);
  const table = await readCodeTableFile(file, {
    tableId: optionString(args, 'id'),
    importedAt: new Date().toISOString(),
  });
  const store = await openStore(config, { role: 'cli' });
  try {
    const { version, created } = await store.importCodeTable(table);
    process.stdout.write(
      created
        ? `imported ${table.tableId} version ${version} (${table.rows.length} rows)\n`
        : `${table.tableId} is unchanged (version ${version}, ${table.rows.length} rows)\n`,
    );
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv, spec);
  const command = args.positionals[0];
  if (!command || args.options.has('help')) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (command === 'serve') return serve(args);
  if (command === 'worker') return worker(args);
  if (command === 'migrate') return migrate(args);
  if (command === 'enroll-code') return enrollCode(args);
  if (command === 'clients') return clients(args);
  if (command === 'code-tables') return codeTables(args);
  throw new UsageError(`Unknown command "${command}"`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${usage}\n`);
    process.exit(2);
  }
  if (error instanceof StoreConfigError) {
    process.stderr.write(`${error.message}\n\n${usage}\n`);
    process.exit(2);
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error:\n${error.message}\n`);
    process.exit(2);
  }
  if (
    error instanceof DatabaseTooNewError ||
    error instanceof CodeTableFileError ||
    error instanceof SchemaBehindError ||
    error instanceof StoreUnavailableError
  ) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`hub: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
