import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { AppError } from '../../../shared/api';

/**
 * Keeps private keys encrypted at rest. The Electron shell provides one backed
 * by the OS keychain (safeStorage); the browser host uses a passphrase.
 */
export interface KeyProtector {
  readonly kind: 'safe-storage' | 'passphrase';
  /** Whether seal/open can run now (a passphrase protector needs its passphrase first). */
  isReady(): boolean;
  seal(secret: Buffer): string;
  /** Throws KEY_ERROR when the sealed data is damaged or the passphrase is wrong. */
  open(sealed: string): Buffer;
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

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 128 * params.N * params.r * 2 });
}

/** scrypt + AES-256-GCM under a passphrase the user gives (flag, environment, or the UI). */
export function createPassphraseProtector(initial?: string) {
  let passphrase: string | null = initial ?? null;
  const protector: KeyProtector & { setPassphrase(value: string | null): void } = {
    kind: 'passphrase',
    isReady: () => passphrase !== null,
    setPassphrase(value: string | null) {
      passphrase = value;
    },
    seal(secret) {
      if (passphrase === null) throw new AppError('keys.passphrase-required');
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, SCRYPT), iv);
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
    },
    open(sealedText) {
      if (passphrase === null) throw new AppError('keys.passphrase-required');
      let sealed: SealedV1;
      try {
        sealed = JSON.parse(sealedText) as SealedV1;
      } catch {
        throw new AppError('keys.damaged');
      }
      if (sealed.v !== 1 || sealed.kdf !== 'scrypt') throw new AppError('keys.unknown-protection');
      try {
        const key = deriveKey(passphrase, Buffer.from(sealed.salt, 'base64'), sealed);
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
        decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
      } catch {
        throw new AppError('keys.wrong-passphrase');
      }
    },
  };
  return protector;
}

export type PassphraseProtector = ReturnType<typeof createPassphraseProtector>;
