import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { KeyStatus } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import { keyIdOf } from '../../../shared/protocol';
import type { KeysRepo } from '../../db/repositories/keys-repo';
import type { Clock } from '../context';
import { isoAt } from '../context';
import type { KeyProtector } from './key-protector';

export interface Signer {
  readonly keyId: string;
  readonly algorithm: 'ed25519';
  readonly publicKey: string;
  /** Base64 signature of the UTF-8 text. */
  sign(text: string): string;
}

/**
 * The declarant's signing key. The private key is decrypted only in main, kept
 * in memory once unlocked, and never crosses the contract.
 */
export function createKeyManager(deps: { keys: KeysRepo; protector: KeyProtector; clock: Clock }) {
  const { keys, protector } = deps;
  let unlocked: { keyId: string; key: KeyObject } | null = null;

  function generate(): void {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const publicDer = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const sealed = protector.seal(privateKey.export({ type: 'pkcs8', format: 'der' }));
    const keyId = keyIdOf(publicDer);
    keys.activate({ keyId, algorithm: 'ed25519', publicKey: publicDer, sealedPrivate: sealed, protection: protector.kind, createdAt: isoAt(deps.clock) });
    unlocked = { keyId, key: privateKey };
  }

  function unlockActive(): { keyId: string; key: KeyObject } {
    const stored = keys.active();
    if (!stored) throw new AppError('KEY_ERROR', 'There is no signing key yet');
    if (unlocked?.keyId === stored.keyId) return unlocked;
    if (!protector.isReady()) throw new AppError('PASSPHRASE_REQUIRED', 'Enter the passphrase that protects your signing key');
    const der = protector.open(stored.sealedPrivate);
    unlocked = { keyId: stored.keyId, key: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) };
    return unlocked;
  }

  return {
    status(): KeyStatus {
      const stored = keys.active();
      return {
        exists: stored !== undefined,
        unlocked: stored !== undefined && unlocked?.keyId === stored.keyId,
        algorithm: stored?.algorithm ?? null,
        keyId: stored?.keyId ?? null,
        publicKey: stored?.publicKey ?? null,
        protection: protector.kind,
      };
    },

    /** Creates the first key when none exists and the protector can seal it. Returns whether a key exists. */
    ensureKey(): boolean {
      if (keys.active()) return true;
      if (!protector.isReady()) return false;
      generate();
      return true;
    },

    /** Opens the active key (or creates the first one) so signing can proceed. */
    unlock(): void {
      if (!keys.active()) generate();
      else unlockActive();
    },

    signer(): Signer {
      if (!keys.active()) {
        if (!protector.isReady()) throw new AppError('PASSPHRASE_REQUIRED', 'Choose a passphrase to protect the signing key that will be created');
        generate();
      }
      const stored = keys.active();
      const { keyId, key } = unlockActive();
      return {
        keyId,
        algorithm: 'ed25519',
        publicKey: stored?.publicKey ?? '',
        sign: (text) => sign(null, Buffer.from(text, 'utf8'), key).toString('base64'),
      };
    },
  };
}

export type KeyManager = ReturnType<typeof createKeyManager>;
