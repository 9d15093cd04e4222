import { describe, expect, it } from 'vitest';
import { messages } from './messages';

// English words that follow a number or a declaration's number, as the list's pager and the 申报 notice put them.
describe('the English of counts and notices', () => {
  it('counts one declaration in the singular, more (or a lower bound) in the plural', () => {
    expect(['1', '2', '50+'].map((n) => messages.en.totalCount(n))).toEqual([
      '1 declaration',
      '2 declarations',
      '50+ declarations',
    ]);
  });

  it('words the 申报 notice to follow the declaration’s number mid-sentence', () => {
    expect(`SW2612070001 ${messages.en.declared}`).toBe('SW2612070001 signed and queued');
  });
});
