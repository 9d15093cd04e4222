import { describe, expect, it } from 'vitest';
import { actionFor } from './keymap';
import { copyTradeToOwner } from './same-as-trade';

describe('同上 (Ctrl+D)', () => {
  const trade = { TradeName: '上海鲜果贸易有限公司', TradeCode: '3101230456', TradeCoScc: '91310000132212345R' };

  it('copies 境内收发货人 into 消费使用单位 / 生产销售单位, an empty field too', () => {
    for (const ieFlag of ['I', 'E'] as const) {
      const set: Record<string, string> = {};
      const committed: string[] = [];
      expect(
        copyTradeToOwner(
          { ...trade, OwnerCiqCode: '3100000001' },
          ieFlag,
          (p, v) => (set[p] = v),
          (p) => committed.push(p),
        ),
      ).toBe(true);
      expect(set).toEqual({
        'head.OwnerName': '上海鲜果贸易有限公司',
        'head.OwnerCode': '3101230456',
        'head.OwnerCodeScc': '91310000132212345R',
        'head.OwnerCiqCode': '',
      });
      expect(committed).toEqual(['head.OwnerName']);
    }
  });

  it('copies nothing from an empty 境内收发货人, and is bound to Ctrl+D in the editor only', () => {
    const set: string[] = [];
    expect(
      copyTradeToOwner(
        { OwnerName: '别的公司' },
        'I',
        (p) => set.push(p),
        () => undefined,
      ),
    ).toBe(false);
    expect(set).toEqual([]);
    const ctrlD = { key: 'd', code: 'KeyD', altKey: false, ctrlKey: true, metaKey: false, shiftKey: false };
    expect(actionFor(ctrlD, 'editor')).toBe('same-as-trade');
    expect(actionFor(ctrlD, 'app')).toBeNull();
  });
});
