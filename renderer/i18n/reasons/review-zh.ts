import type { ReasonTexts } from '../../../shared/api';
import type { reviewReasons } from '../../../shared/api/reasons/review';

/** 复核 reasons in Chinese (registry: shared/api/reasons/review.ts). */
export const reviewZh: ReasonTexts<typeof reviewReasons> = {
  'review.not-preparer': (p) => `${p.operator} 不是录入员，不能提交复核`,
  'review.not-reviewer': (p) => `${p.operator} 不是复核员：请先切换为复核员`,
  'review.own-declaration': (p) => `报关单 ${p.seqNo} 由 ${p.operator} 提交复核，本人不能复核，须由另一位复核员复核`,
  'review.not-submitted': (p) => `报关单 ${p.seqNo} 未在待复核中，请先提交复核`,
  'review.changed-since-submitted': (p) => `报关单 ${p.seqNo} 提交复核后已修改，须重新提交复核`,
  'review.remarks-required': () => '请写明退回意见：退回须至少有一条意见',
  'review.required': (p) => `报关单 ${p.seqNo} 须经复核员复核通过后才能申报（已开启“申报前须复核”）`,
  'review.approval-void': (p) => `报关单 ${p.seqNo} 复核通过后又被修改，复核已失效，请重新提交复核`,
};
