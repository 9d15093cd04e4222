import type { KeyStatus } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import type { SignatureAlgorithm } from '../../../shared/protocol';
import { keyIdOf } from '../../../shared/protocol';
import type { KeysRepo } from '../../db/repositories/keys-repo';
import type { Clock } from '../context';
import { isoAt } from '../context';
import type { KeyMaterial } from './key-material';
import { generateKey, importKey, publicKeyExport, signerFor } from './key-material';
import type { KeyProtector } from './key-protector';

export interface Signer {
  readonly keyId: string;
  readonly algorithm: SignatureAlgorithm;
  readonly publicKey: string;
  /** Base64 signature of the UTF-8 text. */
  sign(text: string): string;
}

/**
 * The declarant's signing keys. Private keys are decrypted only in main, kept
 * in memory once unlocked, and never cross the contract. Rotation adds a new
 * active key and retires the old one, which stays stored (and registered at
 * the hub) so what it signed remains verifiable.
 */
export function createKeyManager(deps: {
  keys: KeysRepo;
  protector: KeyProtector;
  clock: Clock;
  algorithm?: SignatureAlgorithm;
}) {
  const { keys, protector } = deps;
  let unlocked: Signer | null = null;

  function store(material: KeyMaterial): Signer {
    const sealed = protector.seal(material.privateBytes);
    const keyId = keyIdOf(material.publicKey);
    if (keys.all().some((k) => k.keyId === keyId)) throw new AppError('keys.already-stored', { keyId });
    keys.activate({
      keyId,
      algorithm: material.algorithm,
      publicKey: material.publicKey,
      sealedPrivate: sealed,
      protection: protector.kind,
      createdAt: isoAt(deps.clock),
    });
    unlocked = {
      keyId,
      algorithm: material.algorithm,
      publicKey: material.publicKey,
      sign: signerFor(material.algorithm, material.privateBytes, material.publicKey),
    };
    return unlocked;
  }

  function requireReady(action: 'create' | 'sign' | 'change'): void {
    if (!protector.isReady()) throw new AppError('keys.passphrase-required-for', { action });
  }

  function unlockActive(): Signer {
    const stored = keys.active();
    if (!stored) {
      requireReady('create');
      return store(generateKey(deps.algorithm ?? 'ed25519'));
    }
    if (unlocked?.keyId === stored.keyId) return unlocked;
    requireReady('sign');
    const privateBytes = protector.open(stored.sealedPrivate);
    unlocked = {
      keyId: stored.keyId,
      algorithm: stored.algorithm,
      publicKey: stored.publicKey,
      sign: signerFor(stored.algorithm, privateBytes, stored.publicKey),
    };
    return unlocked;
  }

  return {
    /** A key is stored but sealed with a passphrase not given since start: signing (and so sync) waits for it. */
    locked(): boolean {
      return protector.kind === 'passphrase' && !protector.isReady() && keys.active() !== undefined;
    },

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

    list() {
      return keys.all().map((k) => ({
        keyId: k.keyId,
        algorithm: k.algorithm,
        active: k.active,
        createdAt: k.createdAt,
        retiredAt: k.retiredAt,
      }));
    },

    /** Creates the first key when none exists and the protector can seal it. Returns whether a key exists. */
    ensureKey(): boolean {
      if (keys.active()) return true;
      if (!protector.isReady()) return false;
      store(generateKey(deps.algorithm ?? 'ed25519'));
      return true;
    },

    /** Opens the active key (or creates the first one) so signing can proceed; a wrong passphrase throws KEY_ERROR. */
    unlock(): void {
      unlockActive();
    },

    signer(): Signer {
      return unlockActive();
    },

    /**
     * Prepares a replacement key without activating it: the caller registers it
     * at the hub first (signed with the current key) and then calls `activate`.
     */
    prepare(source: { algorithm: SignatureAlgorithm; importText?: string }): KeyMaterial {
      requireReady('change');
      return source.importText === undefined
        ? generateKey(source.algorithm)
        : importKey(source.algorithm, source.importText);
    },

    activate(material: KeyMaterial): KeyStatus {
      requireReady('change');
      store(material);
      return this.status();
    },

    exportPublic(): { keyId: string; algorithm: SignatureAlgorithm; publicKey: string; text: string } {
      const stored = keys.active();
      if (!stored) throw new AppError('keys.none-yet');
      return {
        keyId: stored.keyId,
        algorithm: stored.algorithm,
        publicKey: stored.publicKey,
        text: publicKeyExport(stored.algorithm, stored.publicKey),
      };
    },
  };
}

export type KeyManager = ReturnType<typeof createKeyManager>;
