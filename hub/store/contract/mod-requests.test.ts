import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { reasonMessage } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { accepted, enrolledClient, item, nonceFor, record } from '../../../test-support/hub/store-fixtures';
import type { TestStore } from '../../../test-support/hub/stores';
import { describeStores, eachEnrolledStore } from '../../../test-support/hub/stores';
import type { HubStore, ModDecision, ModRequestInput, ModTarget } from '../types';
import { NonceReplayedError } from '../types';

// The HubStore contract, part 4: modification and cancellation requests (修撤单) — judged once by request id on the
// declaration as the store holds it, the declaration's values changed (or cancelled) in the same transaction.

const declared: DeclarationDoc = {
  head: { TradeMode: '0110', GrossWet: '100' },
  lines: [{ GNo: '1', GName: '鲜苹果', GQty: '10' }],
  tables: {},
};
const edited: DeclarationDoc = {
  head: { TradeMode: '0110', GrossWet: '120' },
  lines: [{ GNo: '1', GName: '鲜苹果', GQty: '12' }],
  tables: {},
};

const approve = (doc: DeclarationDoc | null, cancel = false): ModDecision => ({
  outcome: 'approved',
  note: '已通过',
  reasons: [],
  doc,
  cancel,
});

describeStores('store contract: modification and cancellation requests', (kind) => {
  let data: TestStore;
  let store: HubStore;
  let clientId: string;
  let entryId: string;
  eachEnrolledStore(kind, async (open) => {
    ({ data, store, clientId } = open);
    const decision = { ...accepted(), envelopeText: JSON.stringify({ payload: { ieFlag: 'I', doc: declared } }) };
    await record(store, clientId, [item(decision)]);
    const rows = await data.sql('SELECT entry_id FROM submissions');
    entryId = String(rows[0]?.entry_id);
  });

  const request = (decide: (t: ModTarget | undefined) => ModDecision, extra: Partial<ModRequestInput> = {}) => ({
    clientId,
    nonce: nonceFor(clientId),
    receivedAt: '2026-12-07T01:00:00.000Z',
    requestId: randomUUID(),
    digest: 'a'.repeat(64),
    kind: 'modify' as const,
    entryId,
    keyId: 'k',
    envelopeText: '{"decmod":1}',
    signature: 'sig',
    decide,
    ...extra,
  });

  it('judges a request on the declaration as declared and, approved, holds the new values under a 修撤单统一编号', async () => {
    const seen: (ModTarget | undefined)[] = [];
    const input = request((t) => {
      seen.push(t);
      return approve(edited);
    });
    const receipt = await store.recordModRequest(input);
    expect(seen).toEqual([{ doc: declared, lastChannel: null, cancelled: false }]);
    expect(receipt).toEqual({
      requestId: input.requestId,
      digest: input.digest,
      outcome: 'approved',
      modSeqNo: 'M20260000000000001',
      at: '2026-12-07T01:00:00.000Z',
      note: '已通过',
      reasons: [],
    });
    expect(await store.getDeclaration(clientId, entryId)).toEqual({
      entryId,
      doc: edited,
      cancelledAt: null,
      modifications: 1,
    });
    expect(await store.getModRequest(clientId, input.requestId)).toEqual(receipt);
  });

  it('answers a request id again with its first receipt and judges it no second time; other content is a conflict', async () => {
    let judged = 0;
    const input = request(() => {
      judged++;
      return approve(edited);
    });
    const first = await store.recordModRequest(input);
    const again = await store.recordModRequest({ ...input, nonce: nonceFor(clientId) });
    expect(again).toEqual(first);
    const other = await store.recordModRequest({ ...input, nonce: nonceFor(clientId), digest: 'b'.repeat(64) });
    expect(other).toBe('conflict');
    expect(judged).toBe(1);
    expect((await store.getDeclaration(clientId, entryId))?.modifications).toBe(1);
    // The nonce is consumed with the request: a replay is refused and writes nothing.
    await expect(store.recordModRequest({ ...input, requestId: randomUUID() })).rejects.toThrow(NonceReplayedError);
  });

  it('refuses with reasons and keeps the values; the next request sees the latest receipt channel and the cancellation', async () => {
    const refusal: ModDecision = {
      outcome: 'refused',
      note: '未通过',
      reasons: [reasonMessage('modify.under-inspection', { entryId })],
      doc: null,
      cancel: false,
    };
    const refused = await store.recordModRequest(request(() => refusal));
    expect(refused).toMatchObject({ outcome: 'refused', reasons: refusal.reasons, modSeqNo: 'M20260000000000001' });
    expect((await store.getDeclaration(clientId, entryId))?.doc).toEqual(declared);

    const cancelled = await store.recordModRequest(request(() => approve(null, true), { kind: 'cancel' }));
    expect(cancelled).toMatchObject({ outcome: 'approved', modSeqNo: 'M20260000000000002' });
    expect(await store.getDeclaration(clientId, entryId)).toMatchObject({
      cancelledAt: '2026-12-07T01:00:00.000Z',
      modifications: 0,
    });
    const seen: (ModTarget | undefined)[] = [];
    await store.recordModRequest(request((t) => (seen.push(t), refusal)));
    expect(seen[0]).toMatchObject({ cancelled: true });
  });

  it('passes the CHANNEL of the latest receipt (查验) to the judgement', async () => {
    const [work] = await store.dueWork(Date.now() + 1000, 10);
    if (!work) throw new Error('no work queued');
    await store.issueReceipts([
      {
        submissionPk: work.submissionPk,
        clientId,
        submissionId: work.submissionId,
        clientSeqNo: work.clientSeqNo,
        step: 0,
        receiptId: randomUUID(),
        channel: 'C',
        note: '查验通知',
        noticeDate: '2026-12-07',
        seqNo: work.seqNo,
        entryId,
        errors: [],
        nextDueAt: 0,
      },
    ]);
    const seen: (ModTarget | undefined)[] = [];
    await store.recordModRequest(request((t) => (seen.push(t), approve(edited))));
    expect(seen[0]?.lastChannel).toBe('C');
  });

  it("finds only this client's declaration: another desk's request about it is judged on nothing and changes nothing", async () => {
    const other = (await enrolledClient(store, '另一家')).clientId;
    const seen: (ModTarget | undefined)[] = [];
    const receipt = await store.recordModRequest({
      ...request((t) => (seen.push(t), approve(edited))),
      clientId: other,
      nonce: nonceFor(other),
    });
    expect(seen).toEqual([undefined]);
    expect(receipt).not.toBe('conflict');
    expect(await store.getDeclaration(other, entryId)).toBeUndefined();
    expect((await store.getDeclaration(clientId, entryId))?.doc).toEqual(declared);
  });
});
