import type { DeclarationDoc } from '../catalog';
import { firstQtyRule, totalRule, weightRules } from './rules-amounts';
import { elementRules, lineCountRule } from './rules-basic';
import { feeRules } from './rules-fees';
import { licenceRules } from './rules-licences';
import { attachmentRules, countrySwapRule, dateAndDirectionRules, lineNumberRule, referenceRules } from './rules-lines';
import { tariffRules } from './rules-tariff';
import { tradeModeRules } from './rules-trade-mode';
import { twoStepModeRule } from './rules-two-step';
import type { CheckContext, Finding, Rule } from './types';

/** Every rule family of DOMAIN.md §4.5, in the order their findings are listed. */
const rules: readonly Rule[] = [
  elementRules, // required by stage, code-table membership, formats, byte lengths
  twoStepModeRule, // DecHead/Type's 两步申报 position matches the stage
  lineCountRule,
  lineNumberRule, // GNo sequence, the 50-line cap
  referenceRules, // line numbers in sub-tables, nested rows' parents
  weightRules, // gross ≥ net > 0, ≥ 1 kg, packages ≥ 1
  totalRule, // total ≈ price × quantity
  firstQtyRule,
  tariffRules, // legal units, second quantity, 申报要素
  feeRules, // 成交方式 ↔ freight and insurance
  tradeModeRules, // 监管方式 ↔ 征免性质 ↔ 征免方式, 备案号
  licenceRules, // 监管条件 ⇒ licences
  countrySwapRule, // the export origin/destination swap
  attachmentRules,
  dateAndDirectionRules,
];

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
