import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goodsDeclaration } from '../../../shared/catalog';
import { parseXml } from '../../../shared/interchange';
import { editedCopy, releasedDeclaration, releasedEntryId } from '../../../test-support/main/modify-fixture';
import type { BridgeSetupOptions } from '../../../test-support/main/bridge-fixture';
import { bridgeBase, bridgeEngineOn } from '../../../test-support/main/bridge-fixture';
import { cleanupsPerTest } from '../../../test-support/main/cleanups';
import { createModDraftsRepo } from '../../db/repositories/mod-drafts-repo';
import { createModRequestsRepo } from '../../db/repositories/mod-requests-repo';
import { createModifyCancel } from '../modify/modify-cancel';

describe('修撤单 through the e-port client folder bridge', () => {
  const cleanups = cleanupsPerTest();

  /** A desk on the bridge, a declaration customs has released, and the e-port client stand-in; `fx` to restart. */
  function setup(options: BridgeSetupOptions = {}) {
    const { fx, impPath, client } = bridgeBase(cleanups, options);
    const requests = createModRequestsRepo(fx.db);
    const modifyCancel = createModifyCancel(fx.ctx, {
      repo: fx.repo,
      requests,
      drafts: createModDraftsRepo(fx.db),
      keys: fx.keys,
      catalog: goodsDeclaration,
      onQueued: () => bridge.enqueued(),
    });
    const { bridge, files, ls } = bridgeEngineOn(fx, impPath, cleanups, { mods: { requests, modifyCancel } });
    const doc = (id: string) => fx.repo.loadDoc(fx.repo.get(id) ?? (undefined as never));
    return { fx, impPath, client, bridge, requests, files, modifyCancel, ls, doc };
  }

  it('修改申请: written once into OutBox as the DecMod message, approved from InBox, the values changed', async () => {
    const { fx, client, bridge, requests, files, modifyCancel, ls, doc, impPath } = setup();
    const id = releasedDeclaration(fx);
    const edited = editedCopy(fx, id, { head: { TradeMode: '0214' }, line0: { GQty: '12' } });
    const { requestId } = await modifyCancel.modify({ id, reasonCase: 2, note: '短装', doc: edited });
    await bridge.syncNow();
    const [name, ...more] = ls('OutBox');
    expect(more).toEqual([]);
    const root = parseXml(fs.readFileSync(path.join(impPath, 'OutBox', name ?? ''), 'utf8'));
    const value = (e: typeof root, n: string) => e.children.find((c) => c.name === n)?.text;
    expect(root.name).toBe('DecModMessage');
    expect([value(root, 'DecModType'), value(root, 'EntryId'), value(root, 'OperType')]).toEqual([
      '1',
      releasedEntryId,
      'C',
    ]);
    expect(value(root, 'Sign')).toBeUndefined();
    const items = root.children.find((c) => c.name === 'Items')?.children ?? [];
    expect(items.map((i) => ['FieldCode', 'OldValue', 'NewValue'].map((n) => value(i, n)))).toEqual([
      ['TradeMode', '0110', '0214'],
      ['GQty@1', '10.5', '12'],
    ]);
    expect(requests.get(requestId)?.state).toBe('sending');
    // Passes while it waits in OutBox write nothing more.
    fx.clock.advance(10_000);
    await bridge.syncNow();
    expect(ls('OutBox')).toEqual([name]);

    const [handled] = client.step();
    await bridge.syncNow();
    expect(requests.get(requestId)).toMatchObject({ state: 'approved', modSeqNo: handled?.mod?.modSeqNo });
    expect(doc(id)).toEqual(edited);
    expect(fx.declarations.get(id)).toMatchObject({ workflow: 'sent', status: 'released' });
    expect(fx.declarations.timeline(id).at(-1)).toMatchObject({ action: 'modify-approved', actor: 'e-port client' });
    expect(files.counts()).toEqual({ applied: 3, unmatched: 0, unreadable: 0 });
    expect(ls('InBox')).toEqual([]);
  });

  it('refused: the declaration stays as declared, with the single window’s words as the reason', async () => {
    const { fx, client, bridge, requests, modifyCancel, doc } = setup({ client: { modAnswer: () => 'refused' } });
    const id = releasedDeclaration(fx);
    const before = doc(id);
    const { requestId } = await modifyCancel.modify({
      id,
      reasonCase: 6,
      note: '',
      doc: editedCopy(fx, id, { head: { TradeMode: '0214' } }),
    });
    await bridge.syncNow();
    client.step();
    await bridge.syncNow();
    expect(requests.get(requestId)).toMatchObject({ state: 'refused' });
    expect(requests.get(requestId)?.answer?.reasons).toEqual([
      expect.objectContaining({
        reason: 'modify.eport-refused',
        params: { note: '该报关单已进入查验环节，不予修改' },
      }),
    ]);
    expect(doc(id)).toEqual(before);
    expect(fx.declarations.get(id)).toMatchObject({ workflow: 'sent', status: 'released' });
  });

  it('撤单申请: DecModType 2 with no items; approved, the declaration is 已撤单', async () => {
    const { fx, client, bridge, requests, modifyCancel, ls, impPath } = setup();
    const id = releasedDeclaration(fx);
    const { requestId } = await modifyCancel.cancel({ id, reasonCase: 5, note: '整批退运' });
    await bridge.syncNow();
    const root = parseXml(fs.readFileSync(path.join(impPath, 'OutBox', ls('OutBox')[0] ?? ''), 'utf8'));
    expect(root.children.find((c) => c.name === 'DecModType')?.text).toBe('2');
    expect(root.children.find((c) => c.name === 'DecModNote')?.text).toMatch(/退运；整批退运$/);
    expect(root.children.find((c) => c.name === 'Items')?.children).toEqual([]);
    client.step();
    await bridge.syncNow();
    expect(requests.get(requestId)?.state).toBe('approved');
    expect(fx.declarations.get(id)).toMatchObject({ workflow: 'cancelled', status: 'cancelled' });
  });

  it('after a crash between marking it sending and the rename, writes it again — once; a restart applies no answer twice', async () => {
    const { fx, bridge, requests, modifyCancel, ls, impPath, files } = setup({ client: { idle: true } });
    const id = releasedDeclaration(fx);
    const { requestId } = await modifyCancel.cancel({ id, reasonCase: 6, note: '' });
    // The crash: marked sending, its staged file written, never renamed into OutBox.
    requests.markSending(requestId, 'crash');
    fs.mkdirSync(path.join(impPath, 'SwDeskStaging'), { recursive: true });
    fs.writeFileSync(path.join(impPath, 'SwDeskStaging', `DecMod_${requestId}.xml.1.part`), '<DecModMessage');
    await bridge.syncNow();
    expect(ls('OutBox')).toHaveLength(1);
    fx.clock.advance(10_000);
    await bridge.syncNow();
    expect(ls('OutBox')).toHaveLength(1);
    expect(requests.get(requestId)).toMatchObject({ state: 'sending', attempts: 2 });

    // The client comes up; its answers are read by a restarted engine, then delivered again under other names.
    await bridge.stop();
    const restarted = setup({ fx, impPath });
    const [handled] = restarted.client.step();
    const answers = (handled?.receipts ?? []).map((f) => fs.readFileSync(f));
    await restarted.bridge.syncNow();
    expect(fx.declarations.get(id)).toMatchObject({ workflow: 'cancelled' });
    const revision = fx.declarations.get(id).revision;
    answers.forEach((bytes, i) => fs.writeFileSync(path.join(impPath, 'InBox', `again_${i}.xml`), bytes));
    await restarted.bridge.syncNow();
    expect(fx.declarations.get(id).revision).toBe(revision);
    expect(fx.declarations.timeline(id).filter((r) => r.action === 'cancel-approved')).toHaveLength(1);
    expect(ls('InBox')).toEqual([]);
    expect(files.counts()).toEqual({ applied: 3, unmatched: 0, unreadable: 0 });
    expect(ls('SentBox')).toHaveLength(1);
  });

  it('refuses a malformed answer with a clear reason, keeps one about no waiting request, and changes nothing; a request given back (FailBox) is refused', async () => {
    const { fx, client, bridge, requests, modifyCancel, files, impPath } = setup({
      client: { modAnswer: () => 'returned' },
    });
    const id = releasedDeclaration(fx);
    const { requestId } = await modifyCancel.cancel({ id, reasonCase: 6, note: '' });
    await bridge.syncNow();
    const revision = fx.declarations.get(id).revision;
    fs.writeFileSync(
      path.join(impPath, 'InBox', 'bad.xml'),
      `<HzApprovalResult><FeedbackResults>Y</FeedbackResults><ResultNote>审核通过</ResultNote></HzApprovalResult>`,
    );
    await bridge.syncNow();
    expect(files.recent(1)[0]).toMatchObject({
      outcome: 'unreadable',
      note: '<HzApprovalResult> has no DestResourceId: the answer to the modification or cancellation request was not applied',
    });
    // Well formed but about no request waiting: kept unmatched, nothing guessed.
    fs.writeFileSync(
      path.join(impPath, 'InBox', 'other.xml'),
      `<HzApprovalResult><DestResourceId>000000000000999999</DestResourceId><FeedbackResults>Y</FeedbackResults></HzApprovalResult>`,
    );
    await bridge.syncNow();
    expect(files.counts()).toEqual({ applied: 0, unmatched: 1, unreadable: 1 });
    expect(requests.get(requestId)?.state).toBe('sending');
    expect(fx.declarations.get(id)).toMatchObject({ revision, workflow: 'cancelling' });

    client.step();
    await bridge.syncNow();
    expect(requests.get(requestId)?.answer?.reasons).toEqual([
      expect.objectContaining({ reason: 'modify.eport-returned', params: { file: expect.stringMatching(/^Failed_/) } }),
    ]);
    expect(fx.declarations.get(id)).toMatchObject({ workflow: 'sent', status: 'released' });
  });
});
