// Validating a 50-line declaration: p95 ≤ 2 ms. The renderer runs the same engine on
// every keystroke and main runs it before signing, with every code table loaded — here the
// handbook's copies of the official tables, read at run time, and the built-ins.
import { goodsDeclaration } from '../shared/catalog';
import { validateDeclaration } from '../shared/validation';
import { sampleDeclaration } from '../shared/validation/sample-declaration';
import { domainCodeLookup } from '../scripts/domain-lookup';
import type { BenchResult } from './harness';
import { p95Result, sample } from './harness';

const ITERATIONS = 3_000;
const BUDGET_P95_MS = 2;

export async function run(): Promise<BenchResult[]> {
  const codes = domainCodeLookup();
  const clean = sampleDeclaration(50);
  // A declaration with findings costs more (messages are formatted by the caller, not here).
  const troubled = sampleDeclaration(50);
  troubled.head.GrossWet = '900';
  troubled.lines.forEach((line, i) => {
    if (i % 3 === 0) line.DeclTotal = '1';
    if (i % 5 === 0) line.FirstUnit = '007';
  });
  const results: BenchResult[] = [];
  for (const [name, doc] of [
    ['clean', clean],
    ['with findings', troubled],
  ] as const) {
    let findings = 0;
    const times = await sample(
      ITERATIONS,
      () => {
        findings = validateDeclaration(doc, {
          catalog: goodsDeclaration,
          stage: 'declare',
          ieFlag: 'I',
          codes,
          today: '20261122',
        }).length;
      },
      200,
    );
    results.push(p95Result(`validate 50-line declaration (${name})`, { findings }, times, BUDGET_P95_MS));
  }
  return results;
}
