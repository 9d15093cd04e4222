import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import type { TestStore } from '../../../test-support/hub/stores';
import { describeStores, eachEnrolledStore } from '../../../test-support/hub/stores';
import { enrolledClient, nonceFor } from '../../../test-support/hub/store-fixtures';
import type { AttachmentChunk, HubStore } from '../types';
import { NonceReplayedError } from '../types';

// The HubStore contract, 随附单据 files: chunks appended in order, a retried chunk changing nothing, a gap or another
// size refused writing nothing, the whole file kept only when it hashes to its name. Every case runs on each store.

describeStores('store contract: attachments', (kind) => {
  let data: TestStore;
  let store: HubStore;
  let clientId: string;
  const file = randomBytes(2500);
  const sha256 = createHash('sha256').update(file).digest('hex');
  const chunk = (offset: number, end: number, over: Partial<AttachmentChunk> = {}): AttachmentChunk => ({
    clientId,
    sha256,
    size: file.length,
    offset,
    bytes: file.subarray(offset, end),
    nonce: nonceFor(clientId),
    at: new Date().toISOString(),
    ...over,
  });

  eachEnrolledStore(kind, (open) => ({ data, store, clientId } = open));

  it('keeps a file sent in chunks once its bytes hash to its name, and a retried chunk changes nothing', async () => {
    expect(await store.attachmentState(clientId, sha256)).toEqual({ sha256, size: null, received: 0, complete: false });
    expect(await store.putAttachmentChunk(chunk(0, 1000))).toEqual({
      outcome: 'stored',
      state: { sha256, size: 2500, received: 1000, complete: false },
    });
    // The answer was lost: the same chunk again (a new nonce) stores nothing more.
    const again = chunk(0, 1000);
    expect((await store.putAttachmentChunk(again)).state.received).toBe(1000);
    await expect(store.hasNonce(clientId, again.nonce.nonce)).resolves.toBe(true);
    await store.putAttachmentChunk(chunk(1000, 2000));
    expect(await store.completeAttachments(clientId, [sha256])).toEqual(new Map());
    expect(await store.readAttachment(clientId, sha256)).toBeUndefined();
    expect(await store.putAttachmentChunk(chunk(2000, 2500))).toEqual({
      outcome: 'stored',
      state: { sha256, size: 2500, received: 2500, complete: true },
    });
    expect(await store.completeAttachments(clientId, [sha256, sha256, 'f'.repeat(64)])).toEqual(
      new Map([[sha256, 2500]]),
    );
    expect((await store.readAttachment(clientId, sha256))?.equals(file)).toBe(true);
    // A whole file sent again (another upload of the same PDF) changes nothing either.
    expect((await store.putAttachmentChunk(chunk(0, 1000))).state.complete).toBe(true);
    expect((await store.readAttachment(clientId, sha256))?.equals(file)).toBe(true);
  });

  it('appends only the new tail of a chunk that overlaps what is held', async () => {
    await store.putAttachmentChunk(chunk(0, 1000));
    expect((await store.putAttachmentChunk(chunk(500, 2500))).state).toEqual({
      sha256,
      size: 2500,
      received: 2500,
      complete: true,
    });
    expect((await store.readAttachment(clientId, sha256))?.equals(file)).toBe(true);
  });

  it('refuses a gap, another size and a chunk past the size, writing nothing, not even the nonce', async () => {
    await store.putAttachmentChunk(chunk(0, 1000));
    const before = await data.fingerprint();
    const gap = chunk(1500, 2000);
    expect(await store.putAttachmentChunk(gap)).toEqual({
      outcome: 'gap',
      state: { sha256, size: 2500, received: 1000, complete: false },
    });
    expect((await store.putAttachmentChunk(chunk(1000, 2000, { size: 3000 }))).outcome).toBe('size-mismatch');
    expect((await store.putAttachmentChunk(chunk(1000, 2000, { size: 1500 }))).outcome).toBe('size-mismatch');
    expect(await data.fingerprint()).toBe(before);
    await expect(store.hasNonce(clientId, gap.nonce.nonce)).resolves.toBe(false);
  });

  it('drops the partial file when the whole does not hash to its name, so it can be sent again', async () => {
    await store.putAttachmentChunk(chunk(0, 1000));
    const altered = Buffer.from(file.subarray(1000));
    altered[0] = (altered[0] ?? 0) ^ 0xff;
    const result = await store.putAttachmentChunk(chunk(1000, 2500, { bytes: altered }));
    expect(result).toEqual({ outcome: 'digest-mismatch', state: { sha256, size: null, received: 0, complete: false } });
    expect(await store.attachmentState(clientId, sha256)).toEqual({ sha256, size: null, received: 0, complete: false });
    expect(await store.completeAttachments(clientId, [sha256])).toEqual(new Map());
  });

  it("keeps each client's files apart, and a replayed nonce is refused with nothing written", async () => {
    await store.putAttachmentChunk(chunk(0, 2500));
    const other = await enrolledClient(store, '另一报关行');
    expect(await store.completeAttachments(other.clientId, [sha256])).toEqual(new Map());
    expect(await store.readAttachment(other.clientId, sha256)).toBeUndefined();
    const nonce = nonceFor(other.clientId);
    await store.putAttachmentChunk({ ...chunk(0, 1000), clientId: other.clientId, nonce });
    const before = await data.fingerprint();
    await expect(
      store.putAttachmentChunk({ ...chunk(1000, 2000), clientId: other.clientId, nonce }),
    ).rejects.toBeInstanceOf(NonceReplayedError);
    expect(await data.fingerprint()).toBe(before);
  });
});
