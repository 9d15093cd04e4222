/** What a user sees as a declaration's status, derived from our workflow and the last customs receipt. */
export const displayStatusKeys = [
  'draft',
  'queued',
  'rejected',
  'submitted',
  'declared',
  'accepted',
  'returned',
  'refused',
  'reviewed',
  'tax-due',
  'inspection',
  'needs-action',
  'released',
  'summary-released',
  'closed',
  'complete-closed',
  'deleted',
  'modify-requested',
  'cancel-requested',
  'cancelled',
  'other',
] as const;

export type DisplayStatusKey = (typeof displayStatusKeys)[number];
