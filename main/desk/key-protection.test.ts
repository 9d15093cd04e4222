import { describe, expect, it } from 'vitest';
import { createKeyProtector, createPassphraseProtector } from '../core/signing/key-protector';
import type { DeskFixture } from '../../test-support/main/desk-fixture';
import { eachDeskFixture, PASSPHRASE } from '../../test-support/main/desk-fixture';
import { fakeKeychain } from '../../test-support/main/fake-keychain';
import { wangFang } from '../../test-support/main/profiles';

// One data folder opened by both hosts: the browser host seals keys with a passphrase, the desktop app
// with the OS keychain (a stand-in here: Electron cannot run on these machines), or with a passphrase
// too where there is no keychain (Linux without a keyring).
describe('the signing key across the browser host and the desktop app', () => {
  let f: DeskFixture;
  eachDeskFixture((fixture) => (f = fixture));

  it('data the browser host made opens in the desktop app; its passphrase is asked once, then the key can move to the keychain', async () => {
    const browser = f.open(f.dataDir, { protector: createPassphraseProtector(PASSPHRASE) });
    await f.call(browser, 'profiles.create', wangFang);
    const made = await f.call(browser, 'keys.status', {});
    expect(made).toMatchObject({ exists: true, protection: 'passphrase', keychain: false });
    await browser.close();

    const keychain = fakeKeychain();
    const desktop = f.open(f.dataDir, { protector: createKeyProtector({ keychain }) });
    expect(await f.call(desktop, 'desk.status', {})).toMatchObject({ mode: 'normal', problem: null });
    expect(await f.call(desktop, 'keys.status', {})).toMatchObject({
      keyId: made.keyId,
      protection: 'passphrase',
      unlocked: false,
      keychain: true,
    });
    expect(await f.failure(desktop, 'keys.unlock', { passphrase: 'not the passphrase' })).toMatchObject({
      code: 'KEY_ERROR',
      reason: 'keys.wrong-passphrase',
    });
    expect(await f.call(desktop, 'keys.unlock', { passphrase: PASSPHRASE })).toMatchObject({ unlocked: true });
    expect(await f.call(desktop, 'keys.reseal', { protection: 'safe-storage' })).toMatchObject({
      keyId: made.keyId,
      protection: 'safe-storage',
    });
    await desktop.close();

    // The next start needs no passphrase: the keychain opens the key.
    const again = f.open(f.dataDir, { protector: createKeyProtector({ keychain }) });
    expect(await f.call(again, 'keys.status', {})).toMatchObject({ keyId: made.keyId, unlocked: true });
    await again.close();
    // …and the browser host, which has no keychain, says why it cannot sign instead of looping on a passphrase.
    const browserAgain = f.open(f.dataDir, { protector: createPassphraseProtector(PASSPHRASE) });
    expect(await f.call(browserAgain, 'desk.status', {})).toMatchObject({ mode: 'normal' });
    expect(await f.failure(browserAgain, 'keys.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      reason: 'keys.keychain-unavailable',
    });
  });

  it('on Linux without a keyring the desktop app makes and opens its key with a passphrase — asked once', async () => {
    const noKeyring = f.open(f.dataDir, { protector: createKeyProtector({ keychain: null }) });
    await f.call(noKeyring, 'profiles.create', wangFang);
    expect(await f.call(noKeyring, 'keys.status', {})).toMatchObject({
      exists: false,
      protection: 'passphrase',
      keychain: false,
    });
    // The passphrase the renderer asks for makes the key: it is not asked for again.
    const unlocked = await f.call(noKeyring, 'keys.unlock', { passphrase: PASSPHRASE });
    expect(unlocked).toMatchObject({ exists: true, unlocked: true, protection: 'passphrase' });
    expect(await f.call(noKeyring, 'keys.status', {})).toMatchObject({ keyId: unlocked.keyId, unlocked: true });
    expect(await f.failure(noKeyring, 'keys.reseal', { protection: 'safe-storage' })).toMatchObject({
      reason: 'keys.keychain-unavailable',
    });
  });

  it('moving a keychain key to a passphrase needs one, named as the field', async () => {
    const desktop = f.open(f.dataDir, { protector: createKeyProtector({ keychain: fakeKeychain() }) });
    await f.call(desktop, 'profiles.create', wangFang);
    expect(await f.call(desktop, 'keys.status', {})).toMatchObject({ exists: true, protection: 'safe-storage' });
    const refused = await f.failure(desktop, 'keys.reseal', { protection: 'passphrase' });
    expect(refused).toMatchObject({ code: 'BAD_INPUT', reason: 'keys.new-passphrase-required' });
    expect(await f.call(desktop, 'keys.status', {})).toMatchObject({ protection: 'safe-storage' });
    expect(
      await f.call(desktop, 'keys.reseal', { protection: 'passphrase', passphrase: 'for the browser host' }),
    ).toMatchObject({ protection: 'passphrase' });
  });
});
