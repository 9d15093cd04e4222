import type { SafeStorage } from 'electron';
import { AppError } from '../../shared/api';
import type { KeyProtector } from '../core/signing/key-protector';

/** Private keys sealed by the OS keychain (Electron safeStorage: DPAPI, Keychain, libsecret). */
export function createSafeStorageProtector(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
): KeyProtector {
  return {
    kind: 'safe-storage',
    isReady: () => safeStorage.isEncryptionAvailable(),
    seal(secret) {
      return safeStorage.encryptString(secret.toString('base64')).toString('base64');
    },
    open(sealed) {
      try {
        return Buffer.from(safeStorage.decryptString(Buffer.from(sealed, 'base64')), 'base64');
      } catch {
        throw new AppError('keys.os-cannot-unlock');
      }
    },
  };
}
