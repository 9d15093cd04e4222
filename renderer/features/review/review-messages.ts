import type { OperatorRole } from '../../../shared/profiles/roles';
import { type ByLocale, messagesHook } from '../../i18n/by-locale';
import { reviewEn } from './review-messages-en';
import { type ReviewMessages, reviewZh } from './review-messages-zh';

// Second-person review's wording (复核): operators' roles, the firm's rule, the review bar and queue.

export const reviewMessages: ByLocale<ReviewMessages> = { 'zh-CN': reviewZh, en: reviewEn };
export const useReviewT = messagesHook(reviewMessages);
export type { ReviewMessages };

export function rolesText(t: ReviewMessages, roles: readonly OperatorRole[]): string {
  return roles.map((r) => t.role[r]).join(' · ');
}
