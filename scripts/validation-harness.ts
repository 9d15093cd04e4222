// Shared by the validation tests: run the engine on a declaration the way main does before
// signing, with every official table copy loaded, and summarize the findings.
import { goodsDeclaration } from '../shared/catalog';
import type { DeclarationDoc } from '../shared/catalog';
import type { CheckContext, CodeLookup, Finding } from '../shared/validation';
import { formatFinding, validateDeclaration } from '../shared/validation';
import { sampleDeclaration } from '../shared/validation/sample-declaration';
import { domainCodeLookup } from './domain-lookup';

let lookup: CodeLookup | undefined;

/** Every official table copy plus the built-ins, loaded once. */
export function fullLookup(): CodeLookup {
  lookup ??= domainCodeLookup();
  return lookup;
}

export function check(doc: DeclarationDoc, options: Partial<Omit<CheckContext, 'catalog'>> = {}): Finding[] {
  return validateDeclaration(doc, {
    catalog: goodsDeclaration,
    stage: 'declare',
    ieFlag: (doc.head.IEFlag as 'I' | 'E' | undefined) ?? 'I',
    codes: fullLookup(),
    today: '20261122',
    ...options,
  });
}

/** `code@path` of each finding, for compact assertions. */
export function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.path}`);
}

/** The sample declaration after `change`. */
export function sample(change: (doc: DeclarationDoc) => void = () => {}, lines = 1): DeclarationDoc {
  const doc = sampleDeclaration(lines);
  change(doc);
  return doc;
}

/** Both messages of a finding; a missing template would fall back to the bare code. */
export function messages(finding: Finding): { zh: string; en: string } {
  return { zh: formatFinding(goodsDeclaration, finding, 'zh-CN'), en: formatFinding(goodsDeclaration, finding, 'en') };
}

/** The sample as an export: FOB, the line's countries in the export message's swapped places. */
export function sampleExport(change: (doc: DeclarationDoc) => void = () => {}): DeclarationDoc {
  return sample((d) => {
    d.head.IEFlag = 'E';
    d.head.TransMode = '3';
    for (const line of d.lines)
      Object.assign(line, { OriginCountry: 'USA', DestinationCountry: 'CHN', GModel: '0|0|鲜|富士|一级||||' });
    change(d);
  });
}
