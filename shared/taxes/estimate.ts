import { type Exact, ZERO, cmp, exact, format, sum } from './exact';
import { makeConverter, valueLines } from './customs-value';
import { lineTaxes } from './line-taxes';
import type {
  LineEstimate,
  TaxEstimate,
  TaxHeadInput,
  TaxKind,
  TaxLineInput,
  TaxProblem,
  TaxTables,
  TaxTotal,
} from './types';

/**
 * The duty estimate of one import declaration, offline: the same code runs in the desk as the broker
 * types and in the hub for the 税费单 after release. Every amount is exact (./exact.ts) and every figure
 * names its inputs and the rate row it used; what could not be computed is null with a problem saying
 * why, never zero.
 */

/** 一票货物 whose duty, or whose VAT or consumption tax, comes to under 50 元 is not levied that tax. */
export const LEVY_THRESHOLD = exact(50n);

const KINDS: readonly TaxKind[] = ['duty', 'consumption', 'vat'];

/**
 * A goods line with neither 商品编号 nor 申报总价 has not been keyed yet (a new line, or one the broker is
 * about to fill): it is named once and left out, not reported field by field.
 */
function isBlank(line: TaxLineInput): boolean {
  return line.codeTs.trim() === '' && line.declTotal.trim() === '';
}

function monthOf(date: string): string {
  const match = /^(\d{4})-?(\d{2})/.exec(date);
  return match ? `${match[1]}-${match[2]}` : '';
}

export function estimateTaxes(
  input: { head: TaxHeadInput; lines: readonly TaxLineInput[]; date: string },
  tables: TaxTables,
): TaxEstimate {
  const problems: TaxProblem[] = [];
  const month = monthOf(input.date);
  const empty = (): Record<TaxKind, TaxTotal> => ({
    duty: { computed: '0.00', complete: false, payable: '0.00' },
    consumption: { computed: '0.00', complete: false, payable: '0.00' },
    vat: { computed: '0.00', complete: false, payable: '0.00' },
  });
  if (input.head.ieFlag === 'E') {
    problems.push({ code: 'taxes.exportNotEstimated', severity: 'missing', params: {} });
    return { date: input.date, month, lines: [], totals: empty(), problems };
  }
  const keyed = input.lines.flatMap((line, i) => {
    if (!isBlank(line)) return [{ line, gNo: i + 1 }];
    problems.push({ code: 'taxes.lineBlank', severity: 'note', gNo: i + 1, params: {} });
    return [];
  });
  const conv = makeConverter(tables, month, problems);
  const valued = valueLines(
    input.head,
    keyed.map((k) => k.line),
    conv,
    problems,
    keyed.map((k) => k.gNo),
  );
  const amounts: Record<TaxKind, (Exact | null)[]> = { duty: [], consumption: [], vat: [] };
  const oldTariffs = new Set<string>();
  const year = input.date.slice(0, 4);

  const lines: LineEstimate[] = keyed.map(({ line, gNo }, i) => {
    const v = valued[i];
    const tariff = tables.tariff(line.codeTs);
    if (!tariff)
      problems.push({ code: 'taxes.tariffUnknown', severity: 'missing', gNo, params: { code: line.codeTs } });
    else if (tariff.source.asOf !== '' && tariff.source.asOf.slice(0, 4) < year) {
      // By the tariff year: customs publish the year's 税则 to take effect on 1 January, and a tariff stays in force
      // after its date until the next one. Comparing whole dates named every estimate made after the built-in
      // tariff's date (August) as older than its declaration — a note on every screen that said nothing.
      oldTariffs.add(`${tariff.source.version}|${tariff.source.asOf}`);
    }
    if (line.dutyMode !== '' && line.dutyMode !== '1') {
      problems.push({ code: 'taxes.dutyModeNotApplied', severity: 'note', gNo, params: { dutyMode: line.dutyMode } });
    }
    const taxes = lineTaxes({ gNo, problems }, line, tariff, v?.value ?? null, {
      general: tables.generalRateOrigin?.(line.originCountry) ?? false,
      agreement: input.head.agreement,
    });
    for (const kind of KINDS) amounts[kind].push(taxes.amounts[kind]);
    const goods = v?.goods ?? { amount: null, rate: null, formula: 'converted', inputs: {} };
    return {
      gNo,
      codeTs: line.codeTs,
      goods,
      freight: v?.freight ?? goods,
      insurance: v?.insurance ?? goods,
      customsValue: v?.customsValue ?? goods,
      duty: taxes.duty,
      consumption: taxes.consumption,
      vat: taxes.vat,
    };
  });
  for (const key of oldTariffs) {
    const [version = '', asOf = ''] = key.split('|');
    problems.push({ code: 'taxes.tariffOld', severity: 'note', params: { version, asOf, date: input.date } });
  }

  const totals = empty();
  for (const kind of KINDS) {
    const list = amounts[kind];
    const computed = sum(list.filter((a): a is Exact => a !== null));
    const complete = list.length > 0 && list.every((a) => a !== null);
    const below = complete && cmp(computed, LEVY_THRESHOLD) < 0 && cmp(computed, ZERO) > 0;
    if (below)
      problems.push({
        code: 'taxes.belowThreshold',
        severity: 'note',
        params: { tax: kind, computed: format(computed) },
      });
    totals[kind] = { computed: format(computed), complete, payable: format(below ? ZERO : computed) };
  }
  return { date: input.date, month, lines, totals, problems };
}
