import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { tempDir } from '../test-support/hub/in-process';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function file(content: string): string {
  const d = tempDir('swhub-config-');
  dirs.push(d);
  const f = path.join(d, 'hub.json');
  fs.writeFileSync(f, content);
  return f;
}

describe('hub configuration', () => {
  it('has defaults: loopback, a few seconds per receipt, 7-day codes', () => {
    const config = loadConfig();
    expect(config).toMatchObject({
      host: '127.0.0.1',
      enrollmentCodeTtlDays: 7,
      maxWaitSeconds: 30,
      processor: { enabled: true, stepDelayMs: 3000, rules: [] },
    });
  });

  it('layers file, then environment, then flags', () => {
    const f = file(
      JSON.stringify({
        port: 9000,
        processor: { stepDelayMs: 500, stepDelays: { P: 9000 }, seed: 'file' },
        log: { level: 'warn' },
      }),
    );
    const config = loadConfig({
      file: f,
      env: { SWHUB_STEP_DELAY_MS: '0', SWHUB_SEED: 'env', SWHUB_PROCESSOR: 'on' },
      overrides: { port: 0 },
    });
    expect(config.port).toBe(0);
    expect(config.processor).toMatchObject({ stepDelayMs: 0, stepDelays: { P: 9000 }, seed: 'env', enabled: true });
    expect(config.log.level).toBe('warn');
  });

  it('refuses unknown keys, wrong types, bad JSON, bad regexes and bad environment values, naming them', () => {
    expect(() => loadConfig({ file: file('{"prot": 1}') })).toThrow(/prot/);
    expect(() => loadConfig({ file: file('{"processor": {"stepDelayMs": "fast"}}') })).toThrow(
      /processor\.stepDelayMs/,
    );
    expect(() => loadConfig({ file: file('{ nope') })).toThrow(/not valid JSON/);
    expect(() => loadConfig({ file: '/nonexistent/hub.json' })).toThrow(/Cannot read the config file/);
    expect(() => loadConfig({ file: file('{"processor": {"rules": [{"id": "r", "channel": "X"}]}}') })).toThrow(
      ConfigError,
    );
    expect(() =>
      loadConfig({
        file: file(
          '{"processor": {"rules": [{"id": "r", "channel": "C", "when": [{"path": "head.A", "matches": "("}]}]}}',
        ),
      }),
    ).toThrow(/regular expression/);
    expect(() => loadConfig({ env: { SWHUB_STEP_DELAY_MS: 'soon' } })).toThrow(/SWHUB_STEP_DELAY_MS/);
    expect(() => loadConfig({ env: { SWHUB_PROCESSOR: 'maybe' } })).toThrow(/SWHUB_PROCESSOR/);
  });

  it('names the store by file, environment or flag: SQLite in dataDir unless a postgres:// URL is given', () => {
    expect(loadConfig().store).toEqual({ schema: 'public', poolSize: 10 });
    const f = file(JSON.stringify({ store: { url: 'postgres://hub@db:5432/swhub', poolSize: 20 } }));
    expect(loadConfig({ file: f }).store).toEqual({
      url: 'postgres://hub@db:5432/swhub',
      schema: 'public',
      poolSize: 20,
    });
    const env = {
      SWHUB_STORE: 'postgresql://hub@db2/swhub',
      SWHUB_STORE_SCHEMA: 'hub_a',
      SWHUB_PROCESSOR_IN_HUB: 'off',
    };
    const fromEnv = loadConfig({ file: f, env });
    expect(fromEnv.store).toEqual({ url: 'postgresql://hub@db2/swhub', schema: 'hub_a', poolSize: 20 });
    expect(fromEnv.processor.inHub).toBe(false);
    const flag = loadConfig({ file: f, env, overrides: { store: { url: 'postgres://hub@db3/x' } } });
    expect(flag.store.url).toBe('postgres://hub@db3/x');
    expect(() => loadConfig({ env: { SWHUB_STORE: 'mysql://db/x' } })).toThrow(/store\.url.*postgres:\/\//);
    expect(() => loadConfig({ env: { SWHUB_STORE_SCHEMA: 'Bad-Name' } })).toThrow(/store\.schema/);
    expect(() => loadConfig({ env: { SWHUB_STORE_POOL_SIZE: '0' } })).toThrow(/store\.poolSize/);
  });
});
