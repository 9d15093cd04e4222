import type { KeyStatus } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import type { SignatureAlgorithm } from '../../../shared/protocol';
import { keyIdOf } from '../../../shared/protocol';
import type { KeysRepo } from '../../db/repositories/keys-repo';
import type { Clock } from '../context';
import { isoAt } from '../context';
import type { KeyMaterial } from './key-material';
import { generateKey, importKey, publicKeyExport, signerFor } from './key-material';
import type { KeyProtection, KeyProtector } from './key-protector';
import { protectionOf } from './key-protector';

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
 * the hub) so what it signed remains verifiable. Opening and sealing are
 * asynchronous (the OS keychain's API is), so getting the signer is too.
 */
export function createKeyManager(deps: {
  keys: KeysRepo;
  protector: KeyProtector;
  clock: Clock;
  algorithm?: SignatureAlgorithm;
}) {
  const { keys, protector } = deps;
  let unlocked: Signer | null = null;
  /** One unlock (or first key) at a time: two callers at once must not make two first keys. */
  let unlocking: Promise<Signer> | null = null;

  /** New keys follow the active key's protection when it can be used here (the broker chose it), else the host's. */
  function sealingFor(): KeyProtection {
    const current = keys.active()?.protection;
    if (current === 'safe-storage' || current === 'passphrase')
      return protector.canUse(current) ? current : protector.preferred;
    return protector.preferred;
  }

  /** The passphrase prompt says what the key is wanted for: making the first key, signing, or changing it. */
  function requireUsable(protection: KeyProtection, action?: 'create' | 'sign' | 'change'): void {
    if (protector.canUse(protection)) return;
    if (protection === 'safe-storage') throw new AppError('keys.keychain-unavailable');
    throw action ? new AppError('keys.passphrase-required-for', { action }) : new AppError('keys.passphrase-required');
  }

  async function store(material: KeyMaterial, action: 'create' | 'change'): Promise<Signer> {
    const protection = sealingFor();
    requireUsable(protection, action);
    const sealed = await protector.seal(material.privateBytes, protection);
    const keyId = keyIdOf(material.publicKey);
    if (keys.all().some((k) => k.keyId === keyId)) throw new AppError('keys.already-stored', { keyId });
    keys.activate({
      keyId,
      algorithm: material.algorithm,
      publicKey: material.publicKey,
      sealedPrivate: sealed,
      protection,
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

  async function openActive(): Promise<Signer> {
    const stored = keys.active();
    if (!stored) return store(generateKey(deps.algorithm ?? 'ed25519'), 'create');
    const protection = protectionOf(stored.protection);
    requireUsable(protection, 'sign');
    const opened = await protector.open(stored.sealedPrivate, protection);
    // The keychain rotated its key: store the key sealed anew, or it may not open some day.
    if (opened.resealed) keys.reseal([{ keyId: stored.keyId, sealedPrivate: opened.resealed }], protection);
    const privateBytes = opened.secret;
    unlocked = {
      keyId: stored.keyId,
      algorithm: stored.algorithm,
      publicKey: stored.publicKey,
      sign: signerFor(stored.algorithm, privateBytes, stored.publicKey),
    };
    return unlocked;
  }

  function unlockActive(): Promise<Signer> {
    const stored = keys.active();
    if (stored && unlocked?.keyId === stored.keyId) return Promise.resolve(unlocked);
    unlocking ??= openActive().finally(() => (unlocking = null));
    return unlocking;
  }

  return {
    /**
     * The active key is sealed with a passphrase not given since start (and not opened): signing (and so
     * sync) waits for it. A keychain key is opened at start, or the data opens on the missing-key screen.
     */
    locked(): boolean {
      const stored = keys.active();
      if (!stored || unlocked?.keyId === stored.keyId) return false;
      return stored.protection === 'passphrase' && !protector.canUse('passphrase');
    },

    status(): KeyStatus {
      const stored = keys.active();
      return {
        exists: stored !== undefined,
        unlocked: stored !== undefined && unlocked?.keyId === stored.keyId,
        algorithm: stored?.algorithm ?? null,
        keyId: stored?.keyId ?? null,
        publicKey: stored?.publicKey ?? null,
        protection: stored ? protectionOf(stored.protection) : protector.preferred,
        keychain: protector.hasKeychain,
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

    /** Creates the first key when none exists and this host can seal it now. Returns whether a key exists. */
    async ensureKey(): Promise<boolean> {
      if (keys.active()) return true;
      if (!protector.canUse(protector.preferred)) return false;
      await unlockActive();
      return true;
    },

    /** Opens the active key (or creates the first one) so signing can proceed; a wrong passphrase throws KEY_ERROR. */
    async unlock(): Promise<void> {
      await unlockActive();
    },

    signer(): Promise<Signer> {
      return unlockActive();
    },

    /**
     * Prepares a replacement key without activating it: the caller registers it
     * at the hub first (signed with the current key) and then calls `activate`.
     */
    prepare(source: { algorithm: SignatureAlgorithm; importText?: string }): KeyMaterial {
      requireUsable(sealingFor(), 'change');
      return source.importText === undefined
        ? generateKey(source.algorithm)
        : importKey(source.algorithm, source.importText);
    },

    async activate(material: KeyMaterial): Promise<KeyStatus> {
      await store(material, 'change');
      return this.status();
    },

    /**
     * Seals the stored keys anew with `to` (the OS keychain, or the passphrase now set): after the
     * passphrase of data made by the browser host was given once, the desktop app need not ask for it
     * again. Every key that opens here is resealed in one transaction; the active one must open.
     */
    async reseal(to: KeyProtection): Promise<KeyStatus> {
      requireUsable(to);
      const candidates = keys.all().filter((k) => k.protection !== to);
      if (candidates.length === 0) throw new AppError('keys.already-protected', { protection: to });
      const resealed: Array<{ keyId: string; sealedPrivate: string }> = [];
      for (const key of candidates) {
        const from = protectionOf(key.protection);
        let secret: Buffer;
        try {
          if (!protector.canUse(from) && !key.active) continue;
          requireUsable(from);
          secret = (await protector.open(key.sealedPrivate, from)).secret;
        } catch (error) {
          // A retired key sealed with another passphrase stays as it is; the active key must move.
          if (key.active) throw error;
          continue;
        }
        resealed.push({ keyId: key.keyId, sealedPrivate: await protector.seal(secret, to) });
      }
      keys.reseal(resealed, to);
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
