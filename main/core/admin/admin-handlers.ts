import type { DeskSettings, DeskStatus } from '../../../shared/api';
import type { Handlers } from '../api/dispatch';
import type { ArchiveService } from '../archive/archive-service';
import type { BackupService } from '../backup/backup-service';
import type { ProfileService } from '../profiles/profile-service';

type AdminMethods =
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
  | 'diagnostics.get';

export interface AdminDeps {
  status(): DeskStatus;
  profiles: ProfileService;
  backups: BackupService;
  archive: ArchiveService;
  settings(): DeskSettings;
  testHub(hubUrl: string | undefined): ReturnType<Handlers['settings.testHub']>;
  diagnostics(): string;
}

/** The contract handlers of the desk's administration (issue 9), for the handler map in main/composition.ts. */
export function createAdminHandlers(deps: AdminDeps): Pick<Handlers, AdminMethods> {
  return {
    'desk.status': () => deps.status(),
    'profiles.list': () => deps.profiles.list(),
    'profiles.create': (input) => deps.profiles.create(input),
    'profiles.update': ({ id, ...input }) => deps.profiles.update(id, input),
    'profiles.delete': ({ id }) => deps.profiles.delete(id),
    'profiles.select': ({ id }) => deps.profiles.select(id),
    'settings.get': () => deps.settings(),
    'settings.update': ({ backup }) => {
      if (backup) deps.backups.updateSettings(backup);
      return deps.settings();
    },
    'settings.testHub': ({ hubUrl }) => deps.testHub(hubUrl),
    'backup.list': () => deps.backups.list(),
    'backup.now': () => deps.backups.backupNow('manual'),
    'archive.export': ({ path, overwrite }) => deps.archive.exportTo(path, overwrite),
    'archive.import': ({ path }) => deps.archive.importFrom(path),
    'diagnostics.get': () => ({ text: deps.diagnostics() }),
  };
}
