import type { Locale } from '../../../shared/i18n/locale';
import { useUi } from '../../state/ui-store';

// The outbox and timeline wording, kept beside those views.

const zh = {
  outboxTitle: '发件箱',
  openOutbox: '查看发件箱',
  lastSyncProblem: '上次同步的问题',
  uploading: (pct: number, mb: string) => `上传随附单据 ${pct}%（共 ${mb} MB）`,
  empty: '发件箱是空的',
  clientSeqNo: '客户端编号',
  state: '状态',
  attempts: '尝试次数',
  nextTry: '下次尝试',
  lastError: '最近错误',
  createdAt: '签名时间',
  withdraw: '撤回',
  withdrawn: (seq: string) => `已撤回 ${seq}，恢复为草稿`,
  open: '打开',
  close: '关闭',
  states: { queued: '待发送', sending: '发送中', accepted: '已接收', rejected: '被拒收', withdrawn: '已撤回' },
  timeline: '经过',
  noTimeline: '暂无记录',
  actions: {
    create: '新建',
    edit: '修改',
    declare: '申报：签名并排队',
    accepted: '数据交换中心已接收',
    rejected: '数据交换中心拒收',
    receipt: '回执',
    withdraw: '撤回',
    delete: '删除',
    'submit-review': '提交复核',
    'approve-review': '复核通过',
    'return-review': '复核退回',
    'modify-request': '修改申请：签名并排队',
    'modify-approved': '修改申请已通过',
    'modify-refused': '修改申请未通过',
    'cancel-request': '撤单申请：签名并排队',
    'cancel-approved': '撤单申请已通过，已撤单',
    'cancel-refused': '撤单申请未通过',
  } as Record<string, string>,
  edits: (n: number) => `${n} 处`,
  hubSeq: (n: number) => `中心序号 ${n}`,
  fromTemplate: (name: string) => `来自模板“${name}”`,
  fromCopy: (seq: string) => `复制自报关单 ${seq}`,
  remarks: (n: number) => `复核意见 ${n} 条`,
  modSeqNo: (no: string) => `修撤单统一编号 ${no}`,
  changed: (name: string, from: string, to: string) => `${name}：${from || '（空）'} → ${to || '（空）'}`,
};

type Messages = typeof zh;

const en: Messages = {
  outboxTitle: 'Outbox',
  openOutbox: 'Open the outbox',
  lastSyncProblem: 'The last sync problem',
  uploading: (pct: number, mb: string) => `Uploading attached documents ${pct}% (${mb} MB)`,
  empty: 'The outbox is empty',
  clientSeqNo: 'Client no.',
  state: 'State',
  attempts: 'Attempts',
  nextTry: 'Next try',
  lastError: 'Last error',
  createdAt: 'Signed at',
  withdraw: 'Withdraw',
  withdrawn: (seq: string) => `${seq} withdrawn; it is a draft again`,
  open: 'Open',
  close: 'Close',
  states: { queued: 'Queued', sending: 'Sending', accepted: 'Accepted', rejected: 'Rejected', withdrawn: 'Withdrawn' },
  timeline: 'Timeline',
  noTimeline: 'Nothing yet',
  actions: {
    create: 'Created',
    edit: 'Edited',
    declare: 'Declared: signed and queued',
    accepted: 'Accepted by the hub',
    rejected: 'Rejected by the hub',
    receipt: 'Receipt',
    withdraw: 'Withdrawn',
    delete: 'Deleted',
    'submit-review': 'Submitted for review',
    'approve-review': 'Approved in review',
    'return-review': 'Returned in review',
    'modify-request': 'Modification requested: signed and queued',
    'modify-approved': 'Modification approved',
    'modify-refused': 'Modification refused',
    'cancel-request': 'Cancellation requested: signed and queued',
    'cancel-approved': 'Cancellation approved: cancelled',
    'cancel-refused': 'Cancellation refused',
  },
  edits: (n: number) => `${n} change${n === 1 ? '' : 's'}`,
  hubSeq: (n: number) => `hub no. ${n}`,
  fromTemplate: (name) => `from template “${name}”`,
  fromCopy: (seq) => `copied from declaration ${seq}`,
  remarks: (n: number) => `${n} review remark${n === 1 ? '' : 's'}`,
  modSeqNo: (no) => `request no. ${no}`,
  changed: (name, from, to) => `${name}: ${from || '(empty)'} → ${to || '(empty)'}`,
};

export const syncMessages = { 'zh-CN': zh, en } as const;

export function useSyncT(): Messages {
  return syncMessages[useUi((s) => s.locale)];
}

// A moment is written as the UI language writes dates (2026/11/22 08:00:00 or 11/22/2026, 08:00:00).
export function localTime(iso: string | null, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(locale, { hour12: false });
}
