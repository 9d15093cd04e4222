import type { DeclarationDoc } from '../catalog';
import { elementRules, lineCountRule } from './rules-basic';
import type { CheckContext, Finding, Rule } from './types';

const rules: readonly Rule[] = [elementRules, lineCountRule];

/**
 * The one validation engine: the renderer runs it as the user types, main runs
 * it before signing, and the hub runs it as the authority.
 */
export function validateDeclaration(doc: DeclarationDoc, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) rule(doc, ctx, out);
  return out;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
