// Estimating the duties and taxes of a 50-line declaration: p95 ≤ 2 ms (it runs as the broker types).
// The tariff is the built-in 2026 one, read whole; the lines draw on ad valorem, provisional, specific,
// compound and price-banded rates and on consumption tax, under FOB with freight as a total allocated
// over the lines and insurance by customs' 3‰ rule — the most work a declaration gives the estimate.
import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { builtinManifest, readBuiltinPackage } from '../shared/code-tables/builtin';
import { packageRows } from '../shared/code-tables/package';
import { estimateTaxes, tariffRatesFromRow, taxInputFromDoc } from '../shared/taxes';
import type { TariffRates, TaxTables } from '../shared/taxes';
import { sampleDeclaration } from '../shared/validation/sample-declaration';
import type { BenchResult } from './harness';
import { p95Result, sample } from './harness';

const ITERATIONS = 3_000;
const BUDGET_P95_MS = 2;

export async function run(): Promise<BenchResult[]> {
  const info = builtinManifest.find((t) => t.id === 'tariff');
  if (!info) throw new Error('no built-in tariff');
  const read = (file: string) => gunzipSync(fs.readFileSync(`resources/code-tables/${file}.gz`)).toString('utf8');
  const source = { table: 'tariff', version: info.version, asOf: info.asOf };
  const tariff = new Map<string, TariffRates>();
  for (const row of packageRows(readBuiltinPackage(info, read)))
    tariff.set(row.code ?? '', tariffRatesFromRow(row, source));
  const rateSource = { table: 'exchange-rates', version: 'bench', asOf: '2026-11-18' };
  const tables: TaxTables = {
    tariff: (code) => tariff.get(code),
    exchangeRate: (currency, month) => ({
      currency,
      month,
      rate: currency === 'USD' ? '7.1074' : '7.8912',
      source: rateSource,
    }),
  };
  // Codes with each kind of rate the tariff has (checked present below).
  const codes = [
    '0101290090', // 10% MFN
    '2203000000', // beer: specific MFN, consumption tax by the litre
    '2208200000', // spirits: compound consumption tax
    '9101110000', // watches: price-banded consumption tax
    '8471301000', // tablets: 0%
    '3304990021', // cosmetics: banded consumption tax
    '2710122000', // gasoline: specific consumption tax
  ].filter((c) => tariff.has(c));
  const doc = sampleDeclaration(50);
  Object.assign(doc.head, {
    IEFlag: 'I',
    TransMode: '3',
    FeeMark: '3',
    FeeRate: '1200',
    FeeCurr: 'USD',
    InsurMark: '',
    InsurRate: '',
  });
  doc.lines.forEach((line, i) => {
    line.CodeTS = codes[i % codes.length] ?? '0101290090';
    line.FirstQty = String(10 + i);
    line.SecondQty = String(20 + i);
    line.SecondUnit = '095';
    line.TradeCurr = i % 4 === 0 ? 'EUR' : 'USD';
  });
  const input = { ...taxInputFromDoc(doc), date: '2026-12-06' };
  // The same declaration with 协定税率 at work: 中国—东盟 (02) claimed, origins cycling through a party (VNM, THA),
  // a party to other agreements only (KOR: told not a party) and none (USA); and with nothing claimed, origins that
  // are parties (each line then checks whether an agreement's duty would be lower, to say so).
  const origins = ['VNM', 'THA', 'KOR', 'USA'];
  const withOrigins = input.lines.map((l, i) => ({ ...l, originCountry: origins[i % origins.length] ?? 'USA' }));
  const claimed = { ...input, head: { ...input.head, agreement: '02' }, lines: withOrigins };
  const unclaimed = { ...input, head: { ...input.head, agreement: '' }, lines: withOrigins };
  const cases = [
    { name: 'estimate taxes of a 50-line declaration (FOB, freight allocated, 3‰ insurance)', input },
    { name: 'the same with 中国—东盟 (02) claimed, origins VNM/THA/KOR/USA (agreement rates)', input: claimed },
    {
      name: 'the same with no agreement claimed, origins VNM/THA/KOR/USA (lower agreement rates named)',
      input: unclaimed,
    },
  ];
  const results: BenchResult[] = [];
  for (const c of cases) {
    let figures = 0;
    let agreementLines = 0;
    const times = await sample(
      ITERATIONS,
      () => {
        const e = estimateTaxes(c.input, tables);
        figures = e.lines.filter((l) => l.vat.amount !== null).length;
        agreementLines = e.lines.filter((l) => l.duty.rate?.basis === 'agreement').length;
      },
      200,
    );
    results.push(
      p95Result(c.name, { codes: codes.length, linesWithVat: figures, agreementLines }, times, BUDGET_P95_MS),
    );
  }
  return results;
}
