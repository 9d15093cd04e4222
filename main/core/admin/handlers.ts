import path from 'node:path';
import type { DeskProblem, DeskSettings } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import type { Db } from '../../db/connection';
import { schemaVersion } from '../../db/migrate';
import type { Handlers } from '../api/dispatch';
import type { ArchiveService } from '../archive/archive-service';
import type { AttachmentLimit } from '../attachments/attachment-limit';
import type { BackupService } from '../backup/backup-service';
import type { CoreContext } from '../context';
import { collectDiagnostics } from '../diagnostics/collect';
import type { ProfileService } from '../profiles/profile-service';
import type { KeyManager } from '../signing/key-manager';
import type { SyncEngine } from '../sync/sync-engine';
import type { HostHandlers, HostMethods } from './host-handlers';
import { testHubConnection } from './hub-test';

type AdminMethods =
  | 'app.info'
  | 'desk.status'
  | 'profiles.list'
  | 'profiles.create'
  | 'profiles.update'
  | 'profiles.delete'
  | 'profiles.select'
  | 'settings.get'
  | 'settings.update'
  | 'settings.testHub'
  | 'backup.list'
  | 'backup.now'
  | 'archive.export'
  | 'archive.import'
  | 'diagnostics.get'
  | 'print.pdf';

/** Where the logs are and what went wrong lately (main/log-file.ts), for Settings and diagnostics. */
export interface LogSource {
  dir(): string;
  recentProblems(): ReadonlyArray<unknown>;
}

export interface AdminDeps {
  ctx: CoreContext;
  db: Db;
  dataDir: string;
  host: 'electron' | 'browser';
  appVersion: string;
  mode: 'normal' | 'read-only';
  problem: DeskProblem | null;
  profiles: ProfileService;
  backups: BackupService;
  archive: ArchiveService;
  keys: KeyManager;
  sync: SyncEngine;
  attachmentLimit: AttachmentLimit;
  /** Reopening the data and native dialogs, answered by the host (main/desk) or refused standalone. */
  hostHandlers: HostHandlers;
  logs?: LogSource;
  /** The Electron shell's printToPDF of its window; absent in the browser host, which prints through the browser. */
  printToPdf?: () => Promise<Uint8Array>;
}

/** The contract handlers of the desk's administration: profiles, settings, backups, the archive, diagnostics. */
export function createAdminHandlers(deps: AdminDeps): Pick<Handlers, AdminMethods | HostMethods> {
  const { ctx, db, backups } = deps;
  const logDir = () => deps.logs?.dir() ?? path.join(deps.dataDir, 'logs');
  const settings = (): DeskSettings => ({
    backup: backups.settings(),
    review: { required: deps.profiles.reviewRequired() },
    attachments: deps.attachmentLimit.settings(),
    dataDir: deps.dataDir,
    backupDir: backups.dir,
    logDir: logDir(),
  });
  const diagnostics = () =>
    collectDiagnostics({
      app: { name: 'SW Desk', version: deps.appVersion, host: deps.host, mode: deps.mode },
      problem: deps.problem,
      dataDir: deps.dataDir,
      logDir: logDir(),
      backupDir: backups.dir,
      db,
      sync: () => deps.sync.status(),
      keys: () => ({ status: deps.keys.status(), keys: deps.keys.list() }),
      backups: () => ({ settings: backups.settings(), list: backups.list().slice(0, 10) }),
      recentProblems: () => deps.logs?.recentProblems() ?? [],
      now: () => new Date(ctx.clock.now()),
    });

  return {
    'app.info': () => ({
      name: 'SW Desk',
      version: deps.appVersion,
      host: deps.host,
      dataDir: deps.dataDir,
      schemaVersion: schemaVersion(db),
    }),
    'desk.status': () => ({
      mode: deps.mode,
      problem: deps.problem,
      dataDir: deps.dataDir,
      needsSetup: deps.profiles.needsSetup(),
      latestBackup: backups.list()[0] ?? null,
    }),
    'profiles.list': () => deps.profiles.list(),
    'profiles.create': (input) => deps.profiles.create(input),
    'profiles.update': ({ id, ...input }) => deps.profiles.update(id, input),
    'profiles.delete': ({ id }) => deps.profiles.delete(id),
    'profiles.select': ({ id }) => deps.profiles.select(id),
    'settings.get': () => settings(),
    'settings.update': ({ backup, review, attachments }) => {
      if (backup) backups.updateSettings(backup);
      if (review) deps.profiles.setReviewRequired(review.required);
      if (attachments) deps.attachmentLimit.setOwnMb(attachments.maxFileMb);
      return settings();
    },
    'settings.testHub': ({ hubUrl }) => {
      const url = hubUrl ?? deps.sync.status().hubUrl;
      if (!url) throw new AppError('desk.no-hub-to-test');
      return testHubConnection(url, ctx.clock);
    },
    'backup.list': () => backups.list(),
    'backup.now': () => backups.backupNow('manual'),
    'archive.export': ({ path, overwrite }) => deps.archive.exportTo(path, overwrite),
    'archive.import': ({ path }) => deps.archive.importFrom(path),
    'diagnostics.get': () => ({ text: diagnostics() }),
    'print.pdf': async ({ fileName }) => {
      if (!deps.printToPdf) return { supported: false, file: null };
      const pdf = await deps.printToPdf();
      return {
        supported: true,
        file: { fileName, mimeType: 'application/pdf', contentBase64: Buffer.from(pdf).toString('base64') },
      };
    },
    ...deps.hostHandlers,
  };
}
