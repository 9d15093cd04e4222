import { declaredByteLength } from '../validation/bytes';
import type { OperatorRole } from './roles';
import { usccProblem } from '../validation/formats';

/**
 * An operator profile: the declaring company (申报单位) and the operator who keys in (录入员).
 * Every new declaration takes its Agent*, Cop*, InputerName, TypistNo, DeclareName and DecSign
 * operator fields from the current profile, so these are checked once, here, the way customs
 * checks the fields they fill.
 */
export interface ProfileInput {
  company: { name: string; customsCode: string; uscc: string };
  operator: { name: string; icCard: string };
  /** 录入员 and/or 复核员; both when left out (what an operator could do before roles existed). */
  roles?: OperatorRole[];
}

export type ProfileField =
  'company.name' | 'company.customsCode' | 'company.uscc' | 'operator.name' | 'operator.icCard';

export type ProfileProblemCode =
  'required' | 'too-long' | 'customs-code-format' | 'uscc-format' | 'uscc-check-digit' | 'ic-card-format';

export interface ProfileProblem {
  field: ProfileField;
  code: ProfileProblemCode;
  /** For too-long: the limit in bytes (a Chinese character counts 2, as the single window counts). */
  max?: number;
}

/**
 * The byte limits are the tightest of the elements each value fills: the company name goes to
 * AgentName (100) and CopName (70); the operator's name to InputerName (32), DecSign/OperName (30)
 * and DeclareName (50); the IC card number to TypistNo (30) and DecSign/ICCode (13).
 */
export const profileLimits = { companyName: 70, operatorName: 30, icCard: 13 } as const;

/** Trims, and upper-cases the codes (they are keyed from printed documents, often in lower case). */
export function normalizeProfile(input: ProfileInput): ProfileInput {
  return {
    company: {
      name: input.company.name.trim(),
      customsCode: input.company.customsCode.trim().toUpperCase(),
      uscc: input.company.uscc.trim().toUpperCase(),
    },
    operator: { name: input.operator.name.trim(), icCard: input.operator.icCard.trim().toUpperCase() },
    ...(input.roles ? { roles: input.roles } : {}),
  };
}

/** Every problem of a (normalized) profile, in form order; empty when it can be saved. */
export function profileProblems(raw: ProfileInput): ProfileProblem[] {
  const p = normalizeProfile(raw);
  const out: ProfileProblem[] = [];
  const text = (field: ProfileField, value: string, max: number) => {
    if (value === '') out.push({ field, code: 'required' });
    else if (declaredByteLength(value) > max) out.push({ field, code: 'too-long', max });
  };
  text('company.name', p.company.name, profileLimits.companyName);
  if (p.company.customsCode === '') out.push({ field: 'company.customsCode', code: 'required' });
  else if (!/^[0-9A-Z]{10}$/.test(p.company.customsCode))
    out.push({ field: 'company.customsCode', code: 'customs-code-format' });
  if (p.company.uscc === '') out.push({ field: 'company.uscc', code: 'required' });
  else {
    const problem = usccProblem(p.company.uscc);
    if (problem) out.push({ field: 'company.uscc', code: problem === 'format' ? 'uscc-format' : 'uscc-check-digit' });
  }
  text('operator.name', p.operator.name, profileLimits.operatorName);
  if (p.operator.icCard === '') out.push({ field: 'operator.icCard', code: 'required' });
  else if (!/^[0-9A-Z]{1,13}$/.test(p.operator.icCard)) out.push({ field: 'operator.icCard', code: 'ic-card-format' });
  return out;
}

const englishLabels: Record<ProfileField, string> = {
  'company.name': 'Declaring company name (申报单位)',
  'company.customsCode': 'Customs code (海关编码)',
  'company.uscc': 'Unified social credit code (统一社会信用代码)',
  'operator.name': 'Operator name (录入员)',
  'operator.icCard': 'IC card number (IC卡号)',
};

/** An English sentence naming the field, for logs and for callers without the UI's messages. */
export function describeProfileProblem(problem: ProfileProblem): string {
  const field = (englishLabels as Partial<typeof englishLabels>)[problem.field] ?? problem.field;
  switch (problem.code) {
    case 'required':
      return `${field} is required`;
    case 'too-long':
      return `${field} is too long (at most ${problem.max ?? 0} bytes; a Chinese character counts 2)`;
    case 'customs-code-format':
      return `${field} must be the 10-character customs code (digits or capital letters)`;
    case 'uscc-format':
      return `${field} must have 18 characters (digits and capitals except I, O, S, V, Z)`;
    case 'uscc-check-digit':
      return `${field}: the check character is wrong — check for a typo`;
    case 'ic-card-format':
      return `${field} must be 1 to 13 digits or letters (the number printed on the operator's card)`;
    default:
      return `${field} is not valid`;
  }
}

/**
 * The 9-character organization code inside a unified social credit code (characters 9–17), which
 * is what DecHead/CopCode (录入单位代码, 9 characters) holds.
 */
export function organizationCodeOf(uscc: string): string {
  return uscc.slice(8, 17);
}
