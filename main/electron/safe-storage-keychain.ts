import type { SafeStorage } from 'electron';
import type { Keychain } from '../core/signing/key-protector';

type SafeStorageApi = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/**
 * The OS keychain through Electron's safeStorage (DPAPI, macOS Keychain, libsecret or KWallet), with its
 * asynchronous API (the synchronous one is deprecated). Null when there is none worth the name: not
 * available, or on Linux without a keyring, where safeStorage falls back to "basic_text" — a password
 * written into Chromium itself, which protects nothing. The passphrase is used then.
 */
export async function safeStorageKeychain(
  safeStorage: SafeStorageApi,
  platform: NodeJS.Platform = process.platform,
): Promise<Keychain | null> {
  try {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  } catch {
    return null;
  }
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return null;
  }
  return {
    encrypt: (text) => safeStorage.encryptStringAsync(text),
    async decrypt(data) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(data);
      return { text: result, stale: shouldReEncrypt };
    },
  };
}
