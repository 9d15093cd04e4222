import { reason } from './define';

type Seq = { seqNo: string };
type Who = { operator: string };

/** Second-person review (复核): who may submit, approve or return a declaration, and 申报前须复核. */
export const reviewReasons = {
  'review.not-preparer': reason<Who>(
    'INVALID_STATE',
    (p) => `${p.operator} is not a preparer and cannot submit declarations for review`,
  ),
  'review.not-reviewer': reason<Who>(
    'INVALID_STATE',
    (p) => `${p.operator} is not a reviewer: choose a reviewer as the current operator`,
  ),
  'review.own-declaration': reason<Seq & Who>(
    'INVALID_STATE',
    (p) => `${p.operator} submitted declaration ${p.seqNo} for review and cannot review it: another reviewer must`,
  ),
  'review.not-submitted': reason<Seq>(
    'INVALID_STATE',
    (p) => `Declaration ${p.seqNo} is not waiting for review; submit it for review first`,
  ),
  'review.changed-since-submitted': reason<Seq>(
    'CONFLICT',
    (p) => `Declaration ${p.seqNo} was edited after it was submitted for review; it must be submitted again`,
  ),
  'review.remarks-required': reason(
    'BAD_INPUT',
    () => 'Say what to fix: a declaration is returned with at least one remark',
  ),
  'review.required': reason<Seq>(
    'INVALID_STATE',
    (p) =>
      `Declaration ${p.seqNo} must be approved by a reviewer before it is declared (review before declaring is on)`,
  ),
  'review.approval-void': reason<Seq>(
    'INVALID_STATE',
    (p) =>
      `Declaration ${p.seqNo} was edited after its review was approved; the approval no longer holds — submit it for review again`,
  ),
} as const;
