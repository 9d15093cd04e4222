import type { DeclarationDoc, Row } from '../../../shared/catalog';
import { organizationCodeOf } from '../../../shared/profiles/profile-check';

export interface ProfileValues {
  company: { name: string; customsCode: string; uscc: string };
  operator: { name: string; icCard: string };
}

/**
 * The fields of a new declaration that come from the operator profile (DOMAIN.md §1.3, §1.5):
 * the declaring company (申报单位, AgentName/AgentCode/AgentCodeScc) is also the data-entry
 * company (录入单位, CopName, CopCode = the 9-character organization code inside the USCC,
 * CopCodeScc); the operator is the typist (InputerName, TypistNo) and, until someone else
 * declares it, the declarant (DeclareName); DecSign carries the operator's card, name and the
 * entry company's code.
 */
export function profileDeclarationFields(profile: ProfileValues): { head: Row; sign: Row } {
  const orgCode = organizationCodeOf(profile.company.uscc);
  return {
    head: {
      AgentName: profile.company.name,
      AgentCode: profile.company.customsCode,
      AgentCodeScc: profile.company.uscc,
      CopName: profile.company.name,
      CopCode: orgCode,
      CopCodeScc: profile.company.uscc,
      InputerName: profile.operator.name,
      TypistNo: profile.operator.icCard,
      DeclareName: profile.operator.name,
    },
    sign: { ICCode: profile.operator.icCard, OperName: profile.operator.name, CopCode: orgCode },
  };
}

/** Writes the profile's fields into a document (a new declaration's), returning the paths it filled. */
export function applyProfileFields(doc: DeclarationDoc, fields: { head: Row; sign: Row }): string[] {
  const filled: string[] = [];
  for (const [key, value] of Object.entries(fields.head)) {
    doc.head[key] = value;
    filled.push(`head.${key}`);
  }
  const sign = { ...(doc.tables.sign?.[0] ?? {}) };
  for (const [key, value] of Object.entries(fields.sign)) {
    sign[key] = value;
    filled.push(`sign[0].${key}`);
  }
  doc.tables.sign = [sign];
  return filled;
}

/** The paths a profile's fields fill on a new declaration (they win over a template's values). */
export function profileFieldPaths(fields: { head: Row; sign: Row } | null): ReadonlySet<string> {
  if (!fields) return new Set();
  return new Set([
    ...Object.keys(fields.head).map((k) => `head.${k}`),
    ...Object.keys(fields.sign).map((k) => `sign[0].${k}`),
  ]);
}

/** How a revision names the operator: readable on its own, even after the profile is deleted. */
export function actorOf(profile: ProfileValues): string {
  return `${profile.operator.name}·${profile.operator.icCard}`;
}
