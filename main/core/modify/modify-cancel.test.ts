import { createPublicKey, verify } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { goodsDeclaration } from '../../../shared/catalog';
import { modEnvelopeSchema } from '../../../shared/modify/mod-request';
import { sha256Hex } from '../../../shared/protocol';
import { rejectionOf } from '../../../test-support/main/app-error';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import { editedCopy, releasedDeclaration, releasedEntryId } from '../../../test-support/main/modify-fixture';
import type { ModRequestsRepo } from '../../db/repositories/mod-requests-repo';
import { createModRequestsRepo } from '../../db/repositories/mod-requests-repo';
import { createModDraftsRepo } from '../../db/repositories/mod-drafts-repo';
import type { ModifyCancel } from './modify-cancel';
import { createModifyCancel } from './modify-cancel';

const entryId = releasedEntryId;
const at = '2026-11-22T08:00:00.000Z';

describe('修撤单 on the client: built, signed and queued once, and its answer applied', () => {
  let f: CoreFixture;
  let requests: ModRequestsRepo;
  let mod: ModifyCancel;
  const onQueued = vi.fn();
  beforeEach(() => {
    f = coreFixture();
    requests = createModRequestsRepo(f.db);
    onQueued.mockClear();
    const names = (table: string, code: string) =>
      table === 'trade-modes' && code === '0110' ? '一般贸易' : undefined;
    mod = createModifyCancel(f.ctx, {
      repo: f.repo,
      requests,
      drafts: createModDraftsRepo(f.db),
      keys: f.keys,
      catalog: goodsDeclaration,
      names,
      onQueued,
    });
  });
  afterEach(() => f.close());

  const released = (channel = 'P', entry: string | null = entryId) => releasedDeclaration(f, channel, entry);
  const copyOf = (id: string, edit: Parameters<typeof editedCopy>[2]) => editedCopy(f, id, edit);

  it('修改申请 of two fields: DecModHead and DecModList from the differences, signed, queued once, 修改申请中', async () => {
    const id = released();
    const doc = copyOf(id, { head: { TradeMode: '0214' }, line0: { GQty: '12' } });
    const { requestId, changes } = await mod.modify({ id, reasonCase: 2, note: '短装', doc });
    expect(changes.map((c) => [c.no, c.fieldCode, c.oldValue, c.newValue, c.oldName])).toEqual([
      [1, 'TradeMode', '0110', '0214', '一般贸易'],
      [2, 'GQty@1', '10.5', '12', ''],
    ]);
    const [item, ...more] = requests.forDeclaration(id);
    expect(more).toEqual([]);
    expect(item).toMatchObject({ requestId, kind: 'modify', state: 'queued', reasonCase: 2, note: '短装' });
    expect(item?.head).toMatchObject({ DecModType: '1', EntryId: entryId, CustomsCode: '2201', IeFlag: 'I' });
    expect(item?.head.DecModNote).toMatch(/溢短装.*；短装$/);

    // The envelope is what was signed, under the desk's key, and its digest is kept beside it.
    const envelope = modEnvelopeSchema.parse(JSON.parse(item?.envelope ?? ''));
    expect(envelope).toMatchObject({ requestId, docType: 'decmod', reasonCase: 2, changes });
    expect(item?.digest).toBe(sha256Hex(item?.envelope ?? ''));
    const key = createPublicKey({
      key: Buffer.from(f.keys.exportPublic().publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    expect(verify(null, Buffer.from(item?.envelope ?? ''), key, Buffer.from(item?.signature ?? '', 'base64'))).toBe(
      true,
    );

    expect(f.declarations.get(id)).toMatchObject({ workflow: 'modifying', status: 'modify-requested' });
    expect(f.declarations.timeline(id).at(-1)).toMatchObject({ action: 'modify-request', changes: { requestId } });
    expect(onQueued).toHaveBeenCalledTimes(1);

    // A second request while this one waits is refused and queues nothing.
    const again = await rejectionOf(() => mod.modify({ id, reasonCase: 2, note: '', doc }));
    expect(again.reason).toBe('declarations.transition-refused');
    expect(await rejectionOf(() => mod.cancel({ id, reasonCase: 6, note: '' }))).toMatchObject({
      reason: 'declarations.transition-refused',
    });
    expect(requests.forDeclaration(id)).toHaveLength(1);
  });

  it('approved: the declaration takes the new values in a revision of its own; a repeated answer changes nothing', async () => {
    const id = released();
    const doc = copyOf(id, { head: { TradeMode: '0214' }, line0: { GQty: '12' } });
    const { requestId } = await mod.modify({ id, reasonCase: 6, note: '', doc });
    const answer = { at: '2026-11-23T08:00:00.000Z', note: '同意修改', reasons: [] };
    expect(mod.settle(requestId, 'approved', answer, 'M0001')).toBe(true);
    const after = f.declarations.get(id);
    expect(after).toMatchObject({ workflow: 'sent', status: 'released', entryId });
    expect(f.repo.loadDoc(f.repo.get(id) ?? (undefined as never))).toEqual(doc);
    expect(f.declarations.timeline(id).at(-1)).toMatchObject({ action: 'modify-approved', actor: 'hub' });
    expect(requests.get(requestId)).toMatchObject({ state: 'approved', modSeqNo: 'M0001', answer });

    const revision = f.declarations.get(id).revision;
    expect(mod.settle(requestId, 'approved', answer, 'M0001')).toBe(false);
    expect(mod.settle(requestId, 'refused', answer, 'M0001')).toBe(false);
    expect(f.declarations.get(id).revision).toBe(revision);
  });

  it('refused: the declaration stays as declared, with the reasons recorded', async () => {
    const id = released();
    const before = f.repo.loadDoc(f.repo.get(id) ?? (undefined as never));
    const { requestId } = await mod.modify({
      id,
      reasonCase: 6,
      note: '',
      doc: copyOf(id, { head: { TradeMode: '0214' } }),
    });
    const reasons = [
      { message: 'TradeMode may not be changed', reason: 'hub.modify-field-locked', params: { field: 'TradeMode' } },
    ];
    mod.settle(requestId, 'refused', { at, note: '', reasons }, null);
    expect(f.declarations.get(id)).toMatchObject({ workflow: 'sent', status: 'released' });
    // Told as a notice, as a receipt is: seen from any screen, not only the declaration's own.
    const { clientSeqNo } = f.declarations.get(id);
    expect(f.events.filter((e) => e.event === 'notice').map((e) => e.payload)).toEqual([
      {
        kind: 'rejected',
        message: `${clientSeqNo}: modification request refused`,
        reason: 'notices.mod-answer',
        params: { seqNo: clientSeqNo, kind: 'modify', outcome: 'refused' },
        declarationId: id,
      },
    ]);
    expect(f.repo.loadDoc(f.repo.get(id) ?? (undefined as never))).toEqual(before);
    expect(requests.get(requestId)?.answer?.reasons).toEqual(reasons);
  });

  it('撤单申请 with its case and note: 撤单申请中, then 已撤单 once approved', async () => {
    const id = released('G');
    const { requestId, changes } = await mod.cancel({ id, reasonCase: 5, note: '整批退运' });
    expect(changes).toEqual([]);
    expect(requests.get(requestId)?.head).toMatchObject({
      DecModType: '2',
      DecModNote: expect.stringMatching(/退运；整批退运$/),
    });
    expect(f.declarations.get(id)).toMatchObject({ workflow: 'cancelling', status: 'cancel-requested' });
    mod.settle(requestId, 'approved', { at, note: '', reasons: [] });
    expect(f.declarations.get(id)).toMatchObject({ workflow: 'cancelled', status: 'cancelled' });
    expect(mod.list(id).map((r) => [r.kind, r.state])).toEqual([['cancel', 'approved']]);
  });

  it("refuses 修改申请 and 撤单申请 under inspection (查验 C, 施检 S) before signing, in the hub's words, writing nothing", async () => {
    const signer = vi.spyOn(f.keys, 'signer');
    for (const channel of ['C', 'S']) {
      const id = released(channel);
      const before = f.declarations.get(id);
      const events = f.declarations.timeline(id).length;
      const doc = copyOf(id, { head: { TradeMode: '0214' } });
      for (const ask of [
        () => mod.modify({ id, reasonCase: 6, note: '', doc }),
        () => mod.cancel({ id, reasonCase: 6, note: '' }),
      ])
        expect(await rejectionOf(ask)).toMatchObject({ reason: 'modify.under-inspection', params: { entryId } });
      expect(requests.forDeclaration(id)).toEqual([]);
      expect(f.declarations.get(id)).toEqual(before);
      expect(f.declarations.timeline(id)).toHaveLength(events);
    }
    expect(signer).not.toHaveBeenCalled();
    expect(onQueued).not.toHaveBeenCalled();
  });

  it('refuses without a 海关编号, a declaration sent back, an unchanged copy or a line added, and queues nothing', async () => {
    const noEntry = released('P', null);
    const sentBack = released('Z');
    const id = released();
    const refusal = async (fn: () => Promise<unknown>) => (await rejectionOf(fn)).reason;
    expect(await refusal(() => mod.cancel({ id: noEntry, reasonCase: 6, note: '' }))).toBe(
      'declarations.transition-refused',
    );
    expect(await refusal(() => mod.cancel({ id: sentBack, reasonCase: 6, note: '' }))).toBe(
      'declarations.transition-refused',
    );
    expect(await refusal(() => mod.modify({ id, reasonCase: 6, note: '', doc: copyOf(id, {}) }))).toBe(
      'declarations.modify-nothing-changed',
    );
    const added = copyOf(id, {});
    added.lines.push({ GName: '梨' });
    expect(await refusal(() => mod.modify({ id, reasonCase: 6, note: '', doc: added }))).toBe(
      'declarations.modify-line-count',
    );
    for (const d of [noEntry, sentBack, id]) expect(requests.forDeclaration(d)).toEqual([]);
    expect(f.declarations.get(id)).toMatchObject({ workflow: 'sent', status: 'released' });
    expect(onQueued).not.toHaveBeenCalled();
  });
});
