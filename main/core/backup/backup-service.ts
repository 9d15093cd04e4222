import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupSettings } from '../../../shared/api';
import { AppError, backupSettingsSchema } from '../../../shared/api';
import type { Db } from '../../db/connection';
import type { SettingsRepo } from '../../db/repositories/settings-repo';
import { failureFields } from '../../logging/failure-fields';
import type { CoreContext } from '../context';
import { attachmentBlobDir, createBlobStore } from '../attachments/blob-store';
import { carryFiles } from './backup-attachments';
import { backupDirOf, backupName, checkDatabaseFile, listBackups, settleJournal } from './backup-files';

const SETTINGS_KEY = 'backup.settings';
export const defaultBackupSettings: BackupSettings = { daily: true, retention: 14 };
const DAY_MS = 24 * 3600_000;
/** How often the daily backup looks whether one is due (the app may run for weeks). */
const CHECK_MS = 3600_000;
/** Pages copied per step of the online backup, so the app keeps answering while it runs. */
const PAGES_PER_STEP = 2_000;

/**
 * Backups of the live database: daily (when the newest daily one is a day old) and on demand,
 * through SQLite's online backup API, which copies in steps and lets the app keep working. Each
 * copy is checked before it is kept (a damaged database must not rotate good backups out), and
 * the newest `retention` backups the app made are kept; backups taken before a schema upgrade are
 * never removed here.
 */
export function createBackupService(
  ctx: CoreContext,
  deps: { db: Db; dataDir: string; settings: SettingsRepo; supportedVersion: number },
) {
  const dir = backupDirOf(deps.dataDir);
  const blobs = createBlobStore(attachmentBlobDir(deps.dataDir));
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<BackupInfo> | null = null;

  function settings(): BackupSettings {
    return deps.settings.read(SETTINGS_KEY, backupSettingsSchema, defaultBackupSettings);
  }

  function prune(retention: number): string[] {
    const own = listBackups(dir).filter((b) => b.kind === 'daily' || b.kind === 'manual');
    const removed: string[] = [];
    for (const old of own.slice(retention)) {
      fs.rmSync(path.join(dir, old.name), { force: true });
      removed.push(old.name);
    }
    return removed;
  }

  async function take(kind: 'daily' | 'manual'): Promise<BackupInfo> {
    fs.mkdirSync(dir, { recursive: true });
    const at = new Date(ctx.clock.now());
    const name = backupName(kind, at);
    const file = path.join(dir, name);
    const partial = `${file}.partial`;
    try {
      await deps.db.backup(partial, { progress: () => PAGES_PER_STEP });
      settleJournal(partial);
      const files = carryFiles(partial, blobs);
      if (files.missing.length > 0)
        ctx.logger.error('attached files missing or altered in the data folder; the backup goes without them', {
          missing: files.missing,
        });
      const check = checkDatabaseFile(partial, { supported: deps.supportedVersion, thorough: false });
      if (!check.ok) {
        ctx.logger.error('backup check failed; the backup was not kept', { detail: check.detail });
        const failed = new AppError('desk.backup-check-failed', {
          file: name,
          check: check.reason,
          detail: check.detail,
        });
        ctx.events.emit('notice', { kind: 'error', ...failed.toMessage() });
        throw failed;
      }
      fs.renameSync(partial, file);
    } finally {
      for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`])
        fs.rmSync(leftover, { force: true });
    }
    const removed = prune(settings().retention);
    const info = listBackups(dir).find((b) => b.name === name);
    if (!info) throw new AppError('desk.backup-vanished', { name });
    ctx.logger.info('backup written', { name, kind, bytes: info.sizeBytes, removed });
    return info;
  }

  /** One backup at a time: a second request while one runs gets the running one. */
  function backupNow(kind: 'daily' | 'manual' = 'manual'): Promise<BackupInfo> {
    running ??= take(kind).finally(() => {
      running = null;
    });
    return running;
  }

  function lastDailyAt(): number | null {
    const newest = listBackups(dir).find((b) => b.kind === 'daily');
    return newest ? Date.parse(newest.createdAt) : null;
  }

  async function maybeDaily(): Promise<BackupInfo | null> {
    if (!settings().daily) return null;
    const last = lastDailyAt();
    if (last !== null && ctx.clock.now() - last < DAY_MS) return null;
    try {
      return await backupNow('daily');
    } catch (error) {
      ctx.logger.error('daily backup failed', failureFields(error));
      return null;
    }
  }

  return {
    dir,
    list: (): BackupInfo[] => listBackups(dir),
    backupNow,
    maybeDaily,
    settings,
    updateSettings(patch: Partial<BackupSettings>): BackupSettings {
      const next = backupSettingsSchema.parse({ ...settings(), ...patch });
      deps.settings.write(SETTINGS_KEY, next);
      prune(next.retention);
      return next;
    },
    /** The file of a listed backup; a name that is not one of them is refused. */
    fileOf(name: string): string {
      if (!listBackups(dir).some((b) => b.name === name))
        throw new AppError('desk.backup-not-in-folder', { name, folder: dir });
      return path.join(dir, name);
    },
    /** Checks for a due daily backup shortly after start and then every hour. */
    start(firstCheckMs = 60_000): void {
      if (timer) return;
      const tick = (delay: number) => {
        timer = setTimeout(() => {
          void maybeDaily().finally(() => {
            if (timer) tick(CHECK_MS);
          });
        }, delay);
        timer.unref?.();
      };
      tick(firstCheckMs);
    },
    async stop(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
