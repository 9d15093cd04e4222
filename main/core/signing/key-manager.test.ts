import { createPrivateKey, generateKeyPairSync, verify } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyIdOf } from '../../../shared/protocol';
import { sm2Verify } from '../../../shared/protocol/sm2';
import { codeOf, rejectionOf } from '../../../test-support/main/app-error';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import { fakeKeychain } from '../../../test-support/main/fake-keychain';
import { createKeyManager } from './key-manager';
import { createKeyProtector } from './key-protector';

describe('signing keys', () => {
  let f: CoreFixture;
  beforeEach(() => {
    f = coreFixture();
  });
  afterEach(() => f.close());

  it('creates an Ed25519 key on first use, stored sealed, and signs verifiably', async () => {
    expect(await f.keys.ensureKey()).toBe(true);
    const signer = await f.keys.signer();
    expect(signer.algorithm).toBe('ed25519');
    expect(signer.keyId).toBe(keyIdOf(signer.publicKey));
    const stored = f.keysRepo.active();
    expect(stored?.sealedPrivate).not.toContain('PRIVATE');
    expect(stored?.protection).toBe('passphrase');
    const signature = signer.sign('报关单');
    const publicKey = { key: Buffer.from(signer.publicKey, 'base64'), format: 'der' as const, type: 'spki' as const };
    expect(verify(null, Buffer.from('报关单'), publicKey, Buffer.from(signature, 'base64'))).toBe(true);
    expect(f.keys.exportPublic().text).toContain('BEGIN PUBLIC KEY');
  });

  it('makes one first key when several callers ask at once', async () => {
    const signers = await Promise.all([f.keys.signer(), f.keys.signer(), f.keys.ensureKey(), f.keys.signer()]);
    expect(new Set(signers.filter((s) => typeof s === 'object').map((s) => s.keyId)).size).toBe(1);
    expect(f.keys.list()).toHaveLength(1);
  });

  it('uses the SM2 profile: GB/T 32918 signatures over SM3 with the default user id', async () => {
    const sm2 = createKeyManager({ keys: f.keysRepo, protector: f.protector, clock: f.clock, algorithm: 'sm2' });
    const signer = await sm2.signer();
    expect(signer.algorithm).toBe('sm2');
    expect(signer.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(sm2Verify('报关单', signer.sign('报关单'), signer.publicKey)).toBe(true);
    expect(sm2Verify('报关单!', signer.sign('报关单'), signer.publicKey)).toBe(false);
  });

  it('rotates to a new key and keeps the old one (retired) so what it signed stays verifiable', async () => {
    const first = await f.keys.signer();
    const next = f.keys.prepare({ algorithm: 'sm2' });
    // Prepared is not active until the caller has registered it.
    expect((await f.keys.signer()).keyId).toBe(first.keyId);
    await f.keys.activate(next);
    expect((await f.keys.signer()).algorithm).toBe('sm2');
    expect(f.keys.list().map((k) => [k.keyId, k.active])).toEqual([
      [first.keyId, false],
      [keyIdOf(next.publicKey), true],
    ]);
    expect(f.keys.list()[0]?.retiredAt).not.toBeNull();
  });

  it('imports an Ed25519 PKCS#8 PEM or an SM2 hex private key, and refuses anything else naming the problem', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const imported = f.keys.prepare({ algorithm: 'ed25519', importText: pem });
    await f.keys.activate(imported);
    expect((await f.keys.signer()).publicKey).toBe(imported.publicKey);
    expect(createPrivateKey(pem).asymmetricKeyType).toBe('ed25519');

    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(codeOf(() => f.keys.prepare({ algorithm: 'ed25519', importText: rsa }))).toBe('BAD_INPUT');
    expect(codeOf(() => f.keys.prepare({ algorithm: 'ed25519', importText: 'not a key' }))).toBe('BAD_INPUT');
    expect(codeOf(() => f.keys.prepare({ algorithm: 'sm2', importText: 'xyz' }))).toBe('BAD_INPUT');
    expect(codeOf(() => f.keys.prepare({ algorithm: 'sm2', importText: '0'.repeat(64) }))).toBe('BAD_INPUT');
    expect((await rejectionOf(() => f.keys.activate(imported))).code).toBe('CONFLICT');
  });

  it('asks for the passphrase before creating, importing or signing when it has none', async () => {
    f.close();
    f = coreFixture({ passphrase: null });
    expect(await f.keys.ensureKey()).toBe(false);
    expect((await rejectionOf(() => f.keys.signer())).code).toBe('PASSPHRASE_REQUIRED');
    expect(codeOf(() => f.keys.prepare({ algorithm: 'ed25519' }))).toBe('PASSPHRASE_REQUIRED');
    expect(f.keys.status()).toMatchObject({
      exists: false,
      unlocked: false,
      protection: 'passphrase',
      keychain: false,
    });
  });
});

describe('signing keys in the desktop app (a stand-in keychain: Electron cannot run here)', () => {
  let f: CoreFixture;
  beforeEach(() => {
    f = coreFixture({ passphrase: null });
  });
  afterEach(() => f.close());

  it('opens a key the browser host sealed with a passphrase once it is given, then reseals it with the keychain', async () => {
    // Made by the browser host: sealed with its passphrase.
    f.protector.setPassphrase('correct horse battery');
    const made = await f.keys.signer();
    const desktop = createKeyProtector({ keychain: fakeKeychain() });
    const keys = createKeyManager({ keys: f.keysRepo, protector: desktop, clock: f.clock });
    expect(keys.status()).toMatchObject({ exists: true, unlocked: false, protection: 'passphrase', keychain: true });
    expect((await rejectionOf(() => keys.signer())).code).toBe('PASSPHRASE_REQUIRED');
    desktop.setPassphrase('correct horse battery');
    expect((await keys.signer()).keyId).toBe(made.keyId);
    expect(await keys.reseal('safe-storage')).toMatchObject({ protection: 'safe-storage', unlocked: true });
    expect(f.keysRepo.active()?.protection).toBe('safe-storage');
    // A later start of the desktop app opens it with the keychain alone.
    const later = createKeyManager({
      keys: f.keysRepo,
      protector: createKeyProtector({ keychain: fakeKeychain() }),
      clock: f.clock,
    });
    expect((await later.signer()).keyId).toBe(made.keyId);
    expect((await rejectionOf(() => later.reseal('safe-storage'))).reason).toBe('keys.already-protected');
  });

  it('reseals back to a passphrase, so the browser host can use the data again', async () => {
    const desktop = createKeyProtector({ keychain: fakeKeychain() });
    const keys = createKeyManager({ keys: f.keysRepo, protector: desktop, clock: f.clock });
    const made = await keys.signer();
    expect(f.keysRepo.active()?.protection).toBe('safe-storage');
    expect((await rejectionOf(() => keys.reseal('passphrase'))).code).toBe('PASSPHRASE_REQUIRED');
    desktop.setPassphrase('a new passphrase');
    await keys.reseal('passphrase');
    const browser = createKeyManager({
      keys: f.keysRepo,
      protector: createKeyProtector({ passphrase: 'a new passphrase' }),
      clock: f.clock,
    });
    expect((await browser.signer()).keyId).toBe(made.keyId);
  });

  it('falls back to the passphrase where there is no keychain (Linux without a keyring): it asks once, then signs', async () => {
    const noKeyring = createKeyProtector({ keychain: null });
    const keys = createKeyManager({ keys: f.keysRepo, protector: noKeyring, clock: f.clock });
    expect(keys.status()).toMatchObject({ exists: false, protection: 'passphrase', keychain: false });
    expect((await rejectionOf(() => keys.signer())).code).toBe('PASSPHRASE_REQUIRED');
    noKeyring.setPassphrase('correct horse battery');
    const signer = await keys.signer();
    expect(keys.status()).toMatchObject({ exists: true, unlocked: true, keyId: signer.keyId });
    expect(f.keysRepo.active()?.protection).toBe('passphrase');
  });

  it('stores the key sealed anew when the keychain rotated its own key', async () => {
    const keychain = fakeKeychain();
    const keys = createKeyManager({ keys: f.keysRepo, protector: createKeyProtector({ keychain }), clock: f.clock });
    await keys.signer();
    const before = f.keysRepo.active()?.sealedPrivate;
    keychain.rotated = true;
    const again = createKeyManager({ keys: f.keysRepo, protector: createKeyProtector({ keychain }), clock: f.clock });
    await again.signer();
    expect(f.keysRepo.active()?.sealedPrivate).not.toBe(before);
    expect(Buffer.from(f.keysRepo.active()?.sealedPrivate ?? '', 'base64').toString()).toMatch(/^v2:/);
  });
});
