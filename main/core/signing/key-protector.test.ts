import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api';
import { createPassphraseProtector } from './key-protector';

describe('passphrase key protector (scrypt + AES-256-GCM)', () => {
  const secret = Buffer.from('private key bytes 0123456789');

  it('seals and opens with the same passphrase, and never stores the secret in clear', () => {
    const protector = createPassphraseProtector('correct horse battery');
    const sealed = protector.seal(secret);
    expect(sealed).not.toContain(secret.toString('base64'));
    expect(protector.open(sealed)).toEqual(secret);
  });

  it('refuses a wrong passphrase with KEY_ERROR', () => {
    const sealed = createPassphraseProtector('correct horse battery').seal(secret);
    expect(() => createPassphraseProtector('wrong horse battery').open(sealed)).toThrow(AppError);
    expect(() => createPassphraseProtector('wrong horse battery').open(sealed)).toThrow(/passphrase is wrong/);
  });

  it('refuses sealed data that was altered or is not readable', () => {
    const protector = createPassphraseProtector('correct horse battery');
    const sealed = JSON.parse(protector.seal(secret)) as { data: string };
    const bytes = Buffer.from(sealed.data, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(() => protector.open(JSON.stringify({ ...sealed, data: bytes.toString('base64') }))).toThrow(/altered/);
    expect(() => protector.open('{not json')).toThrow(/damaged/);
  });

  it('asks for the passphrase when it has none', () => {
    const protector = createPassphraseProtector();
    expect(protector.isReady()).toBe(false);
    try {
      protector.seal(secret);
      throw new Error('expected PASSPHRASE_REQUIRED');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('PASSPHRASE_REQUIRED');
    }
  });
});
