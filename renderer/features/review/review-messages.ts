import type { OperatorRole } from '../../../shared/profiles/roles';
import { useUi } from '../../state/ui-store';

// Second-person review's wording (复核), zh-CN and en: operators' roles, the firm's rule, the review bar and queue.

const zh = {
  operator: '当前操作员',
  roles: '角色',
  role: { preparer: '录入员', reviewer: '复核员' } satisfies Record<OperatorRole, string>,
  reviewRequired: '申报前须复核',
  reviewRequiredHint: '开启后，报关单须经另一位复核员复核通过当前内容，才能申报',
  switched: (name: string) => `当前操作员：${name}`,
};
export type ReviewMessages = typeof zh;

const en: ReviewMessages = {
  operator: 'Operator',
  roles: 'Roles',
  role: { preparer: 'Preparer', reviewer: 'Reviewer' },
  reviewRequired: 'Review before declaring',
  reviewRequiredHint: 'When on, a declaration is declared only once another operator, a reviewer, approved its content',
  switched: (name: string) => `Current operator: ${name}`,
};

export function useReviewT(): ReviewMessages {
  return useUi((s) => s.locale) === 'en' ? en : zh;
}

export function rolesText(t: ReviewMessages, roles: readonly OperatorRole[]): string {
  return roles.map((r) => t.role[r]).join(' · ');
}
