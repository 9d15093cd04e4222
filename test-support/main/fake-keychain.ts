import type { Keychain } from '../../main/core/signing/key-protector';

/**
 * A stand-in for the OS keychain (Electron safeStorage cannot run here): it seals reversibly, and can be
 * told to rotate its key (what it sealed before is then stale) or to refuse, as after the data folder was
 * copied to another user or machine.
 */
export function fakeKeychain(): Keychain & { rotated: boolean; refusing: boolean } {
  return {
    rotated: false,
    refusing: false,
    async encrypt(text) {
      return Buffer.from(`${this.rotated ? 'v2' : 'v1'}:${text}`);
    },
    async decrypt(data) {
      if (this.refusing) throw new Error('the keychain refused');
      const [version, text] = data.toString().split(':');
      return { text: text ?? '', stale: this.rotated && version === 'v1' };
    },
  };
}
