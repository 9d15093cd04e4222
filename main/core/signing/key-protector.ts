import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { AppError } from '../../../shared/api';

/** How a stored private key is sealed (signing_keys.protection). */
export type KeyProtection = 'safe-storage' | 'passphrase';

/** The operating system's keychain as the desktop app reaches it (Electron safeStorage's asynchronous API). */
export interface Keychain {
  encrypt(text: string): Promise<Buffer>;
  /** `stale`: the keychain's key was rotated, and what it sealed should be sealed again. */
  decrypt(data: Buffer): Promise<{ text: string; stale: boolean }>;
}

/** An opened key: its secret, and the same sealed anew when the keychain asked for that (to be stored). */
export interface OpenedKey {
  secret: Buffer;
  resealed?: string;
}

/**
 * Keeps private keys encrypted at rest: with the OS keychain where the host has a usable one (the
 * desktop app on Windows, macOS, and Linux with a keyring), otherwise with a passphrase (scrypt +
 * AES-256-GCM) — the browser host, and a Linux desktop without a keyring. A stored key is opened by
 * the protection it was sealed with, so data made by one host opens in the other: a passphrase key
 * in the desktop app asks for its passphrase; a keychain key cannot be opened in the browser host.
 */
export interface KeyProtector {
  /** How a new key is sealed here: the OS keychain when there is one, else the passphrase. */
  readonly preferred: KeyProtection;
  /** Whether this host has a usable OS keychain. */
  readonly hasKeychain: boolean;
  /** Whether a key sealed with `protection` can be sealed or opened now. */
  canUse(protection: KeyProtection): boolean;
  /** The passphrase the user gave (null forgets it: a wrong one must not stay). */
  setPassphrase(value: string | null): void;
  seal(secret: Buffer, protection: KeyProtection): Promise<string>;
  /** Throws KEY_ERROR when the sealed data is damaged, the passphrase wrong or the keychain refuses. */
  open(sealed: string, protection: KeyProtection): Promise<OpenedKey>;
}

interface SealedV1 {
  v: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

// scrypt cost: about 50 ms here, paid once per unlock, not per signature.
const SCRYPT = { N: 1 << 15, r: 8, p: 1 };

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 128 * params.N * params.r * 2 }, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  );
}

async function sealWithPassphrase(passphrase: string, secret: Buffer): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, SCRYPT), iv);
  const data = Buffer.concat([cipher.update(secret), cipher.final()]);
  const sealed: SealedV1 = {
    v: 1,
    kdf: 'scrypt',
    ...SCRYPT,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return JSON.stringify(sealed);
}

async function openWithPassphrase(passphrase: string, sealedText: string): Promise<Buffer> {
  let sealed: SealedV1;
  try {
    sealed = JSON.parse(sealedText) as SealedV1;
  } catch {
    throw new AppError('keys.damaged');
  }
  if (sealed.v !== 1 || sealed.kdf !== 'scrypt') throw new AppError('keys.unknown-protection');
  try {
    const key = await deriveKey(passphrase, Buffer.from(sealed.salt, 'base64'), sealed);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    throw new AppError('keys.wrong-passphrase');
  }
}

/** The protector of a host: its keychain (the desktop app, when it has a usable one) and a passphrase. */
export function createKeyProtector(options: { keychain?: Keychain | null; passphrase?: string } = {}): KeyProtector {
  const keychain = options.keychain ?? null;
  let passphrase: string | null = options.passphrase ?? null;

  function requireUsable(protection: KeyProtection): void {
    if (protection === 'passphrase' && passphrase === null) throw new AppError('keys.passphrase-required');
    if (protection === 'safe-storage' && keychain === null) throw new AppError('keys.keychain-unavailable');
  }

  return {
    preferred: keychain ? 'safe-storage' : 'passphrase',
    hasKeychain: keychain !== null,
    canUse: (protection) => (protection === 'passphrase' ? passphrase !== null : keychain !== null),
    setPassphrase(value) {
      passphrase = value;
    },
    async seal(secret, protection) {
      requireUsable(protection);
      if (protection === 'passphrase') return sealWithPassphrase(passphrase ?? '', secret);
      return (await (keychain as Keychain).encrypt(secret.toString('base64'))).toString('base64');
    },
    async open(sealed, protection) {
      requireUsable(protection);
      if (protection === 'passphrase') return { secret: await openWithPassphrase(passphrase ?? '', sealed) };
      const chain = keychain as Keychain;
      let opened: { text: string; stale: boolean };
      try {
        opened = await chain.decrypt(Buffer.from(sealed, 'base64'));
      } catch {
        throw new AppError('keys.os-cannot-unlock');
      }
      return {
        secret: Buffer.from(opened.text, 'base64'),
        ...(opened.stale ? { resealed: (await chain.encrypt(opened.text)).toString('base64') } : {}),
      };
    },
  };
}

/** A host without a keychain (the browser host, the CLI, tests): keys sealed with the passphrase. */
export function createPassphraseProtector(initial?: string): KeyProtector {
  return createKeyProtector(initial === undefined ? {} : { passphrase: initial });
}

/** A stored key's protection, read from its row (anything else is a key this version cannot open). */
export function protectionOf(stored: string): KeyProtection {
  if (stored === 'safe-storage' || stored === 'passphrase') return stored;
  throw new AppError('keys.unknown-protection');
}
