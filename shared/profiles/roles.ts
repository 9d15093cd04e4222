/**
 * What an operator may do in second-person review (复核): a 录入员 (preparer) keys declarations and submits them for
 * review, a 复核员 (reviewer) approves or returns someone else's. One person may hold both.
 */
export const operatorRoles = ['preparer', 'reviewer'] as const;
export type OperatorRole = (typeof operatorRoles)[number];

/** The roles as stored (a comma-separated list in operator_profiles.roles), in a fixed order, unknown ones dropped. */
export function parseRoles(text: string): OperatorRole[] {
  const named = new Set(text.split(','));
  return operatorRoles.filter((r) => named.has(r));
}

export function formatRoles(roles: readonly OperatorRole[]): string {
  return operatorRoles.filter((r) => roles.includes(r)).join(',');
}
