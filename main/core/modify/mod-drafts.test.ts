import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeclarationDoc } from '../../../shared/catalog';
import type { DeskFixture } from '../../../test-support/main/desk-fixture';
import { eachDeskFixture } from '../../../test-support/main/desk-fixture';
import { wangFang } from '../../../test-support/main/profiles';

const ENTRY = '220120261000000123';

describe('修改申请 kept as a draft of the request (a desk over a real file)', () => {
  let f: DeskFixture;
  eachDeskFixture((fixture) => (f = fixture));

  /** A declaration customs holds (released under a 海关编号), as a desk left it on disk; the desk open again. */
  async function released() {
    let desk = f.open();
    await f.call(desk, 'profiles.create', wangFang);
    const id = await f.draft(desk, [
      { op: 'set', path: 'head.GrossWet', value: '1200' },
      { op: 'insertRow', table: 'lines', row: { GName: '鲜苹果', CodeTS: '0808100000', GQty: '10' } },
    ]);
    await desk.close();
    // Declared, taken and released elsewhere in the tests; here only its state on disk matters.
    f.raw(path.join(f.dataDir, 'swdesk.sqlite'), (db) =>
      db
        .prepare(
          `UPDATE declarations SET workflow = 'sent', status = 'released', channel = 'P', entry_id = ? WHERE id = ?`,
        )
        .run(ENTRY, id),
    );
    desk = f.open();
    return { desk, id };
  }

  const edited = (doc: DeclarationDoc, grossWet: string): DeclarationDoc => ({
    ...doc,
    head: { ...doc.head, GrossWet: grossWet },
  });

  it('survives closing the desk and reopening the same file, is no declaration of the list, and goes when queued', async () => {
    const { desk, id } = await released();
    const declared = await f.call(desk, 'declarations.get', { id });
    const listed = await f.call(desk, 'declarations.list', {});
    expect(await f.call(desk, 'declarations.modDraft', { id })).toBeNull();

    await f.call(desk, 'declarations.saveModDraft', { id, doc: edited(declared.doc, '1250') });
    await f.call(desk, 'declarations.saveModDraft', { id, doc: edited(declared.doc, '1300') });
    await desk.close();

    const again = f.open();
    expect(await f.call(again, 'declarations.modDraft', { id })).toMatchObject({
      doc: { head: { GrossWet: '1300' }, lines: [{ GName: '鲜苹果' }] },
      baseRevision: declared.revision,
    });
    // The copy is not a declaration: the list and the declaration itself are as they were.
    expect(await f.call(again, 'declarations.list', {})).toEqual(listed);
    expect((await f.call(again, 'declarations.get', { id })).doc.head.GrossWet).toBe('1200');

    const draft = await f.call(again, 'declarations.modDraft', { id });
    await f.call(again, 'declarations.requestModification', {
      id,
      doc: draft?.doc ?? declared.doc,
      reasonCase: 6,
      note: '毛重录入错误',
    });
    expect(await f.call(again, 'declarations.modDraft', { id })).toBeNull();
    // A request waiting: there is nothing to prepare until it is answered, so no draft is kept.
    const refused = await f.failure(again, 'declarations.saveModDraft', { id, doc: edited(declared.doc, '1400') });
    expect(refused.message).toContain(declared.clientSeqNo);
    expect(await f.call(again, 'declarations.modDraft', { id })).toBeNull();
  });

  it('放弃修改 removes it; a declaration without a 海关编号 takes no draft, refused naming it', async () => {
    const { desk, id } = await released();
    const declared = await f.call(desk, 'declarations.get', { id });
    await f.call(desk, 'declarations.saveModDraft', { id, doc: edited(declared.doc, '1250') });
    expect(await f.call(desk, 'declarations.discardModDraft', { id })).toEqual({ discarded: true });
    expect(await f.call(desk, 'declarations.discardModDraft', { id })).toEqual({ discarded: false });
    expect(await f.call(desk, 'declarations.modDraft', { id })).toBeNull();
    const draft = await f.call(desk, 'declarations.create', { ieFlag: 'E' });
    const refused = await f.failure(desk, 'declarations.saveModDraft', { id: draft.id, doc: declared.doc });
    expect(refused.message).toContain(draft.clientSeqNo);
  });
});
