import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyIdOf } from '../../shared/protocol';
import { generateKey } from '../core/signing/key-material';
import { createKeyProtector, createPassphraseProtector } from '../core/signing/key-protector';
import type { DeskFixture } from '../../test-support/main/desk-fixture';
import { eachDeskFixture, PASSPHRASE } from '../../test-support/main/desk-fixture';
import { fakeKeychain } from '../../test-support/main/fake-keychain';
import { wangFang } from '../../test-support/main/profiles';

describe('a missing signing key gets its own recovery screen', () => {
  let f: DeskFixture;
  eachDeskFixture((fixture) => (f = fixture));
  const dbFile = () => path.join(f.dataDir, 'swdesk.sqlite');

  /**
   * A desk enrolled at a hub with an SM2 key whose private text the test keeps, with one
   * declaration waiting in the outbox signed by it; then the key row is lost.
   */
  async function enrolledThenKeyLost() {
    const desk = f.open();
    await f.call(desk, 'profiles.create', wangFang);
    const declaration = await f.call(desk, 'declarations.create', { ieFlag: 'I' });
    await desk.close();
    const material = generateKey('sm2');
    const keyId = keyIdOf(material.publicKey);
    const sealed = await createPassphraseProtector(PASSPHRASE).seal(material.privateBytes, 'passphrase');
    f.raw(dbFile(), (db) => {
      db.prepare(`UPDATE signing_keys SET active = 0, retired_at = 't'`).run();
      db.prepare(
        `INSERT INTO signing_keys (key_id, algorithm, public_key, sealed_private, protection, active, created_at) VALUES (?, 'sm2', ?, ?, 'passphrase', 1, 't')`,
      ).run(keyId, material.publicKey, sealed);
      db.prepare(`INSERT INTO settings (key, value) VALUES ('hub.connection', ?)`).run(
        JSON.stringify({ hubUrl: 'http://127.0.0.1:9', clientId: 'c1', keyId, enrolledAt: 't' }),
      );
      db.prepare(
        `INSERT INTO outbox (submission_id, declaration_id, revision, state, envelope, signature, key_id, digest, created_at, updated_at) VALUES ('s1', ?, 1, 'queued', '{}', 'sig', ?, 'd', 't', 't')`,
      ).run(declaration.id, keyId);
      db.prepare(`UPDATE declarations SET workflow = 'queued', status = 'queued' WHERE id = ?`).run(declaration.id);
      // The loss: the key row is gone (a database restored from elsewhere, an edit gone wrong).
      db.prepare(`DELETE FROM signing_keys WHERE key_id = ?`).run(keyId);
    });
    return { keyId, privateKey: material.privateBytes.toString('utf8'), declarationId: declaration.id };
  }

  it('names the missing key and what waits on it, instead of quietly making a new key the hub does not know', async () => {
    const { keyId } = await enrolledThenKeyLost();
    const desk = f.open();
    expect(await f.call(desk, 'desk.status', {})).toMatchObject({
      mode: 'recovery',
      problem: { kind: 'missing-key', missingKeyIds: [keyId], queued: 1, enrolled: true },
    });
    await desk.close();
    let active = 0;
    f.raw(dbFile(), (db) => {
      active = (db.prepare(`SELECT count(*) AS n FROM signing_keys WHERE active = 1`).get() as { n: number }).n;
    });
    expect(active).toBe(0);
  });

  it('puts the key back from its private key text — only the missing one — and the queued declaration stays queued', async () => {
    const { keyId, privateKey, declarationId } = await enrolledThenKeyLost();
    const desk = f.open();
    const other = generateKey('sm2').privateBytes.toString('utf8');
    const wrong = await f.failure(desk, 'recovery.importKey', { algorithm: 'sm2', privateKey: other });
    expect(wrong).toMatchObject({ code: 'BAD_INPUT' });
    expect(wrong.message).toContain(keyId);
    expect(await f.failure(desk, 'recovery.importKey', { algorithm: 'sm2', privateKey: 'not hex' })).toMatchObject({
      code: 'BAD_INPUT',
    });
    expect(desk.state().mode).toBe('recovery');

    expect(await f.call(desk, 'recovery.importKey', { algorithm: 'sm2', privateKey })).toMatchObject({
      mode: 'normal',
    });
    expect(await f.call(desk, 'keys.status', {})).toMatchObject({ keyId, algorithm: 'sm2', exists: true });
    expect(await f.call(desk, 'declarations.get', { id: declarationId })).toMatchObject({ workflow: 'queued' });
    expect((await f.call(desk, 'sync.status', {})).clientId).toBe('c1');
  });

  it('starts over with a new key: the queued declaration returns to drafts with a revision saying why, and the hub must be enrolled with again', async () => {
    const { keyId, declarationId } = await enrolledThenKeyLost();
    const desk = f.open();
    expect(await f.failure(desk, 'recovery.newKey', { confirm: false })).toMatchObject({ code: 'BAD_INPUT' });
    const result = await f.call(desk, 'recovery.newKey', { confirm: true });
    expect(result.mode).toBe('normal');
    expect(result.note?.message).toMatch(/^Returned to drafts, to declare again: SW/);
    expect(await f.call(desk, 'declarations.get', { id: declarationId })).toMatchObject({
      workflow: 'draft',
      status: 'draft',
    });
    const last = (await f.call(desk, 'declarations.timeline', { id: declarationId })).at(-1);
    expect(last).toMatchObject({ actor: 'recovery', action: 'withdraw' });
    expect(await f.call(desk, 'sync.status', {})).toMatchObject({ state: 'not-configured', clientId: null });
    const status = await f.call(desk, 'keys.status', {});
    expect(status.exists).toBe(true);
    expect(status.keyId).not.toBe(keyId);
    expect((await f.call(desk, 'outbox.list', { states: ['withdrawn'] })).map((o) => o.submissionId)).toEqual(['s1']);
  });

  it('a key the keychain can no longer unlock is a missing key too; a new key retires it', async () => {
    const keychain = fakeKeychain();
    const first = f.open(f.dataDir, { protector: createKeyProtector({ keychain }) });
    const { keyId, protection } = await f.call(first, 'keys.status', {});
    expect(protection).toBe('safe-storage');
    await first.close();

    keychain.refusing = true;
    const desk = f.open(f.dataDir, { protector: createKeyProtector({ keychain }) });
    expect(await f.call(desk, 'desk.status', {})).toMatchObject({
      mode: 'recovery',
      problem: { kind: 'missing-key', missingKeyIds: [keyId], enrolled: false },
    });
    expect(await f.call(desk, 'recovery.newKey', { confirm: true })).toMatchObject({ mode: 'normal' });
    const keys = await f.call(desk, 'keys.list', {});
    expect(keys.find((k) => k.keyId === keyId)).toMatchObject({ active: false });
    expect(keys.filter((k) => k.active)).toHaveLength(1);
  });

  it('refuses the key actions when no key is missing', async () => {
    await f.call(f.open(), 'profiles.list', {});
    const blocked = f.open(path.join(f.dir, 'other'));
    await f.call(blocked, 'desk.status', {});
    expect(await f.failure(blocked, 'recovery.newKey', { confirm: true })).toMatchObject({ code: 'INVALID_STATE' });
  });
});
