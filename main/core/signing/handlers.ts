import { AppError } from '../../../shared/api';
import type { Handlers } from '../api/dispatch';
import type { SyncEngine } from '../sync/sync-engine';
import type { KeyManager } from './key-manager';
import type { KeyProtector, PassphraseProtector } from './key-protector';

type KeyMethods = 'keys.status' | 'keys.unlock' | 'keys.list' | 'keys.exportPublic' | 'keys.rotate';

/** The contract handlers of the signing keys: their state, unlocking with a passphrase, rotating. */
export function createKeyHandlers(deps: {
  keys: KeyManager;
  protector: KeyProtector | PassphraseProtector;
  sync: SyncEngine;
  /** The transport, told that queued declarations can be signed and sent now. */
  transport: { enqueued(): void };
}): Pick<Handlers, KeyMethods> {
  const { keys, protector } = deps;

  function unlock(passphrase: string) {
    if (!('setPassphrase' in protector)) return keys.status();
    protector.setPassphrase(passphrase);
    try {
      keys.unlock();
    } catch (error) {
      // A wrong passphrase must not stay set, or every later signature would fail the same way.
      protector.setPassphrase(null);
      throw error instanceof AppError ? error : new AppError('keys.unusable', { detail: String(error) });
    }
    deps.sync.keyUnlocked();
    deps.transport.enqueued();
    return keys.status();
  }

  return {
    'keys.status': () => keys.status(),
    'keys.unlock': ({ passphrase }) => unlock(passphrase),
    'keys.list': () => keys.list(),
    'keys.exportPublic': () => keys.exportPublic(),
    'keys.rotate': ({ algorithm, privateKey }) =>
      deps.sync.rotateKey({ algorithm, ...(privateKey === undefined ? {} : { importText: privateKey }) }),
  };
}
