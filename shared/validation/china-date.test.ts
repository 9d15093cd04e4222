import { describe, expect, it } from 'vitest';
import { chinaDate, msUntilChinaMidnight } from './china-date';

describe('chinaDate', () => {
  it('turns the day at 16:00 UTC, midnight in China', () => {
    expect(chinaDate(Date.parse('2026-11-22T15:59:59.999Z'))).toBe('20261122');
    expect(chinaDate(Date.parse('2026-11-22T16:00:00.000Z'))).toBe('20261123');
  });

  it('crosses a year end on China time', () => {
    expect(chinaDate(Date.parse('2026-12-31T16:30:00Z'))).toBe('20270101');
  });

  it('counts the time to the next midnight in China', () => {
    expect(msUntilChinaMidnight(Date.parse('2026-11-22T15:59:59.000Z'))).toBe(1000);
    expect(msUntilChinaMidnight(Date.parse('2026-11-22T16:00:00.000Z'))).toBe(86_400_000);
    const at = Date.parse('2026-11-22T10:30:00.000Z');
    expect(chinaDate(at + msUntilChinaMidnight(at))).toBe('20261123');
    expect(chinaDate(at + msUntilChinaMidnight(at) - 1)).toBe('20261122');
  });
});
