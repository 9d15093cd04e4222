import path from 'node:path';
import { AppError } from '../../../shared/api';
import type { Handlers } from '../api/dispatch';

/**
 * Methods the host (main/desk, for both shells) answers because they reopen the data — restore a
 * backup, move to another folder, the recovery actions — or need the shell's native dialogs.
 */
export type HostMethods =
  | 'desk.chooseFolder'
  | 'backup.restore'
  | 'files.pick'
  | 'recovery.retry'
  | 'recovery.restoreLatest'
  | 'recovery.openReadOnly'
  | 'recovery.importKey'
  | 'recovery.newKey';

export type HostHandlers = Pick<Handlers, HostMethods>;

export const hostMethods: readonly HostMethods[] = [
  'desk.chooseFolder',
  'backup.restore',
  'files.pick',
  'recovery.retry',
  'recovery.restoreLatest',
  'recovery.openReadOnly',
  'recovery.importKey',
  'recovery.newKey',
];

/** What the app answers when no host manages it (tests, scripts): nothing is reopened. */
export function standaloneHostHandlers(dataDir: string): HostHandlers {
  const refuse = (): never => {
    throw new AppError('desk.cannot-reopen');
  };
  return {
    'desk.chooseFolder': refuse,
    'backup.restore': refuse,
    'files.pick': ({ purpose }) => ({
      supported: false,
      path: null,
      suggested: purpose === 'data-folder' ? dataDir : path.join(dataDir, 'exports'),
    }),
    'recovery.retry': refuse,
    'recovery.restoreLatest': refuse,
    'recovery.openReadOnly': refuse,
    'recovery.importKey': refuse,
    'recovery.newKey': refuse,
  };
}
