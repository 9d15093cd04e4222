import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import type { ApiError, MethodInput, MethodName, MethodOutput, PatchOp } from '../../shared/api';
import type { ProfileInput } from '../../shared/profiles/profile-check';
import { createPassphraseProtector } from '../../main/core/signing/key-protector';
import type { Desk, DeskOptions } from '../../main/desk/open-desk';
import { openDesk } from '../../main/desk/open-desk';
import { createLogFiles } from '../../main/logging/log-file';
import { tempDir } from './temp-dir';

export const PASSPHRASE = 'correct horse battery';

/** A desk (the host both shells run) over temporary folders; `call` throws the contract error. */
export function deskFixture() {
  const temp = tempDir('swdesk-desk-');
  const desks: Desk[] = [];
  const logs = createLogFiles(path.join(temp.dir, 'log-home'));

  function open(homeDir = path.join(temp.dir, 'data'), extra: Partial<DeskOptions> = {}): Desk {
    const desk = openDesk({
      homeDir,
      host: 'browser',
      protector: createPassphraseProtector(PASSPHRASE),
      logs,
      ...extra,
    });
    desks.push(desk);
    return desk;
  }

  async function call<M extends MethodName>(desk: Desk, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await desk.dispatch(method, input);
    if (!result.ok)
      throw Object.assign(new Error(result.error.message), { code: result.error.code, issues: result.error.issues });
    return result.value as MethodOutput<M>;
  }

  /** The refusal as it crosses the contract: its code, English, reason and parameters (a detail for support). */
  async function failure(desk: Desk, method: MethodName, input: unknown): Promise<ApiError> {
    const result = await desk.dispatch(method, input);
    if (result.ok) throw new Error(`${method} was expected to fail`);
    return result.error;
  }

  /** A new import declaration on `desk` (its operator set up) with `ops` applied to it; returns its id. */
  async function draft(desk: Desk, ops: PatchOp[]): Promise<string> {
    const { id, revision } = await call(desk, 'declarations.create', { ieFlag: 'I' });
    await call(desk, 'declarations.update', { id, baseRevision: revision, ops });
    return id;
  }

  return {
    dir: temp.dir,
    dataDir: path.join(temp.dir, 'data'),
    open,
    call,
    failure,
    draft,
    /** Runs raw SQL on a (closed) database file, as a test that damages data on purpose does. */
    raw(file: string, work: (db: Database.Database) => void): void {
      const db = new Database(file);
      try {
        work(db);
      } finally {
        db.close();
      }
    },
    sha256(file: string): string {
      return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    },
    async cleanup() {
      for (const desk of desks) await desk.close();
      logs.close();
      temp.cleanup();
    },
  };
}

export type DeskFixture = ReturnType<typeof deskFixture>;

/** A fresh desk fixture for each test of the enclosing describe, handed to `opened`; cleaned up after the test. */
export function eachDeskFixture(opened: (f: DeskFixture) => unknown): void {
  let f: DeskFixture | undefined;
  beforeEach(() => {
    f = deskFixture();
    opened(f);
  });
  afterEach(() => f?.cleanup());
}

/** Two machines' data folders in a fixture's folder and the .swdx archive carried from the first to the second. */
export function twoMachines(f: () => DeskFixture) {
  return {
    machineA: () => path.join(f().dir, 'machine-a'),
    machineB: () => path.join(f().dir, 'machine-b'),
    archive: () => path.join(f().dir, 'everything.swdx'),
  };
}

/** A desk fixture's desk opened with `operator` set up, as most tests through the contract begin. */
export async function deskWithOperator(
  operator: ProfileInput,
  extra: Partial<DeskOptions> = {},
): Promise<{ f: DeskFixture; desk: Desk }> {
  const f = deskFixture();
  const desk = f.open(f.dataDir, extra);
  await f.call(desk, 'profiles.create', operator);
  return { f, desk };
}
