import { useUi } from '../../state/ui-store';

// 修撤单's wording, zh-CN and en: the request buttons, the editable copy, the confirmation and the cancellation.

const zh = {
  modify: '修改申请',
  cancel: '撤单申请',
  copyBar: '修改申请：正在编辑副本',
  copyHint: '改好后按 F9 提交；标 🔒 的字段不能修改（修改请撤单后重新申报）',
  locked: '🔒 不可修改',
  submit: '提交修改申请',
  discard: '放弃修改',
  hasErrors: (n: number) => `副本有 ${n} 处错误：改正后再提交修改申请`,
  confirmTitle: '确认修改申请',
  changedFields: (n: number) => `修改 ${n} 项：`,
  field: '字段',
  oldValue: '原值',
  newValue: '新值',
  reason: '修改/撤销原因',
  note: '说明（修撤单原因）',
  sign: '签名并提交',
  back: '返回修改',
  close: '取消',
  cancelTitle: '撤单申请',
  cancelConfirm: '签名并提交撤单申请',
  modifyFirst: '按规定修改优先：确实无法修改时才申请撤单',
  queued: (seqNo: string, n: number) => `${seqNo} 修改申请已签名排队（${n} 项）`,
  cancelQueued: (seqNo: string) => `${seqNo} 撤单申请已签名排队`,
  latest: {
    queued: '等待发送',
    sending: '发送中',
    sent: '已发送，等待回执',
    approved: '已通过',
    refused: '未通过',
  },
  latestOf: (kind: 'modify' | 'cancel'): string => (kind === 'modify' ? '修改申请' : '撤单申请'),
  modSeqNo: (no: string) => `修撤单统一编号 ${no}`,
  print: '打印修改/撤销表',
  sep: '：',
};
export type ModifyMessages = typeof zh;

const en: ModifyMessages = {
  modify: 'Request modification',
  cancel: 'Request cancellation',
  copyBar: 'Modification request: editing a copy',
  copyHint: 'Press F9 to submit when done; 🔒 fields cannot be changed (cancel and declare again to change them)',
  locked: '🔒 locked',
  submit: 'Submit modification request',
  discard: 'Discard changes',
  hasErrors: (n: number) => `The copy has ${n} error${n === 1 ? '' : 's'}: correct them before submitting`,
  confirmTitle: 'Confirm the modification request',
  changedFields: (n: number) => `${n} field${n === 1 ? '' : 's'} changed:`,
  field: 'Field',
  oldValue: 'Declared',
  newValue: 'New',
  reason: 'Reason for the request',
  note: 'Note (reason text)',
  sign: 'Sign and submit',
  back: 'Back to editing',
  close: 'Cancel',
  cancelTitle: 'Cancellation request',
  cancelConfirm: 'Sign and submit the cancellation',
  modifyFirst: 'By the rules a modification comes first: cancel only what cannot be modified',
  queued: (seqNo: string, n: number) =>
    `${seqNo}: modification request signed and queued (${n} field${n === 1 ? '' : 's'})`,
  cancelQueued: (seqNo: string) => `${seqNo}: cancellation request signed and queued`,
  latest: {
    queued: 'waiting to be sent',
    sending: 'sending',
    sent: 'sent, waiting for the receipt',
    approved: 'approved',
    refused: 'refused',
  },
  latestOf: (kind: 'modify' | 'cancel') => (kind === 'modify' ? 'Modification request' : 'Cancellation request'),
  modSeqNo: (no: string) => `request no. ${no}`,
  print: 'Print the modification/cancellation form',
  sep: ': ',
};

export const modifyMessages = { 'zh-CN': zh, en } as const;

export function useModifyT(): ModifyMessages {
  return modifyMessages[useUi((s) => s.locale)];
}
