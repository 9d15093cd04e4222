import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundle, entryArgs } from './test-bundles.mjs';

// Tests start their processes from bundles made once per run; a bundle is made again exactly when the content of a
// file it was made from changes (not its time), so a run never starts code older than the checkout.
describe('test bundles', { timeout: 60_000 }, () => {
  const temps: string[] = [];
  afterEach(() => temps.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const options = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external' };

  it('reuses a bundle while its sources hold the same content, and makes a new one when one changes', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-bundles-'));
    temps.push(root);
    const word = path.join(root, 'word.ts');
    fs.writeFileSync(path.join(root, 'entry.ts'), "import { word } from './word';\nconsole.log(word);\n");
    fs.writeFileSync(word, "export const word: string = 'first';\n");
    const target = { entry: 'entry.ts', options };
    const run = (file: string) => spawnSync(process.execPath, [file], { encoding: 'utf8' }).stdout;

    const first = await bundle('entry', target, root);
    expect(first.built).toBe(true);
    expect(run(first.file)).toBe('first\n');
    // Touched but unchanged: the same bundle.
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(word, later, later);
    expect(await bundle('entry', target, root)).toEqual({ file: first.file, built: false });

    // Changed, with a time older than the bundle's: made again, under another name.
    fs.writeFileSync(word, "export const word: string = 'second';\n");
    const earlier = new Date(Date.now() - 3_600_000);
    fs.utimesSync(word, earlier, earlier);
    const second = await bundle('entry', target, root);
    expect(second.built).toBe(true);
    expect(second.file).not.toBe(first.file);
    expect(run(second.file)).toBe('second\n');
    // The earlier bundle stays for a run that may still be starting it.
    expect(fs.existsSync(first.file)).toBe(true);
  });

  it('makes its own bundle in a checkout whose node_modules (with its cache) was copied from another', async () => {
    const first = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-bundles-'));
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-bundles-'));
    temps.push(first, copy);
    for (const root of [first, copy]) fs.writeFileSync(path.join(root, 'entry.ts'), 'console.log(import.meta.url);\n');
    const target = { entry: 'entry.ts', options };
    const made = await bundle('entry', target, first);
    fs.cpSync(path.join(first, 'node_modules'), path.join(copy, 'node_modules'), { recursive: true });
    // The same sources, the cache copied: still a bundle under the copy, which finds the copy's files from its path.
    const own = await bundle('entry', target, copy);
    expect(own.built).toBe(true);
    expect(path.dirname(own.file)).toBe(path.join(copy, 'dist/test-bundles'));
    expect(own.file).not.toBe(made.file);
  });

  it('starts an entry from the bundle the set-up named, else from its TypeScript through tsx', () => {
    const saved = process.env.SWDESK_TEST_BUNDLES;
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-bundles-'));
    temps.push(root);
    const hub = path.join(root, 'hub-0.mjs');
    fs.writeFileSync(hub, '');
    try {
      process.env.SWDESK_TEST_BUNDLES = JSON.stringify({ hub });
      expect(entryArgs('hub')).toEqual([hub]);
      expect(entryArgs('serve')).toEqual(['--import', 'tsx', path.resolve('main/serve/cli.ts')]);
      delete process.env.SWDESK_TEST_BUNDLES;
      expect(entryArgs('hub')).toEqual(['--import', 'tsx', path.resolve('hub/cli.ts')]);
    } finally {
      if (saved === undefined) delete process.env.SWDESK_TEST_BUNDLES;
      else process.env.SWDESK_TEST_BUNDLES = saved;
    }
  });

  it('starts a CommonJS bundle through V8 code cache kept beside it, written again when V8 rejects it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-bundles-'));
    temps.push(root);
    const file = path.join(root, 'worker-0.cjs');
    // What a bundle sees: its own file as the main module, its arguments from argv[2], require beside it.
    fs.writeFileSync(
      file,
      "const p = require('node:path');\nconsole.log(require.main === module, p.basename(process.argv[1]), process.argv.slice(2).join(','), p.basename(__filename));\n",
    );
    const run = () =>
      spawnSync(process.execPath, [path.resolve('scripts/run-with-code-cache.cjs'), file, 'a', 'b'], {
        encoding: 'utf8',
      });
    const cache = `${file}.v8-cache`;
    expect(run().stdout).toBe('true worker-0.cjs a,b worker-0.cjs\n');
    const written = fs.readFileSync(cache);
    expect(written.length).toBeGreaterThan(0);
    // Accepted: read, not written again.
    expect(run().stdout).toBe('true worker-0.cjs a,b worker-0.cjs\n');
    expect(fs.readFileSync(cache).equals(written)).toBe(true);
    // A cache of other code is rejected and replaced; the bundle still runs.
    fs.writeFileSync(cache, Buffer.from('not a code cache'));
    expect(run().stdout).toBe('true worker-0.cjs a,b worker-0.cjs\n');
    const rewritten = fs.readFileSync(cache);
    expect(rewritten.toString('latin1')).not.toContain('not a code cache');
    expect(run().stdout).toBe('true worker-0.cjs a,b worker-0.cjs\n');
    expect(fs.readFileSync(cache).equals(rewritten)).toBe(true);
  });
});
