import path from 'node:path';
import type { DeskProblem, DeskSettings } from '../shared/api';
import { AppError } from '../shared/api';
import type { Db } from './db/connection';
import { schemaVersion } from './db/migrate';
import type { SettingsRepo } from './db/repositories/settings-repo';
import { createAdminHandlers } from './core/admin/admin-handlers';
import type { HostHandlers } from './core/admin/host-handlers';
import { testHubConnection } from './core/admin/hub-test';
import { createArchiveService } from './core/archive/archive-service';
import { createBackupService } from './core/backup/backup-service';
import type { CodeTableStore } from './core/codetables/store';
import type { CoreContext } from './core/context';
import { collectDiagnostics } from './core/diagnostics/collect';
import type { ProfileService } from './core/profiles/profile-service';
import type { KeyManager } from './core/signing/key-manager';
import type { SyncEngine } from './core/sync/sync-engine';

/** Where the logs are and what went wrong lately (main/log-file.ts), for Settings and diagnostics. */
export interface LogSource {
  dir(): string;
  recentProblems(): ReadonlyArray<unknown>;
}

export interface AdminWiringInput {
  ctx: CoreContext;
  db: Db;
  dataDir: string;
  host: 'electron' | 'browser';
  appVersion: string;
  supportedVersion: number;
  mode: 'normal' | 'read-only';
  problem: DeskProblem | null;
  settings: SettingsRepo;
  profiles: ProfileService;
  keys: KeyManager;
  sync: SyncEngine;
  codeTableStore: CodeTableStore;
  hostHandlers: HostHandlers;
  logs?: LogSource;
}

/**
 * Wires issue 9's services — backups, the archive, settings, diagnostics — beside the core (see main/composition.ts).
 */
export function createAdminWiring(input: AdminWiringInput) {
  const { ctx, db } = input;
  const backups = createBackupService(ctx, {
    db,
    dataDir: input.dataDir,
    settings: input.settings,
    supportedVersion: input.supportedVersion,
  });
  const archive = createArchiveService(ctx, {
    db,
    dataDir: input.dataDir,
    appVersion: input.appVersion,
    schemaVersion: () => schemaVersion(db),
    installCodeTable: (content) => void input.codeTableStore.install({ ...content, origin: 'import' }),
  });
  const logDir = () => input.logs?.dir() ?? path.join(input.dataDir, 'logs');
  const settings = (): DeskSettings => ({
    backup: backups.settings(),
    dataDir: input.dataDir,
    backupDir: backups.dir,
    logDir: logDir(),
  });

  const handlers = {
    ...createAdminHandlers({
      status: () => ({
        mode: input.mode,
        problem: input.problem,
        dataDir: input.dataDir,
        needsSetup: input.profiles.needsSetup(),
        latestBackup: backups.list()[0] ?? null,
      }),
      profiles: input.profiles,
      backups,
      archive,
      settings,
      testHub: async (hubUrl) => {
        const url = hubUrl ?? input.sync.status().hubUrl;
        if (!url) throw new AppError('INVALID_STATE', 'No hub is set up yet: enter the hub URL to test it');
        return testHubConnection(url, ctx.clock);
      },
      diagnostics: () =>
        collectDiagnostics({
          app: { name: 'SW Desk', version: input.appVersion, host: input.host, mode: input.mode },
          problem: input.problem,
          dataDir: input.dataDir,
          logDir: logDir(),
          backupDir: backups.dir,
          db,
          sync: () => input.sync.status(),
          keys: () => ({ status: input.keys.status(), keys: input.keys.list() }),
          backups: () => ({ settings: backups.settings(), list: backups.list().slice(0, 10) }),
          recentProblems: () => input.logs?.recentProblems() ?? [],
          now: () => new Date(ctx.clock.now()),
        }),
    }),
    ...input.hostHandlers,
  };

  return {
    backups,
    archive,
    handlers,
    start(): void {
      if (input.mode === 'normal') backups.start();
    },
    stop: () => backups.stop(),
  };
}
