import { randomBytes, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { TestStore } from '../../../test-support/hub/stores';
import { describeStores, eachStore } from '../../../test-support/hub/stores';
import { enrolledClient, keyRecord, nonceFor, record, item, accepted } from '../../../test-support/hub/store-fixtures';
import type { HubStore } from '../types';
import { NonceReplayedError } from '../types';

// The HubStore contract, part 1: enrollment, clients, keys, nonces and code tables. Every case runs
// on each store (describeStores); a store that passes them can replace another under the hub.

describeStores('store contract: enrollment, clients, keys, nonces', (kind) => {
  let data: TestStore;
  let store: HubStore;
  eachStore(kind, (open) => ({ data, store } = open));

  async function code(expiresAt = Date.now() + 60_000): Promise<string> {
    const codeHash = randomBytes(16).toString('hex');
    await store.createEnrollmentCode({ codeHash, label: '上海', createdAt: new Date().toISOString(), expiresAt });
    return codeHash;
  }
  const enrollWith = (codeHash: string, now = Date.now()) =>
    store.enroll({
      codeHash,
      now,
      client: { id: randomUUID(), name: '上海洋山报关有限公司', enrolledAt: new Date(now).toISOString() },
      key: keyRecord(),
    });

  it('enrolls with a usable code, once, and keeps the client and its key as given', async () => {
    const codeHash = await code();
    const at = new Date('2026-12-06T08:00:00.123Z');
    const key = keyRecord();
    const id = randomUUID();
    const result = await store.enroll({
      codeHash,
      now: at.getTime(),
      client: { id, name: '上海洋山报关有限公司', enrolledAt: at.toISOString() },
      key,
    });
    expect(result).toEqual({ clientId: id });
    expect(await store.getClient(id)).toEqual({
      id,
      name: '上海洋山报关有限公司',
      enrolledAt: '2026-12-06T08:00:00.123Z',
      revokedAt: null,
    });
    expect(await store.getKey(id, key.keyId)).toEqual(key);
    expect(await store.getKey(id, 'ffffffffffffffff')).toBeUndefined();
    expect(await store.getClient(randomUUID())).toBeUndefined();
    const before = await data.fingerprint();
    expect(await enrollWith(codeHash)).toBeNull();
    expect(await data.fingerprint()).toBe(before);
  });

  it('refuses an expired or unknown code and writes nothing', async () => {
    const expired = await code(Date.now() - 1);
    const before = await data.fingerprint();
    expect(await enrollWith(expired)).toBeNull();
    expect(await enrollWith(randomBytes(16).toString('hex'))).toBeNull();
    expect(await data.fingerprint()).toBe(before);
    expect((await store.stats()).clients).toBe(0);
  });

  it('lets one of two enrollments racing over one code through (as two processes would)', async () => {
    const codeHash = await code();
    const other = await data.reopen();
    try {
      const now = Date.now();
      const attempt = (s: HubStore) =>
        s.enroll({
          codeHash,
          now,
          client: { id: randomUUID(), name: 'x', enrolledAt: new Date(now).toISOString() },
          key: keyRecord(),
        });
      const results = await Promise.all([attempt(store), attempt(other), attempt(store), attempt(other)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect((await store.stats()).clients).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('lists clients with their key and submission counts; revoking keeps the first time', async () => {
    // Listed in enrolment order: B a second after A (in one millisecond the order is the ids', which are random).
    const a = await enrolledClient(store, 'A', Date.now());
    const b = await enrolledClient(store, 'B', Date.now() + 1_000);
    await record(store, a.clientId, [item(accepted()), item(accepted())]);
    const list = await store.listClients();
    expect(list.map((c) => [c.name, c.keyCount, c.submissionCount])).toEqual([
      ['A', 1, 2],
      ['B', 1, 0],
    ]);
    expect(list[0]?.lastSubmissionAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(list[1]?.lastSubmissionAt).toBeNull();
    expect(await store.revokeClient(b.clientId, '2026-12-06T09:00:00.000Z')).toBe(true);
    expect(await store.revokeClient(b.clientId, '2026-12-07T09:00:00.000Z')).toBe(true);
    expect((await store.getClient(b.clientId))?.revokedAt).toBe('2026-12-06T09:00:00.000Z');
    expect(await store.revokeClient(randomUUID(), '2026-12-06T09:00:00.000Z')).toBe(false);
  });

  it('adds a key with the request nonce in one transaction; a known key is "exists"; a replay adds nothing', async () => {
    const { clientId, key } = await enrolledClient(store);
    const second = keyRecord();
    expect(await store.addKey({ clientId, key: second, nonce: nonceFor(clientId) })).toBe('added');
    expect(await store.getKey(clientId, second.keyId)).toEqual(second);
    expect(await store.addKey({ clientId, key, nonce: nonceFor(clientId) })).toBe('exists');
    const used = nonceFor(clientId);
    await store.consumeNonce(used);
    const before = await data.fingerprint();
    await expect(store.addKey({ clientId, key: keyRecord(), nonce: used })).rejects.toThrow(NonceReplayedError);
    expect(await data.fingerprint()).toBe(before);
  });

  it('remembers a nonce once — also when the replay reaches another process — and prunes expired ones', async () => {
    const { clientId } = await enrolledClient(store);
    const use = nonceFor(clientId, 1_000);
    expect(await store.hasNonce(clientId, use.nonce)).toBe(false);
    await store.consumeNonce(use);
    expect(await store.hasNonce(clientId, use.nonce)).toBe(true);
    await expect(store.consumeNonce(use)).rejects.toThrow(NonceReplayedError);
    const other = await data.reopen();
    try {
      await expect(other.consumeNonce(use)).rejects.toThrow(NonceReplayedError);
      expect(await other.hasNonce(clientId, use.nonce)).toBe(true);
    } finally {
      await other.close();
    }
    const later = nonceFor(clientId, 5_000);
    await store.consumeNonce(later);
    expect(await store.pruneNonces(2_000)).toBe(1);
    expect(await store.hasNonce(clientId, use.nonce)).toBe(false);
    expect(await store.hasNonce(clientId, later.nonce)).toBe(true);
  });
});

describeStores('store contract: code tables', (kind) => {
  let store: HubStore;
  eachStore(kind, (open) => ({ store } = open));

  const table = (sha256: string, rows: Record<string, string>[]) => ({
    tableId: 'ports',
    columns: ['code', 'name'],
    rows,
    sha256,
    source: 'ports.csv',
    importedAt: '2026-12-06T08:00:00.000Z',
  });
  const rows: Record<string, string>[] = [
    { code: 'CNSHA', name: '上海' },
    { code: 'USLAX', name: '洛杉矶', note: '"quoted" \\ back' },
  ];

  it('versions a table only when its content changes, and serves each version with its rows in order', async () => {
    expect(await store.codeTablesStamp()).toBe(0);
    expect(await store.importCodeTable(table('a', rows))).toEqual({ version: 1, created: true });
    const stamp = await store.codeTablesStamp();
    expect(await store.importCodeTable(table('a', rows))).toEqual({ version: 1, created: false });
    expect(await store.codeTablesStamp()).toBe(stamp);
    const changed = [...rows, { code: 'DEHAM', name: '汉堡' }];
    expect(await store.importCodeTable(table('b', changed))).toEqual({ version: 2, created: true });
    expect(await store.codeTablesStamp()).not.toBe(stamp);
    await store.importCodeTable({ ...table('c', [{ code: '0110', name: '一般贸易' }]), tableId: 'trade-modes' });

    expect((await store.listCodeTables()).map((t) => [t.id, t.version, t.rowCount])).toEqual([
      ['ports', 2, 3],
      ['trade-modes', 1, 1],
    ]);
    const latest = await store.getCodeTable('ports');
    expect(latest).toMatchObject({ id: 'ports', version: 2, sha256: 'b', columns: ['code', 'name'], rowCount: 3 });
    expect(latest?.importedAt).toBe('2026-12-06T08:00:00.000Z');
    expect(latest?.rows).toEqual(changed);
    expect((await store.getCodeTable('ports', 1))?.rows).toEqual(rows);
    expect(await store.getCodeTable('ports', 3)).toBeUndefined();
    expect(await store.getCodeTable('nope')).toBeUndefined();
    expect(await store.latestCodeTableRows()).toEqual([
      { id: 'ports', rows: changed },
      { id: 'trade-modes', rows: [{ code: '0110', name: '一般贸易' }] },
    ]);
    expect((await store.stats()).codeTableVersions).toBe(3);
  });

  it('imports a table of 12,000 rows in one version', async () => {
    const many = Array.from({ length: 12_000 }, (_, i) => ({ code: String(i).padStart(10, '0'), name: `品名${i}` }));
    expect(await store.importCodeTable({ ...table('big', many), tableId: 'tariff' })).toEqual({
      version: 1,
      created: true,
    });
    const stored = await store.getCodeTable('tariff');
    expect(stored?.rows).toHaveLength(12_000);
    expect(stored?.rows[11_999]).toEqual({ code: '0000011999', name: '品名11999' });
  });
});
