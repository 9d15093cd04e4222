import fs from 'node:fs';
import path from 'node:path';
import type { DeskProblem, MethodParsedInput, ReasonMessage, ReopenResult } from '../../shared/api';
import { AppError, causeParams, reasonIssue, reasonMessage } from '../../shared/api';
import type { App, AppOptions } from '../composition';
import { appVersion, createApp } from '../composition';
import type { Dispatch } from '../core/api/dispatch';
import type { HostHandlers } from '../core/admin/host-handlers';
import {
  backupDirOf,
  checkDatabaseFile,
  DATABASE_FILE,
  listBackups,
  settleJournal,
  swapInBackup,
} from '../core/backup/backup-files';
import { attachmentBlobDir, createBlobStore } from '../core/attachments/blob-store';
import { dropCarriedFiles, takeInCarriedFiles } from '../core/backup/backup-attachments';
import type { EventListener } from '../core/events';
import { problemOf } from '../core/recovery/open-errors';
import { ensureWritableFolder } from '../core/recovery/startup-checks';
import { openDatabase } from '../db/connection';
import { latestVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import type { LogFiles } from '../logging/log-file';
import { rememberDataDir, resolveDataDir } from './data-location';
import { restoreMissingKey, startWithNewKey } from './key-recovery';
import type { RecoveryApp } from './recovery-app';
import { createRecoveryApp } from './recovery-app';

export type FilePurpose = MethodParsedInput<'files.pick'>['purpose'];

export interface DeskOptions extends Omit<AppOptions, 'dataDir' | 'logger' | 'readOnly' | 'hostHandlers' | 'logs'> {
  /** The default data folder (or the one given with --data). */
  homeDir: string;
  /** Where a folder the user chose is remembered; without it a choice lasts until the app closes. */
  locationFile?: string;
  logs: LogFiles;
  /** A native dialog (Electron); the browser host has none and the renderer asks for a path. */
  pickFile?: (purpose: FilePurpose, suggested: string) => Promise<string | null>;
}

export interface Desk {
  dispatch: Dispatch;
  /** Settles once the data is open and the OS keychain has answered about the active key (state() is final). */
  ready: Promise<void>;
  subscribe(listener: EventListener): () => void;
  start(): void;
  close(): Promise<void>;
  state(): { mode: ReopenResult['mode']; problem: DeskProblem | null; dataDir: string };
}

type Current =
  | { mode: 'normal' | 'read-only'; app: App; problem: DeskProblem | null }
  | { mode: 'recovery'; app: RecoveryApp; problem: DeskProblem };

/**
 * The host both shells run: it opens the data through createApp and, when that fails, serves
 * a recovery app instead (main/desk/recovery-app.ts) — never a stack trace. It also owns what
 * reopens the data: restoring a backup, moving to another folder, and the recovery actions.
 * The shells only carry its dispatch and events.
 */
export function openDesk(options: DeskOptions): Desk {
  const { logs } = options;
  const logger = logs.logger;
  const supported = latestVersion(migrations);
  const now = () => new Date(options.clock?.now() ?? Date.now());
  let dataDir = resolveDataDir(options.homeDir, options.locationFile);
  // The logs live with the data, also in a folder chosen earlier.
  if (path.resolve(dataDir) !== path.resolve(options.homeDir)) logs.moveTo(dataDir);
  const listeners = new Set<EventListener>();
  let unsubscribe: (() => void) | null = null;
  let started = false;
  let current: Current;
  let switching: Promise<unknown> = Promise.resolve();

  function appOptions(): AppOptions {
    const { homeDir: _home, locationFile: _location, logs: _logs, pickFile: _pick, ...rest } = options;
    return { ...rest, dataDir, logger, hostHandlers, logs };
  }

  function attach(next: Current): void {
    current = next;
    unsubscribe?.();
    unsubscribe = null;
    if (next.mode !== 'recovery') {
      const app = next.app;
      unsubscribe = app.subscribe((event, payload) => {
        for (const listener of listeners) listener(event, payload);
      });
      if (started) app.start();
    }
    logger.info('data opened', { mode: next.mode, dataDir, problem: next.problem?.kind ?? null });
  }

  function recovery(problem: DeskProblem): Current {
    logger.error('the data could not be opened; recovery mode', { dataDir, problem });
    return {
      mode: 'recovery',
      problem,
      app: createRecoveryApp({ problem, dataDir, host: options.host, appVersion, logger, logs, hostHandlers, now }),
    };
  }

  function openNormal(): Current {
    try {
      return { mode: 'normal', app: createApp(appOptions()), problem: null };
    } catch (error) {
      return recovery(problemOf(error));
    }
  }

  /**
   * Opens the data, then asks the OS keychain whether it still opens the active key (its API is
   * asynchronous, so this comes right after): a keychain that refuses it is a missing key.
   */
  async function openAndCheckKeys(): Promise<void> {
    attach(openNormal());
    await checkKeys();
  }

  async function checkKeys(): Promise<void> {
    if (current.mode !== 'normal') return;
    try {
      await current.app.ready();
    } catch (error) {
      await closeCurrent();
      attach(recovery(problemOf(error)));
    }
  }

  async function closeCurrent(): Promise<void> {
    unsubscribe?.();
    unsubscribe = null;
    if (current.mode !== 'recovery') await current.app.close();
  }

  /** Runs one reopening at a time: two clicks on "restore" never interleave. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = switching.then(work, work);
    switching = run.catch(() => undefined);
    return run;
  }

  async function reopen(note: ReasonMessage | null = null): Promise<ReopenResult> {
    await closeCurrent();
    await openAndCheckKeys();
    return { mode: current.mode, dataDir, note };
  }

  function requireProblem(): DeskProblem {
    if (!current.problem) throw new AppError('desk.nothing-to-recover');
    return current.problem;
  }

  function checkedBackup(file: string): void {
    const check = checkDatabaseFile(file, { supported, thorough: true });
    if (!check.ok)
      throw new AppError('desk.backup-unusable', {
        file: path.basename(file),
        check: check.reason,
        detail: check.detail,
      });
  }

  async function restore(file: string): Promise<ReopenResult> {
    checkedBackup(file);
    // The attached files it carries, each checked against its SHA-256 before any is kept or the database replaced.
    const filesTaken = takeInCarriedFiles(file, path.basename(file), createBlobStore(attachmentBlobDir(dataDir)));
    await closeCurrent();
    let keptAs: string | null;
    try {
      ({ keptAs } = swapInBackup(dataDir, file, now()));
    } catch (error) {
      await openAndCheckKeys();
      throw error;
    }
    dropCarriedFiles(path.join(dataDir, DATABASE_FILE));
    logger.warn('backup restored', { backup: path.basename(file), keptAs, filesTaken });
    await openAndCheckKeys();
    return {
      mode: current.mode,
      dataDir,
      note: keptAs ? reasonMessage('desk.replaced-kept', { folder: keptAs }) : null,
    };
  }

  /** Works on the closed database file, then reopens it (the missing-key actions). */
  async function withClosedDatabase<T>(
    work: (db: ReturnType<typeof openDatabase>) => T | Promise<T>,
  ): Promise<ReopenResult> {
    await closeCurrent();
    try {
      const db = openDatabase(path.join(dataDir, DATABASE_FILE), { logger });
      try {
        await work(db);
      } finally {
        db.close();
      }
    } catch (error) {
      await openAndCheckKeys();
      throw error;
    }
    await openAndCheckKeys();
    return { mode: current.mode, dataDir, note: null };
  }

  async function chooseFolder(target: string, copyData: boolean): Promise<ReopenResult> {
    const folder = path.resolve(target);
    if (folder === path.resolve(dataDir))
      throw new AppError('desk.folder-in-use', { folder }, [reasonIssue('path', 'desk.folder-in-use', { folder })]);
    try {
      ensureWritableFolder(folder);
    } catch (error) {
      const params = { folder, ...causeParams(error) };
      throw new AppError('desk.folder-unwritable', params, [reasonIssue('path', 'desk.folder-unwritable', params)]);
    }
    const targetFile = path.join(folder, DATABASE_FILE);
    if (copyData) {
      if (current.mode === 'recovery') throw new AppError('desk.cannot-copy-unopened');
      if (fs.existsSync(targetFile))
        throw new AppError('desk.folder-has-data', { folder }, [
          reasonIssue('path', 'desk.folder-has-data', { folder }),
        ]);
      const partial = `${targetFile}.partial`;
      try {
        await current.app.db.backup(partial);
        settleJournal(partial);
        fs.renameSync(partial, targetFile);
      } finally {
        fs.rmSync(partial, { force: true });
      }
    }
    const note = rememberDataDir(options.locationFile, folder);
    await closeCurrent();
    const previous = dataDir;
    dataDir = folder;
    logs.moveTo(folder);
    await openAndCheckKeys();
    logger.info('data folder changed', { from: previous, to: folder, copied: copyData });
    return {
      mode: current.mode,
      dataDir,
      // That the folder is not remembered matters more than where the copied data stayed.
      note: note ?? (copyData ? reasonMessage('desk.data-left', { folder: previous }) : null),
    };
  }

  const hostHandlers: HostHandlers = {
    'desk.chooseFolder': ({ path: target, copyData }) => exclusive(() => chooseFolder(target, copyData)),
    'backup.restore': ({ name }) =>
      exclusive(async () => {
        const file = path.join(backupDirOf(dataDir), name);
        if (!listBackups(backupDirOf(dataDir)).some((b) => b.name === name))
          throw new AppError('desk.no-such-backup', { name });
        return restore(file);
      }),
    'files.pick': async ({ purpose }) => {
      const suggested =
        purpose === 'data-folder'
          ? dataDir
          : path.join(dataDir, 'exports', `swdesk-${now().toISOString().slice(0, 10)}.swdx`);
      if (!options.pickFile) return { supported: false, path: null, suggested };
      return { supported: true, path: await options.pickFile(purpose, suggested), suggested };
    },
    'recovery.retry': () =>
      exclusive(() => {
        requireProblem();
        return reopen();
      }),
    'recovery.restoreLatest': ({ name }) =>
      exclusive(async () => {
        requireProblem();
        const candidates = listBackups(backupDirOf(dataDir)).filter((b) => name === undefined || b.name === name);
        const reasons: string[] = [];
        for (const candidate of candidates) {
          const file = path.join(backupDirOf(dataDir), candidate.name);
          const check = checkDatabaseFile(file, { supported, thorough: true });
          if (check.ok) return restore(file);
          reasons.push(`${candidate.name}: ${check.detail}`);
        }
        if (candidates.length === 0) throw new AppError('desk.no-backups', { folder: backupDirOf(dataDir) });
        throw new AppError('desk.no-good-backup', { detail: reasons.join('; ') });
      }),
    'recovery.openReadOnly': () =>
      exclusive(async () => {
        const problem = requireProblem();
        if (current.mode === 'read-only') return { mode: current.mode, dataDir, note: null };
        await closeCurrent();
        try {
          attach({ mode: 'read-only', app: createApp({ ...appOptions(), readOnly: { problem } }), problem });
        } catch (error) {
          attach(recovery(problem));
          throw new AppError('desk.cannot-open-read-only', causeParams(error));
        }
        return { mode: current.mode, dataDir, note: null };
      }),
    'recovery.importKey': ({ algorithm, privateKey, passphrase }) =>
      exclusive(async () => {
        const problem = requireProblem();
        if (problem.kind !== 'missing-key') throw new AppError('desk.no-missing-key');
        const protector = options.protector;
        if (passphrase !== undefined) protector.setPassphrase(passphrase);
        return withClosedDatabase((db) =>
          restoreMissingKey(db, {
            algorithm,
            privateKey,
            missingKeyIds: problem.missingKeyIds ?? [],
            protector,
            at: now().toISOString(),
          }),
        );
      }),
    'recovery.newKey': () =>
      exclusive(async () => {
        const problem = requireProblem();
        if (problem.kind !== 'missing-key') throw new AppError('desk.no-missing-key');
        let returned: string[] = [];
        const result = await withClosedDatabase((db) => {
          returned = startWithNewKey(db, {
            missingKeyIds: problem.missingKeyIds ?? [],
            at: now().toISOString(),
          }).returnedToDraft;
        });
        return {
          ...result,
          note: returned.length > 0 ? reasonMessage('desk.returned-to-drafts', { seqNos: returned.join(', ') }) : null,
        };
      }),
  };

  attach(openNormal());
  // The keychain's answer about the active key comes asynchronously; calls wait for it.
  const opening = exclusive(checkKeys);

  return {
    dispatch: async (method, input) => {
      await opening;
      return current.app.dispatch(method, input);
    },
    ready: opening,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      started = true;
      if (current.mode !== 'recovery') current.app.start();
    },
    async close() {
      started = false;
      await switching;
      await closeCurrent();
    },
    state: () => ({ mode: current.mode, problem: current.problem, dataDir }),
  };
}
