import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../test-support/main/app-error';
import { fakeKeychain } from '../../../test-support/main/fake-keychain';
import { createKeyProtector, createPassphraseProtector } from './key-protector';

describe('key protection: the OS keychain where there is one (a stand-in here), else a passphrase (scrypt + AES-256-GCM)', () => {
  const secret = Buffer.from('private key bytes 0123456789');

  it('seals and opens with the same passphrase, and never stores the secret in clear', async () => {
    const protector = createPassphraseProtector('correct horse battery');
    expect(protector.preferred).toBe('passphrase');
    const sealed = await protector.seal(secret, 'passphrase');
    expect(sealed).not.toContain(secret.toString('base64'));
    expect((await protector.open(sealed, 'passphrase')).secret).toEqual(secret);
  });

  it('refuses a wrong passphrase with KEY_ERROR', async () => {
    const sealed = await createPassphraseProtector('correct horse battery').seal(secret, 'passphrase');
    const error = await rejectionOf(() => createPassphraseProtector('wrong horse battery').open(sealed, 'passphrase'));
    expect(error.code).toBe('KEY_ERROR');
    expect(error.reason).toBe('keys.wrong-passphrase');
  });

  it('refuses sealed data that was altered or is not readable', async () => {
    const protector = createPassphraseProtector('correct horse battery');
    const sealed = JSON.parse(await protector.seal(secret, 'passphrase')) as { data: string };
    const bytes = Buffer.from(sealed.data, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const altered = JSON.stringify({ ...sealed, data: bytes.toString('base64') });
    expect((await rejectionOf(() => protector.open(altered, 'passphrase'))).reason).toBe('keys.wrong-passphrase');
    expect((await rejectionOf(() => protector.open('{not json', 'passphrase'))).reason).toBe('keys.damaged');
  });

  it('asks for the passphrase when it has none', async () => {
    const protector = createPassphraseProtector();
    expect(protector.canUse('passphrase')).toBe(false);
    expect((await rejectionOf(() => protector.seal(secret, 'passphrase'))).code).toBe('PASSPHRASE_REQUIRED');
  });

  it('seals with the keychain when the host has one, and still opens a passphrase key once given the passphrase', async () => {
    const keychain = fakeKeychain();
    const protector = createKeyProtector({ keychain });
    expect(protector).toMatchObject({ preferred: 'safe-storage', hasKeychain: true });
    const sealed = await protector.seal(secret, 'safe-storage');
    expect((await protector.open(sealed, 'safe-storage')).secret).toEqual(secret);
    const fromBrowserHost = await createPassphraseProtector('correct horse battery').seal(secret, 'passphrase');
    expect((await rejectionOf(() => protector.open(fromBrowserHost, 'passphrase'))).code).toBe('PASSPHRASE_REQUIRED');
    protector.setPassphrase('correct horse battery');
    expect((await protector.open(fromBrowserHost, 'passphrase')).secret).toEqual(secret);
  });

  it('seals anew what the keychain says is sealed with a rotated key, and names a refusal', async () => {
    const keychain = fakeKeychain();
    const protector = createKeyProtector({ keychain });
    const sealed = await protector.seal(secret, 'safe-storage');
    keychain.rotated = true;
    const opened = await protector.open(sealed, 'safe-storage');
    expect(opened.secret).toEqual(secret);
    expect(opened.resealed).toBeDefined();
    expect((await protector.open(opened.resealed ?? '', 'safe-storage')).resealed).toBeUndefined();
    keychain.refusing = true;
    expect((await rejectionOf(() => protector.open(sealed, 'safe-storage'))).reason).toBe('keys.os-cannot-unlock');
  });

  it('cannot open a keychain key without a keychain (the browser host), and says so', async () => {
    const sealed = await createKeyProtector({ keychain: fakeKeychain() }).seal(secret, 'safe-storage');
    const error = await rejectionOf(() => createPassphraseProtector('x'.repeat(8)).open(sealed, 'safe-storage'));
    expect(error.reason).toBe('keys.keychain-unavailable');
  });
});
