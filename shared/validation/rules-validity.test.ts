import { describe, expect, it } from 'vitest';
import type { CodeLookup } from './types';
import { check, fullLookup, messages, sample, summary } from '../../scripts/validation-harness';

/** The handbook's tables, with one row of 运输方式 given dates or a status as an official download would. */
function withTransportRow(extra: Record<string, string>): CodeLookup {
  const base = fullLookup();
  return {
    has: (table, code) => base.has(table, code),
    tariff: (code) => base.tariff?.(code),
    row: (table, code) => {
      const row = base.row?.(table, code);
      return table === 'transport-modes' && code === '2' && row ? { ...row, ...extra } : row;
    },
  };
}

describe('code-table membership in force (the handbook tables, read at run time)', () => {
  it('warns of a code found only in an older table: a 2018-only 关区 and a trade mode missing from the current sheet', () => {
    const findings = check(sample((d) => Object.assign(d.head, { CustomMaster: '0711', TradeMode: '3039' })));
    expect(findings.map((f) => `${f.severity}:${f.code}@${f.path}`)).toEqual(
      expect.arrayContaining(['warning:code-legacy@head.CustomMaster', 'warning:code-legacy@head.TradeMode']),
    );
    const legacy = findings.find((f) => f.path === 'head.CustomMaster');
    expect(legacy && messages(legacy).zh).toBe('申报地海关：代码 "0711" 只见于旧版代码表，申报前请确认仍然有效');
  });

  it('refuses a code out of force on the day: expired, not yet valid, or withdrawn', () => {
    const doc = sample();
    expect(summary(check(doc, { codes: withTransportRow({ valid_to: '20261121' }) }))).toEqual([
      'code-expired@head.TrafMode',
    ]);
    expect(summary(check(doc, { codes: withTransportRow({ valid_from: '20261123' }) }))).toEqual([
      'code-not-yet-valid@head.TrafMode',
    ]);
    expect(summary(check(doc, { codes: withTransportRow({ valid_from: '20180801', valid_to: '20261122' }) }))).toEqual(
      [],
    );
    const withdrawn = check(doc, { codes: withTransportRow({ status: '停用' }) });
    expect(summary(withdrawn)).toEqual(['code-retired@head.TrafMode']);
    const [first] = withdrawn;
    expect(first && messages(first)).toEqual({
      zh: '运输方式：代码 "2" 已停用（停用），请选择现行代码',
      en: 'Transport mode: code "2" has been withdrawn (停用) — choose a code in force',
    });
  });

  it('does not judge dates without today, nor membership without the table', () => {
    expect(summary(check(sample(), { codes: withTransportRow({ valid_to: '20000101' }), today: undefined }))).toEqual(
      [],
    );
    expect(
      summary(
        check(
          sample((d) => (d.head.CustomMaster = '0711')),
          { codes: undefined },
        ),
      ),
    ).toEqual([]);
  });
});
