import { describe, expect, it } from 'vitest';
import { normalizeTable } from './normalize';
import { codeValidity, normalizeValidityDate } from './validity';

describe('codeValidity', () => {
  it('judges a dated row against today: not yet, in force, expired', () => {
    const row = { code: '1', name_zh: 'x', valid_from: '20260101', valid_to: '20261231' };
    expect(codeValidity(row, '20251231')).toEqual({ state: 'not-yet', from: '20260101' });
    expect(codeValidity(row, '20260101')).toEqual({ state: 'current' });
    expect(codeValidity(row, '20261231')).toEqual({ state: 'current' });
    expect(codeValidity(row, '20270101')).toEqual({ state: 'expired', until: '20261231' });
    // Without today's date the dates are not judged.
    expect(codeValidity(row)).toEqual({ state: 'current' });
  });

  it('reads a status: current, withdrawn, or only in an older table', () => {
    expect(codeValidity({ code: '1', status: 'current' })).toEqual({ state: 'current' });
    expect(codeValidity({ code: '1', status: '有效' })).toEqual({ state: 'current' });
    expect(codeValidity({ code: '1' })).toEqual({ state: 'current' });
    expect(codeValidity({ code: '1', status: '停用' })).toEqual({ state: 'retired', status: '停用' });
    expect(codeValidity({ code: '1', status: 'Inactive' })).toEqual({ state: 'retired', status: 'Inactive' });
    expect(codeValidity({ code: '1', status: 'legacy_2018_only' })).toEqual({
      state: 'legacy',
      status: 'legacy_2018_only',
    });
  });
});

describe('validity dates in a code-table file', () => {
  it('takes 生效日期 / 失效日期 in the usual spellings and stores them as yyyyMMdd', () => {
    const table = normalizeTable('units', [
      ['代码', '名称', '生效日期', '失效日期'],
      ['035', '千克', '2018-08-01', ''],
      ['036', '克', '2018/08/01', '20251231 00:00:00'],
    ]);
    expect(table.problems).toEqual([]);
    expect(table.rows.map((r) => [r.code, r.valid_from, r.valid_to])).toEqual([
      ['035', '20180801', ''],
      ['036', '20180801', '20251231'],
    ]);
  });

  it('refuses a date that is not one, naming the line and column', () => {
    const table = normalizeTable('units', [
      ['code', 'name_zh', 'end_date'],
      ['035', '千克', '31.12.2025'],
      ['036', '克', '2025-13-01'],
    ]);
    expect(table.problems).toEqual([
      {
        line: 2,
        column: 'valid_to',
        code: 'bad-date',
        params: { value: '31.12.2025', code: '035' },
        message: 'Code 035: the date "31.12.2025" is not a date (yyyyMMdd or yyyy-MM-dd)',
      },
      {
        line: 3,
        column: 'valid_to',
        code: 'bad-date',
        params: { value: '2025-13-01', code: '036' },
        message: 'Code 036: the date "2025-13-01" is not a date (yyyyMMdd or yyyy-MM-dd)',
      },
    ]);
  });

  it('normalizes the date forms it knows and nothing else', () => {
    expect(normalizeValidityDate('2026-11-22')).toBe('20261122');
    expect(normalizeValidityDate('2026-11-22T08:00:00Z')).toBe('20261122');
    expect(normalizeValidityDate('22/11/2026')).toBeNull();
    expect(normalizeValidityDate('')).toBeNull();
  });
});
