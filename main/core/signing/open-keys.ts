import type { Db } from '../../db/connection';
import type { Logger } from '../../logging/logger';
import { keyUnlockFailure } from '../recovery/startup-checks';
import type { KeyManager } from './key-manager';
import type { KeyProtector } from './key-protector';

/**
 * What the keys need as soon as the data is open: the first key is made when this host can seal it
 * without asking (the OS keychain, or a passphrase given at start), and a key sealed by the keychain is
 * opened — a keychain that refuses it means the key is missing here (a SigningKeyMissingError, which the
 * desk shows as its recovery screen) rather than a failure at the first signature.
 */
export async function openKeys(input: { db: Db; keys: KeyManager; protector: KeyProtector; logger: Logger }) {
  const status = input.keys.status();
  if (!status.exists) {
    try {
      await input.keys.ensureKey();
    } catch (error) {
      // Made on first use instead; nothing depends on it yet.
      input.logger.warn('the first signing key was not made at start', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return;
  }
  if (status.protection !== 'safe-storage' || !input.protector.hasKeychain || status.keyId === null) return;
  try {
    await input.keys.unlock();
  } catch (error) {
    throw keyUnlockFailure(input.db, status.keyId, error instanceof Error ? error.message : String(error));
  }
}
