import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTarget, stale } from './run-built.mjs';

// npm run serve / hub / cli start from a bundle built once, not from TypeScript compiled at every start; the
// bundle is built again when a file it was made from changes, so a checkout never runs stale code.
describe('commands started from built JavaScript', { timeout: 120_000 }, () => {
  const temps: string[] = [];
  afterEach(() => temps.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('builds a bundle once, and again when a file it imports is newer', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-built-'));
    temps.push(dir);
    fs.writeFileSync(path.join(dir, 'entry.ts'), "import { word } from './word';\nconsole.log(word);\n");
    fs.writeFileSync(path.join(dir, 'word.ts'), "export const word: string = 'first';\n");
    const target = { entry: path.join(dir, 'entry.ts'), out: path.join(dir, 'out', 'entry.mjs') };
    expect(stale(target)).toBe(true);
    await buildTarget(target);
    expect(stale(target)).toBe(false);
    expect(spawnSync(process.execPath, [target.out], { encoding: 'utf8' }).stdout).toBe('first\n');

    fs.writeFileSync(path.join(dir, 'word.ts'), "export const word: string = 'second';\n");
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(dir, 'word.ts'), later, later);
    expect(stale(target)).toBe(true);
    await buildTarget(target);
    expect(spawnSync(process.execPath, [target.out], { encoding: 'utf8' }).stdout).toBe('second\n');
  });

  it('loads what only some paths need (a dynamic import) only on those paths, and drops chunks a rebuild replaced', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-built-split-'));
    temps.push(dir);
    // A dependency (left in node_modules, as every bundle leaves them) says when it is loaded; only the heavy
    // path imports it. In a one-file bundle its import would sit at the top and load on every path.
    fs.mkdirSync(path.join(dir, 'node_modules', 'loud'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'loud', 'package.json'), '{"name":"loud","main":"index.js"}');
    fs.writeFileSync(path.join(dir, 'node_modules', 'loud', 'index.js'), "console.log('loud loaded');\n");
    fs.writeFileSync(path.join(dir, 'heavy.ts'), "import 'loud';\nexport const heavy = 'h1';\n");
    fs.writeFileSync(
      path.join(dir, 'entry.ts'),
      "if (process.argv[2] === 'heavy') console.log((await import('./heavy')).heavy);\nelse console.log('light');\n",
    );
    const target = { entry: path.join(dir, 'entry.ts'), out: path.join(dir, 'out', 'entry.mjs') };
    await buildTarget(target);
    const run = (...args: string[]) => spawnSync(process.execPath, [target.out, ...args], { encoding: 'utf8' }).stdout;
    expect(run()).toBe('light\n');
    expect(run('heavy')).toBe('loud loaded\nh1\n');
    const chunks = () => fs.readdirSync(path.join(dir, 'out')).filter((f) => f.startsWith('entry.chunk.'));
    const first = chunks();
    expect(first).toHaveLength(1);

    fs.writeFileSync(path.join(dir, 'heavy.ts'), "import 'loud';\nexport const heavy = 'h2';\n");
    await buildTarget(target);
    expect(run('heavy')).toBe('loud loaded\nh2\n');
    expect(chunks()).toHaveLength(1);
    expect(chunks()).not.toEqual(first);
  });

  it('runs the hub command and the CLI from their bundles', () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-built-hub-'));
    temps.push(data);
    const hub = spawnSync(process.execPath, ['scripts/run-built.mjs', 'hub', 'enroll-code', '--data', data], {
      encoding: 'utf8',
    });
    expect(hub.stderr).toBe('');
    expect(hub.stdout.trim()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const cli = spawnSync(
      process.execPath,
      ['scripts/run-built.mjs', 'cli', 'validate', 'resources/samples/import-general-trade.json'],
      { encoding: 'utf8' },
    );
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ findings: [] });
    const wrong = spawnSync(process.execPath, ['scripts/run-built.mjs', 'nothing'], { encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('usage: node scripts/run-built.mjs serve|hub|cli');
  });
});
