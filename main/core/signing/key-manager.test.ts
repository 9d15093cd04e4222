import { createPrivateKey, generateKeyPairSync, verify } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyIdOf } from '../../../shared/protocol';
import { sm2Verify } from '../../../shared/protocol/sm2';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import { createKeyManager } from './key-manager';
import { codeOf } from '../../../test-support/main/app-error';

describe('signing keys', () => {
  let f: CoreFixture;
  beforeEach(() => {
    f = coreFixture();
  });
  afterEach(() => f.close());

  it('creates an Ed25519 key on first use, stored sealed, and signs verifiably', () => {
    expect(f.keys.ensureKey()).toBe(true);
    const signer = f.keys.signer();
    expect(signer.algorithm).toBe('ed25519');
    expect(signer.keyId).toBe(keyIdOf(signer.publicKey));
    const stored = f.keysRepo.active();
    expect(stored?.sealedPrivate).not.toContain('PRIVATE');
    const signature = signer.sign('报关单');
    const publicKey = { key: Buffer.from(signer.publicKey, 'base64'), format: 'der' as const, type: 'spki' as const };
    expect(verify(null, Buffer.from('报关单'), publicKey, Buffer.from(signature, 'base64'))).toBe(true);
    expect(f.keys.exportPublic().text).toContain('BEGIN PUBLIC KEY');
  });

  it('uses the SM2 profile: GB/T 32918 signatures over SM3 with the default user id', () => {
    const sm2 = createKeyManager({ keys: f.keysRepo, protector: f.protector, clock: f.clock, algorithm: 'sm2' });
    const signer = sm2.signer();
    expect(signer.algorithm).toBe('sm2');
    expect(signer.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(sm2Verify('报关单', signer.sign('报关单'), signer.publicKey)).toBe(true);
    expect(sm2Verify('报关单!', signer.sign('报关单'), signer.publicKey)).toBe(false);
  });

  it('rotates to a new key and keeps the old one (retired) so what it signed stays verifiable', () => {
    const first = f.keys.signer();
    const next = f.keys.prepare({ algorithm: 'sm2' });
    // Prepared is not active until the caller has registered it.
    expect(f.keys.signer().keyId).toBe(first.keyId);
    f.keys.activate(next);
    expect(f.keys.signer().algorithm).toBe('sm2');
    expect(f.keys.list().map((k) => [k.keyId, k.active])).toEqual([
      [first.keyId, false],
      [keyIdOf(next.publicKey), true],
    ]);
    expect(f.keys.list()[0]?.retiredAt).not.toBeNull();
  });

  it('imports an Ed25519 PKCS#8 PEM or an SM2 hex private key, and refuses anything else naming the problem', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const imported = f.keys.prepare({ algorithm: 'ed25519', importText: pem });
    f.keys.activate(imported);
    expect(f.keys.signer().publicKey).toBe(imported.publicKey);
    expect(createPrivateKey(pem).asymmetricKeyType).toBe('ed25519');

    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(codeOf(() => f.keys.prepare({ algorithm: 'ed25519', importText: rsa }))).toBe('BAD_INPUT');
    expect(codeOf(() => f.keys.prepare({ algorithm: 'ed25519', importText: 'not a key' }))).toBe('BAD_INPUT');
    expect(codeOf(() => f.keys.prepare({ algorithm: 'sm2', importText: 'xyz' }))).toBe('BAD_INPUT');
    expect(codeOf(() => f.keys.prepare({ algorithm: 'sm2', importText: '0'.repeat(64) }))).toBe('BAD_INPUT');
    expect(codeOf(() => f.keys.activate(imported))).toBe('CONFLICT');
  });

  it('asks for the passphrase before creating, importing or signing when it has none', () => {
    f.close();
    f = coreFixture({ passphrase: null });
    expect(f.keys.ensureKey()).toBe(false);
    expect(codeOf(() => f.keys.signer())).toBe('PASSPHRASE_REQUIRED');
    expect(codeOf(() => f.keys.prepare({ algorithm: 'ed25519' }))).toBe('PASSPHRASE_REQUIRED');
    expect(f.keys.status()).toMatchObject({ exists: false, unlocked: false, protection: 'passphrase' });
  });
});
