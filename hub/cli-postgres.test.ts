import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { healthSchema } from '../shared/protocol';
import { pgMigrations } from './store/postgres/migrations';
import type { HubProcess } from '../test-support/hub/hub-process';
import { runHubCommand, startHubOnStore } from '../test-support/hub/hub-process';
import { describePostgres, testPgUrl } from '../test-support/hub/stores';

// The command line on a PostgreSQL store: migrate once, then serve; the other commands work on the
// same database; an un-migrated schema and a worker without PostgreSQL are refused clearly.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

function schemaEnv(): Record<string, string> {
  const schema = `cli_${randomBytes(5).toString('hex')}`;
  cleanups.push(async () => {
    const admin = new pg.Client({ connectionString: testPgUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });
  return { SWHUB_STORE: testPgUrl ?? '', SWHUB_STORE_SCHEMA: schema };
}

describePostgres('npm run hub on PostgreSQL (real processes)', () => {
  it('refuses to serve an un-migrated schema, migrates it once, then serves, enrolls and lists clients', async () => {
    const env = schemaEnv();
    const refused = await runHubCommand(['serve', '--port', '0'], env);
    expect(refused.code).toBe(1);
    // The schema version the hub needs is its last migration's, whatever the count: one landed beside another made this
    // test's fixed number wrong.
    expect(refused.stderr).toMatch(
      new RegExp(`version 0; this hub needs ${pgMigrations.length}\\..*npm run hub -- migrate`, 's'),
    );
    expect(refused.stdout).toBe('');

    const migrated = await runHubCommand(['migrate'], env);
    expect(migrated).toMatchObject({
      code: 0,
      stdout: `migrated the postgres schema from version 0 to ${pgMigrations.length}\n`,
    });
    expect((await runHubCommand(['migrate'], env)).stdout).toBe(
      `the postgres schema is up to date (version ${pgMigrations.length})\n`,
    );

    const hub: HubProcess = await startHubOnStore(env, ['--store', env.SWHUB_STORE ?? '']);
    cleanups.push(() => hub.stop('SIGKILL'));
    const health = healthSchema.parse(await (await fetch(`${hub.url}/v1/health`)).json());
    expect(health.store).toMatchObject({ kind: 'postgres', schemaVersion: pgMigrations.length });

    const code = await runHubCommand(['enroll-code'], env);
    expect(code.stdout).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}\n$/);
    const list = await runHubCommand(['clients', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toEqual([]);
    // SIGTERM: it drains and exits 0.
    expect(await hub.stop('SIGTERM')).toBe(0);
  }, 120_000);

  it('runs workers only on PostgreSQL, and hubs without their processor only where workers can run', async () => {
    const worker = await runHubCommand(['worker', '--data', '/tmp/none']);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/worker needs a PostgreSQL store/);
    const hub = await runHubCommand(['serve', '--data', '/tmp/none'], { SWHUB_PROCESSOR_IN_HUB: 'off' });
    expect(hub.code).toBe(2);
    expect(hub.stderr).toMatch(/inHub off needs a PostgreSQL store/);
    const neither = await runHubCommand(['migrate'], { SWHUB_DATA: '', SWHUB_STORE: '' });
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/--data <dir>.*--store postgres/s);
  }, 120_000);
});
