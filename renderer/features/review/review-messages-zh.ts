import type { OperatorRole } from '../../../shared/profiles/roles';

// Second-person review's wording in Chinese (复核): operators' roles, the firm's rule, the review bar and queue;
// review-messages-en.ts has the same keys.

export const reviewZh = {
  operator: '当前操作员',
  roles: '角色',
  role: { preparer: '录入员', reviewer: '复核员' } satisfies Record<OperatorRole, string>,
  reviewRequired: '申报前须复核',
  reviewRequiredHint: '开启后，报关单须经另一位复核员复核通过当前内容，才能申报',
  switched: (name: string) => `当前操作员：${name}`,
  /** An operator in the top bar's list, with their roles. */
  operatorOption: (name: string, roles: string) => `${name}（${roles}）`,
  bar: '复核',
  sep: '：',
  state: {
    none: '未提交复核',
    submitted: (who: string) => `待复核（提交人 ${who}）`,
    approved: (who: string) => `复核通过（复核人 ${who}）`,
    returned: (who: string) => `已退回（复核人 ${who}）`,
  },
  submit: '提交复核',
  approve: '复核通过',
  returnIt: '退回',
  voidApproved: '复核通过后内容已修改，复核已失效：请重新提交复核',
  voidSubmitted: '提交复核后内容已修改：复核员看到的不是当前内容，请重新提交复核',
  ownDeclaration: '这是您提交的报关单，须由另一位复核员复核',
  submitted: (seqNo: string) => `${seqNo} 已提交复核`,
  approved: (seqNo: string) => `${seqNo} 复核通过`,
  returned: (seqNo: string, n: number) => `${seqNo} 已退回，复核意见 ${n} 条`,
  returnTitle: '退回：复核意见',
  remarkField: '字段',
  remarkText: '意见',
  remarkAdd: '添加意见',
  remarkRemove: '删除',
  remarksEmpty: '尚无意见：选择字段、填写意见后按“添加意见”',
  remarkTyped: '框中的意见会随“退回”一并发出；按“添加意见”可保留它并再写一条',
  returnConfirm: '退回',
  remarkFinding: (field: string, text: string) => `复核意见 · ${field}：${text}`,
  focusedField: (field: string) => `当前输入项：${field}`,
  queueTitle: '待复核',
  queueCount: (n: number) => `共 ${n} 份待复核，↑↓ 选择，Enter 打开`,
  queueEmpty: '没有待复核的报关单',
  queueCols: ['提交人', '提交时间', '客户端编号', '境内收发货人', '提运单号', '商品项数'],
  close: '关闭',
  diffButton: '差异',
  diffTitle: '复核差异',
  diffFromTemplate: (name: string) => `与模板“${name}”比较`,
  diffFromDeclaration: (seqNo: string, date: string) => `与报关单 ${seqNo}（${date}）比较`,
  diffNone: '没有可比较的：本单不是用模板新建的，也没有同一境内收发货人、同样商品编号的更早报关单',
  diffSame: '与之相同，没有差异',
  diffCount: (n: number) => `${n} 处不同，Enter 跳到该项，Esc 关闭`,
  diffEmpty: '空',
};

export type ReviewMessages = typeof reviewZh;
