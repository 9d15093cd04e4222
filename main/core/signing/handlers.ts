import { AppError, causeParams, reasonIssue } from '../../../shared/api';
import type { Handlers } from '../api/dispatch';
import type { SyncEngine } from '../sync/sync-engine';
import type { KeyManager } from './key-manager';
import type { KeyProtector } from './key-protector';

type KeyMethods = 'keys.status' | 'keys.unlock' | 'keys.reseal' | 'keys.list' | 'keys.exportPublic' | 'keys.rotate';

/** The contract handlers of the signing keys: their state, unlocking with a passphrase, resealing, rotating. */
export function createKeyHandlers(deps: {
  keys: KeyManager;
  protector: KeyProtector;
  sync: SyncEngine;
  /** The transport, told that queued declarations can be signed and sent now. */
  transport: { enqueued(): void };
}): Pick<Handlers, KeyMethods> {
  const { keys, protector } = deps;

  /**
   * Every host can take a passphrase: the browser host always, the desktop app for data the browser host
   * made, and on Linux when no keyring runs. A keychain key needs none, and the passphrase is not kept.
   */
  async function unlock(passphrase: string) {
    const before = keys.status();
    if (before.exists && before.protection === 'safe-storage') {
      await keys.unlock();
      return keys.status();
    }
    protector.setPassphrase(passphrase);
    try {
      await keys.unlock();
    } catch (error) {
      // A wrong passphrase must not stay set, or every later signature would fail the same way.
      protector.setPassphrase(null);
      throw error instanceof AppError ? error : new AppError('keys.unusable', causeParams(error));
    }
    deps.sync.keyUnlocked();
    deps.transport.enqueued();
    return keys.status();
  }

  async function reseal(protection: 'safe-storage' | 'passphrase', passphrase: string | undefined) {
    if (protection === 'passphrase') {
      if (passphrase !== undefined) protector.setPassphrase(passphrase);
      else if (!protector.canUse('passphrase'))
        throw new AppError('keys.new-passphrase-required', undefined, [
          reasonIssue('passphrase', 'keys.new-passphrase-required'),
        ]);
    }
    return keys.reseal(protection);
  }

  return {
    'keys.status': () => keys.status(),
    'keys.unlock': ({ passphrase }) => unlock(passphrase),
    'keys.reseal': ({ protection, passphrase }) => reseal(protection, passphrase),
    'keys.list': () => keys.list(),
    'keys.exportPublic': () => keys.exportPublic(),
    'keys.rotate': ({ algorithm, privateKey }) =>
      deps.sync.rotateKey({ algorithm, ...(privateKey === undefined ? {} : { importText: privateKey }) }),
  };
}
