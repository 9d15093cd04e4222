import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { problemOf } from '../core/recovery/open-errors';
import { openSqlite, useSqliteBinding } from '../db/sqlite';
import { electronBindingPath, loadSqliteBinding, moduleVersionOf } from './sqlite-binding';

// The real native part of better-sqlite3 (the Node build in node_modules) stands for the Electron build,
// which cannot be made on these machines; a copy of it relabelled with Electron 45's ABI is a module of
// the wrong ABI, byte for byte what a Node build looks like to Electron.
const nodeBuild = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const nodeAbi = Number(process.versions.modules);
const electronAbi = Number(fs.readFileSync('node_modules/electron/abi_version', 'utf8').trim());

describe('the Electron binding of SQLite', () => {
  const temps: string[] = [];
  afterEach(() => {
    useSqliteBinding(undefined);
    temps.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  });
  function temp(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-binding-'));
    temps.push(dir);
    return dir;
  }

  it('reads the ABI a native module was built for from its entry point name', () => {
    expect(moduleVersionOf(fs.readFileSync(nodeBuild))).toBe(nodeAbi);
    expect(moduleVersionOf(Buffer.from('not a native module'))).toBeNull();
  });

  it('is looked for in dist/native of a checkout, and beside app.asar in an installed app', () => {
    expect(electronBindingPath({ isPackaged: false, getAppPath: () => '/src/swdesk' })).toBe(
      path.join('/src/swdesk', 'dist', 'native', 'better_sqlite3.node'),
    );
    expect(electronBindingPath({ isPackaged: true, getAppPath: () => '/opt/SW Desk/resources/app.asar' })).toBe(
      path.join('/opt/SW Desk/resources/app.asar.unpacked', 'dist', 'native', 'better_sqlite3.node'),
    );
  });

  it('loads a module of the running ABI, and every database then opens with it', () => {
    const dir = temp();
    const chosen = loadSqliteBinding({ file: nodeBuild, required: nodeAbi, runtime: 'node', packaged: false });
    expect(chosen).toEqual({ file: nodeBuild });
    useSqliteBinding(chosen);
    const db = openSqlite(path.join(dir, 'a.sqlite'));
    expect(db.prepare('SELECT sqlite_version() AS v').get()).toEqual({ v: expect.stringMatching(/^3\./) });
    db.close();
  });

  it('refuses a module built for another ABI before loading it, and names both versions', () => {
    const dir = temp();
    const wrong = path.join(dir, 'better_sqlite3.node');
    const bytes = fs.readFileSync(nodeBuild);
    const relabelled = Buffer.from(
      bytes.toString('latin1').replaceAll(`node_register_module_v${nodeAbi}`, `node_register_module_v${electronAbi}`),
      'latin1',
    );
    fs.writeFileSync(wrong, relabelled);
    const chosen = loadSqliteBinding({ file: wrong, required: nodeAbi, runtime: 'electron', packaged: true });
    expect('error' in chosen && chosen.error.message).toBe(
      `SQLite's native component ${wrong} was built for module version ${electronAbi}, but electron needs ${nodeAbi}`,
    );
    useSqliteBinding(chosen);
    let thrown: unknown;
    try {
      openSqlite(path.join(dir, 'a.sqlite'));
    } catch (error) {
      thrown = error;
    }
    expect(problemOf(thrown)).toMatchObject({
      kind: 'sqlite-binding',
      binding: { file: wrong, found: electronAbi, required: nodeAbi, runtime: 'electron', packaged: true },
    });
    expect(fs.existsSync(path.join(dir, 'a.sqlite'))).toBe(false);
  });

  it('says the component is missing, and what it is, when the file is not there or not a module', () => {
    const dir = temp();
    const missing = loadSqliteBinding({
      file: path.join(dir, 'better_sqlite3.node'),
      required: nodeAbi,
      runtime: 'electron',
      packaged: false,
    });
    expect(problemOf('error' in missing ? missing.error : null)).toMatchObject({
      kind: 'sqlite-binding',
      detail: expect.stringContaining('does not exist'),
      binding: { found: null, packaged: false },
    });
    const garbage = path.join(dir, 'garbage.node');
    fs.writeFileSync(garbage, 'not a shared object');
    const refused = loadSqliteBinding({ file: garbage, required: nodeAbi, runtime: 'electron', packaged: false });
    expect('error' in refused && refused.error.message).toMatch(/^SQLite's native component .* cannot be loaded: /);
  });
});
