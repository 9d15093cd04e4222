import { describe, expect, it } from 'vitest';
import { joinGModel, splitGModel } from './gmodel';

describe('申报要素 ↔ 规格型号', () => {
  it("splits GModel into the tariff's positions, padding missing ones and keeping extras with the last", () => {
    expect(splitGModel('0|3|鲜', 5)).toEqual(['0', '3', '鲜', '', '']);
    expect(splitGModel('', 2)).toEqual(['', '']);
    expect(splitGModel('0|3|a|b|c', 3)).toEqual(['0', '3', 'a|b|c']);
  });

  it('joins the values with |, every position kept, a | typed inside a value made harmless', () => {
    expect(joinGModel(['0', '3', ' 鲜 ', '', '富士'])).toBe('0|3|鲜||富士');
    expect(joinGModel(['0', 'a|b'])).toBe('0|a/b');
  });
});
