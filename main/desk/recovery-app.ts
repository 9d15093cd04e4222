import path from 'node:path';
import type { DeskProblem } from '../../shared/api';
import { AppError, DEFAULT_ATTACHMENT_LIMIT_MB, defaultUiState, methodNames } from '../../shared/api';
import type { Handlers, Dispatch } from '../core/api/dispatch';
import { createDispatch } from '../core/api/dispatch';
import type { HostHandlers } from '../core/admin/host-handlers';
import { backupDirOf, DATABASE_FILE, headerVersion, listBackups } from '../core/backup/backup-files';
import { defaultBackupSettings } from '../core/backup/backup-service';
import { collectDiagnostics } from '../core/diagnostics/collect';
import type { Logger } from '../logging/logger';
import type { LogSource } from '../core/admin/handlers';

export interface RecoveryApp {
  dispatch: Dispatch;
}

/**
 * What the shells serve when the data could not be opened: the renderer and a minimal contract,
 * so the user sees a screen that says what happened and can act — restore a backup, open
 * read-only, choose another folder, put a key back — instead of a stack trace. Every other
 * method answers RECOVERY_MODE; nothing here touches the database.
 */
export function createRecoveryApp(input: {
  problem: DeskProblem;
  dataDir: string;
  host: 'electron' | 'browser';
  appVersion: string;
  logger: Logger;
  logs?: LogSource;
  hostHandlers: HostHandlers;
  now: () => Date;
}): RecoveryApp {
  const backupDir = backupDirOf(input.dataDir);
  const refuse = (): never => {
    throw new AppError('desk.recovery-first', { problem: input.problem.kind });
  };
  const handlers: Record<string, unknown> = Object.fromEntries(methodNames.map((m) => [m, refuse]));
  const logDir = () => input.logs?.dir() ?? path.join(input.dataDir, 'logs');
  const overrides: Partial<Handlers> = {
    'app.info': () => ({
      name: 'SW Desk',
      version: input.appVersion,
      host: input.host,
      dataDir: input.dataDir,
      schemaVersion: headerVersion(path.join(input.dataDir, DATABASE_FILE)) ?? 0,
    }),
    'desk.status': () => ({
      mode: 'recovery',
      problem: input.problem,
      dataDir: input.dataDir,
      needsSetup: false,
      latestBackup: listBackups(backupDir)[0] ?? null,
    }),
    'backup.list': () => listBackups(backupDir),
    'settings.get': () => ({
      backup: defaultBackupSettings,
      review: { required: false },
      attachments: {
        maxFileMb: DEFAULT_ATTACHMENT_LIMIT_MB,
        hubMaxFileMb: null,
        inForceMb: DEFAULT_ATTACHMENT_LIMIT_MB,
      },
      dataDir: input.dataDir,
      backupDir,
      logDir: logDir(),
    }),
    // The renderer reads where it was before showing anything; in recovery it starts from the defaults.
    'ui.getState': () => defaultUiState,
    'diagnostics.get': () => ({
      text: collectDiagnostics({
        app: { name: 'SW Desk', version: input.appVersion, host: input.host, mode: 'recovery' },
        problem: input.problem,
        dataDir: input.dataDir,
        logDir: logDir(),
        backupDir,
        db: null,
        sync: () => 'not started (recovery mode)',
        keys: () => 'not opened (recovery mode)',
        backups: () => listBackups(backupDir).slice(0, 10),
        recentProblems: () => input.logs?.recentProblems() ?? [],
        now: input.now,
      }),
    }),
    ...input.hostHandlers,
  };
  Object.assign(handlers, overrides);
  return { dispatch: createDispatch(handlers as Handlers, input.logger) };
}
