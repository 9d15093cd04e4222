import type { DeclarationDoc } from '../../shared/catalog';
import { createLifecycle } from '../../main/core/lifecycle/lifecycle';
import type { CoreFixture } from './core-fixture';
import { keyedDraft } from './core-fixture';

/** The 海关编号 the declarations these helpers release are given. */
export const releasedEntryId = '222620261000000001';

/**
 * A declaration as customs holds it — declared, taken, and given a receipt with `channel` under `entryId` — for tests
 * of modification and cancellation requests (修撤单). Its id.
 */
export function releasedDeclaration(f: CoreFixture, channel = 'P', entryId: string | null = releasedEntryId): string {
  const at = '2026-11-22T08:00:00.000Z';
  const id = keyedDraft(f, {
    head: { TradeMode: '0110', TradeName: '上海测试贸易有限公司', CustomMaster: '2201' },
    lines: [{ GName: '鲜苹果', GQty: '10.5' }],
  });
  const lifecycle = createLifecycle(f.repo);
  const state = () => f.repo.getState(id) ?? (undefined as never);
  f.db.transaction(() => {
    lifecycle.apply(state(), 'declare', { at, actor: 'tester', changes: {} });
    lifecycle.apply(state(), 'accepted', { at, actor: 'hub', changes: {} });
    lifecycle.apply(state(), 'receipt', { at, actor: 'customs', changes: {}, channel, entryId });
  })();
  return id;
}

/** The declaration's document as stored, with `head` fields and the first goods line's fields changed. */
export function editedCopy(
  f: CoreFixture,
  id: string,
  edit: { head?: Record<string, string>; line0?: Record<string, string> },
): DeclarationDoc {
  const doc = f.repo.loadDoc(f.repo.get(id) ?? (undefined as never));
  return {
    ...doc,
    head: { ...doc.head, ...edit.head },
    lines: doc.lines.map((l, i) => (i === 0 ? { ...l, ...edit.line0 } : l)),
  };
}
