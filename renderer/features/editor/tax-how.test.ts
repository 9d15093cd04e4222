import { describe, expect, it } from 'vitest';
import { estimateTaxes } from '../../../shared/taxes/estimate';
import { head, line, memoryTaxTables } from '../../../test-support/shared/tax-tables';
import { howSteps } from './tax-how';
import { type TaxMessages, taxMessages } from './tax-messages';

// The panel's and the printed sheet's words for an agreement rate: which agreement a duty rests on, and why one was
// not applied.
const tables = memoryTaxTables([{ code: '0000000001', mfn: '10%', provisional: '6%', agreements: { '02': '3%' } }], []);
const vnm = line({ tradeCurr: 'CNY', declTotal: '10000', originCountry: 'VNM' });

describe('agreement rates in the how-it-was-computed words', () => {
  it('names the agreement and its code beside the rate and the tariff row it came from', () => {
    const e = estimateTaxes({ head: head({ agreement: '02' }), lines: [vnm], date: '2026-12-06' }, tables);
    const [line1] = e.lines;
    if (!line1) throw new Error('no line');
    expect(howSteps(line1, taxMessages['zh-CN'])[2]).toContain(
      '协定税率 中国—东盟自贸协定（02） 3% (0000000001, test.1)',
    );
    expect(howSteps(line1, taxMessages.en)[2]).toContain('agreement China–ASEAN FTA (02) 3% (0000000001, test.1)');
  });

  it('names the provisional or MFN rate the agreement rate was levied over, and no other rate when none was', () => {
    const duty = (t: TaxMessages, e: ReturnType<typeof estimateTaxes>) => e.lines.map((l) => howSteps(l, t)[2]);
    const claimed = estimateTaxes({ head: head({ agreement: '02' }), lines: [vnm], date: '2026-12-06' }, tables);
    // 中国—东盟 3% = 300.00 against provisional 6% = 600.00: the agreement rate is levied, over the provisional one.
    expect(duty(taxMessages['zh-CN'], claimed)).toEqual([
      '关税 300.00: 从价：完税价格 × 税率 — 协定税率 中国—东盟自贸协定（02） 3% (0000000001, test.1)，低于暂定税率 6%（从低适用） — 完税价格 10000.00 · 从价税率 3%',
    ]);
    expect(duty(taxMessages.en, claimed)).toEqual([
      'Duty 300.00: ad valorem: value × rate — agreement China–ASEAN FTA (02) 3% (0000000001, test.1), lower than the provisional rate 6% (the lower applies) — customs value 10000.00 · ad valorem rate 3%',
    ]);
    // With no provisional rate, the MFN rate is the one beaten; a provisional rate levied names no other.
    const mfnOnly = memoryTaxTables([{ code: '0000000001', mfn: '10%', agreements: { '02': '3%' } }], []);
    const overMfn = estimateTaxes({ head: head({ agreement: '02' }), lines: [vnm], date: '2026-12-06' }, mfnOnly);
    expect(duty(taxMessages['zh-CN'], overMfn)[0]).toContain('3% (0000000001, test.1)，低于最惠国税率 10%（从低适用）');
    expect(duty(taxMessages.en, overMfn)[0]).toContain('3% (0000000001, test.1), lower than the MFN rate 10% (the');
    const provisional = estimateTaxes({ head: head(), lines: [vnm], date: '2026-12-06' }, tables);
    expect(duty(taxMessages['zh-CN'], provisional)[0]).toContain('暂定税率 6% (0000000001, test.1) — 完税价格');
    expect(duty(taxMessages.en, provisional)[0]).not.toContain('lower than');
  });

  it('says why the agreement rate was not applied, in Chinese and in English', () => {
    const undeclared = estimateTaxes({ head: head(), lines: [vnm], date: '2026-12-06' }, tables);
    const [note] = undeclared.problems;
    if (!note) throw new Error('no note');
    expect(taxMessages['zh-CN'].problem(note)).toBe(
      '第 1 项：原产国 VNM 可适用中国—东盟自贸协定（02）协定税率 3%，但未申报优惠贸易协定（原产地证明），未按协定税率计算',
    );
    expect(taxMessages.en.problem(note)).toBe(
      'Line 1: Origin VNM qualifies for the China–ASEAN FTA (02) rate 3%, but no preferential agreement (origin certificate) is declared: not applied',
    );
    const usa = line({ tradeCurr: 'CNY', declTotal: '10000', originCountry: 'USA' });
    const notMember = estimateTaxes({ head: head({ agreement: '02' }), lines: [usa], date: '2026-12-06' }, tables);
    expect(notMember.problems.map((p) => taxMessages['zh-CN'].problem(p))).toEqual([
      '第 1 项：原产国 USA 不是中国—东盟自贸协定（02）的成员，未按协定税率计算',
    ]);
    const rcep = estimateTaxes({ head: head({ agreement: '22' }), lines: [usa], date: '2026-12-06' }, tables);
    expect(rcep.problems.map((p) => taxMessages.en.problem(p))).toEqual([
      'Line 1: The agreement 22 is not in the agreement table (no source for its code or parties): not applied',
    ]);
  });
});
