import type { Row } from '../../../shared/catalog';
import { partySlotFields } from '../../../shared/libraries';
import { focusAfter } from './next-field';

/**
 * 同上: the 境内收发货人's name, code, USCC and CIQ code copied into 消费使用单位 (imports) or 生产销售单位
 * (exports) — often the same company — then the cursor goes on past that box. Nothing is copied
 * when 境内收发货人 is empty (an empty box would only clear the other). Returns whether it copied.
 */
export function copyTradeToOwner(
  head: Row,
  ieFlag: 'I' | 'E',
  setField: (path: string, value: string) => void,
  commit: (path: string) => void,
): boolean {
  const from = partySlotFields('trade', ieFlag);
  const to = partySlotFields('owner', ieFlag);
  const pairs = (['name', 'code', 'uscc', 'ciq'] as const).flatMap((k) => {
    const source = from[k];
    const target = to[k];
    return source && target ? [[source, target] as const] : [];
  });
  if (!pairs.some(([source]) => (head[source] ?? '').trim() !== '')) return false;
  for (const [source, target] of pairs) setField(`head.${target}`, head[source] ?? '');
  commit(`head.${to.name ?? ''}`);
  focusAfter(new Set(pairs.map(([, target]) => `head.${target}`)), ieFlag, null);
  return true;
}
