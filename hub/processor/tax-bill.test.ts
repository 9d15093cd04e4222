import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { sampleExportPayload, samplePayload } from '../../test-support/hub/fixtures';
import { memoryTaxTables } from '../../test-support/shared/tax-tables';
import { draftsDue } from './customs-processor';
import { planFor } from './plan';
import { taxBillFor, withTaxBill } from './tax-bill';

// The sample import: 0808100000 鲜苹果, USD 1500 CIF, MFN 10 %, VAT 9 %, USD at 7.1 in December 2026.
const tables = memoryTaxTables(
  [{ code: '0808100000', mfn: '10%', vat: '9%' }],
  [
    { currency: 'USD', month: '2026-11', rate: '7.0' },
    { currency: 'USD', month: '2026-12', rate: '7.1' },
  ],
);
const config = (processor: Record<string, unknown> = {}) => loadConfig({ overrides: { processor } }).processor;
const acceptedAt = Date.parse('2026-12-06T20:00:00.000Z'); // 7 December in China

describe('the 税费单 the hub computes', () => {
  it('works the bill out with the shared estimate as of the day of acceptance in China, on a T 需交税费 receipt', () => {
    const bill = taxBillFor(samplePayload(), tables, acceptedAt);
    // 1500 × 7.1 = 10650.00; duty 10 % = 1065.00; VAT (10650.00 + 1065.00) × 9 % = 1054.35.
    expect(bill?.date).toBe('2026-12-07');
    expect(bill?.lines.map((l) => [l.customsValue.amount, l.duty.amount, l.vat.amount])).toEqual([
      ['10650.00', '1065.00', '1054.35'],
    ]);
    expect(bill?.lines[0]?.duty.rate).toMatchObject({ basis: 'mfn', text: '10%', row: '0808100000' });
    const planned = planFor(config({ stepDelayMs: 0, stepDelays: {} }), randomUUID(), samplePayload(), true);
    const plan = withTaxBill(planned, bill);
    const drafts = draftsDue(
      {
        submissionPk: 1,
        clientId: 'c',
        submissionId: 's',
        clientSeqNo: 'C1',
        seqNo: 'I2026',
        entryId: '224820261000000001',
        plan,
        nextStep: 0,
        dueAt: 0,
      },
      acceptedAt,
    );
    expect(drafts.map((d) => [d.channel, d.taxBill?.totals.vat.payable ?? null])).toEqual([
      ['7', null],
      ['L', null],
      ['T', '1054.35'],
      ['P', null],
    ]);
  });

  it('takes the month of acceptance: a declaration accepted in November is reckoned at November’s rate', () => {
    const bill = taxBillFor(samplePayload(), tables, Date.parse('2026-11-30T15:00:00.000Z'));
    // 23:00 on 30 November in China: 1500 × 7.0 = 10500.00, duty 1050.00.
    expect([bill?.month, bill?.lines[0]?.duty.amount]).toEqual(['2026-11', '1050.00']);
  });

  it('puts it on a T before the conclusion of a 完整申报 (no release of its own), on none of a stopped plan or an export', () => {
    const bill = taxBillFor(samplePayload(), tables, acceptedAt);
    const complete = planFor(
      config(),
      randomUUID(),
      samplePayload((doc) => (doc.head.Type = '  6')),
      true,
    );
    expect(withTaxBill(complete, bill).map((s) => [s.channel, s.taxBill !== undefined])).toEqual([
      ['7', false],
      ['L', false],
      ['T', true],
      ['R', false],
    ]);
    const stopped = planFor(config({ rules: [{ id: 'stop', channel: 'E' }] }), randomUUID(), samplePayload(), true);
    expect(withTaxBill(stopped, bill).map((s) => [s.channel, s.taxBill !== undefined])).toEqual([
      ['7', false],
      ['L', false],
      ['E', false],
    ]);
    expect(taxBillFor(sampleExportPayload(), tables, acceptedAt)).toBeNull();
  });

  it('has the T of a billed plan after the review and before the inspection, or on the T a rule fires, once', () => {
    const channels = (...fired: string[]) =>
      planFor(
        config({ rules: fired.map((channel) => ({ id: channel, channel })) }),
        randomUUID(),
        samplePayload(),
        true,
      ).map((s) => s.channel);
    expect(channels('G', 'C')).toEqual(['7', 'L', 'G', 'T', 'C', 'P']);
    expect(channels('G')).toEqual(['7', 'L', 'G', 'T', 'P']);
    expect(channels('T', 'G')).toEqual(['7', 'L', 'T', 'G', 'P']);
  });

  it('bills a 两步申报 once: no bill for its 概要申报, whose goods the 完整申报 is billed for', () => {
    const typed = (type: string) => samplePayload((doc) => (doc.head.Type = type));
    expect(taxBillFor(typed('  5'), tables, acceptedAt)).toBeNull();
    expect(taxBillFor(typed('  6'), tables, acceptedAt)?.totals.vat.payable).toBe('1054.35');
  });
});
