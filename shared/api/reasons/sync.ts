import { channelInfo } from '../../status/channels';
import { causeInEnglish } from '../failure-cause';
import { reason } from './define';
import { hubWords, refusedStatusEn } from './hub-answers';

type ReceiptNotice = { seqNo: string; channel: string; entryId: string };

/**
 * A receipt's notice (a release, a refusal) in either language: the window shows it through the reason,
 * and the desktop app's system notification, which main shows, words it the same way.
 */
export function receiptNoticeText(p: ReceiptNotice, locale: 'zh-CN' | 'en'): string {
  const info = channelInfo(p.channel);
  if (locale === 'en')
    return `Declaration ${p.seqNo}: ${info?.en ?? p.channel}${p.entryId === '' ? '' : `, customs no. ${p.entryId}`}`;
  return `报关单 ${p.seqNo} ${info?.zh ?? `回执 ${p.channel}`}${p.entryId === '' ? '' : `，海关编号 ${p.entryId}`}`;
}

type ModAnswer = { seqNo: string; kind: string; outcome: string };
/** A notice as main emits it (shared/api/errors.ts ReasonMessage): its English message and its reason. */
type WordedNotice = { message: string; reason?: string; params?: Readonly<Record<string, string | number>> };

/** The hub's answer to a 修改申请 or 撤单申请 in either language: in the window and in the system notification. */
export function modAnswerText(p: ModAnswer, locale: 'zh-CN' | 'en'): string {
  const approved = p.outcome === 'approved';
  if (locale === 'en')
    return `${p.seqNo}: ${p.kind === 'modify' ? 'modification' : 'cancellation'} request ${approved ? 'approved' : 'refused'}`;
  return `${p.seqNo} ${p.kind === 'modify' ? '修改申请' : '撤单申请'}${approved ? '已通过' : '未通过'}`;
}

/** A declaration the hub refused before customs saw it, in either language (a system notification too). */
export function hubRefusedText(seqNo: string, locale: 'zh-CN' | 'en'): string {
  return locale === 'en' ? `Declaration ${seqNo} was refused by the hub` : `报关单 ${seqNo} 被数据交换中心拒收`;
}

/**
 * The words of a notice the desktop app shows as a system notification, in the UI language: main cannot reach the
 * renderer's Chinese, so the notices it shows there are worded here. Another notice keeps its English message.
 */
export function desktopNoticeText(notice: WordedNotice, locale: 'zh-CN' | 'en'): string {
  const param = (name: string) => String(notice.params?.[name] ?? '');
  if (notice.reason === 'notices.receipt')
    return receiptNoticeText({ seqNo: param('seqNo'), channel: param('channel'), entryId: param('entryId') }, locale);
  if (notice.reason === 'notices.mod-answer')
    return modAnswerText({ seqNo: param('seqNo'), kind: param('kind'), outcome: param('outcome') }, locale);
  if (notice.reason === 'notices.rejected-by-hub') return hubRefusedText(param('seqNo'), locale);
  return notice.message;
}

/**
 * Talking to the hub: why a call failed as the desk saw it (no connection, no answer, a busy hub),
 * and what the sync engine refuses. What the hub itself answered is in ./hub.ts.
 */
export const syncReasons = {
  /** `cause` a kind of shared/api/failure-cause.ts, worded; `detail` the library's own words, for 详情 only. */
  'sync.hub-unreachable': reason<{ url: string; cause: string; detail: string }>(
    'HUB_UNREACHABLE',
    (p) => `Cannot reach the hub at ${p.url}: ${causeInEnglish(p.cause)}`,
  ),
  'sync.hub-timeout': reason<{ seconds: number }>(
    'HUB_UNREACHABLE',
    (p) => `The hub did not answer within ${p.seconds} s`,
  ),
  'sync.connection-broke': reason<{ cause: string; detail: string }>(
    'HUB_UNREACHABLE',
    (p) => `The connection to the hub broke before its answer arrived: ${causeInEnglish(p.cause)}`,
  ),
  'sync.answer-lost': reason('HUB_UNREACHABLE', () => 'The connection to the hub broke while reading its answer'),
  'sync.hub-busy': reason<{ status: number }>(
    'HUB_ERROR',
    (p) => `The hub is busy or failing (HTTP ${p.status}); SW Desk tries again by itself`,
  ),
  /** Worded by its HTTP status; `detail` the hub's code and words (or its page's first words), for 详情 only. */
  'sync.hub-refused': reason<{ status: number; detail: string }>(
    'HUB_ERROR',
    (p) =>
      `The hub refused the request (HTTP ${p.status}): ${hubWords(refusedStatusEn, p.status, 'it gave no reason SW Desk knows')}`,
  ),
  'sync.bad-answer': reason<{ call: string }>(
    'HUB_ERROR',
    (p) => `The hub's answer to ${p.call} is not in protocol v1 form (is this address a SW Desk hub?)`,
  ),
  'sync.submission-conflict': reason('HUB_ERROR', () => 'The hub holds a different submission under this id'),
  'sync.rejected-by-hub': reason('HUB_ERROR', () => 'Rejected by the hub'),
  'sync.refused-fields': reason<{ count: number }>(
    'HUB_ERROR',
    (p) => `The hub refused the declaration: ${p.count} problem(s), shown on its fields`,
  ),
  'sync.items-unanswered': reason(
    'HUB_ERROR',
    () => 'The hub did not answer for every item of the batch; the others are asked about on the next try',
  ),
  /**
   * A failure that is neither the hub's nor the network's: a file that could not be read (a 随附单据), or a program
   * error. `cause` a kind of shared/api/failure-cause.ts; `detail` as the program wrote it, for 详情 only.
   */
  'sync.failed': reason<{ cause: string; detail: string }>(
    'INTERNAL',
    (p) =>
      `Sending failed: ${causeInEnglish(p.cause, 'an error inside SW Desk')}. If it keeps failing, export the diagnostics (Settings) and contact support`,
  ),
  'notices.receipt': reason<ReceiptNotice>('HUB_ERROR', (p) => receiptNoticeText(p, 'en')),
  'notices.rejected-by-hub': reason<{ seqNo: string }>('HUB_ERROR', (p) => hubRefusedText(p.seqNo, 'en')),
  /** The answer to a 修改申请 or 撤单申请; `kind` modify or cancel, `outcome` approved or refused. */
  'notices.mod-answer': reason<ModAnswer>('HUB_ERROR', (p) => modAnswerText(p, 'en')),
  'sync.key-needs-hub': reason(
    'HUB_UNREACHABLE',
    () =>
      'A new signing key must be registered at the hub first, and the hub cannot be reached now; nothing was changed',
  ),
  'sync.enrolment-pending': reason(
    'HUB_UNREACHABLE',
    () => 'The hub cannot be reached now; enrolment will be retried when it is reachable',
  ),
  'sync.key-locked': reason(
    'PASSPHRASE_REQUIRED',
    () => 'The signing key is locked: unlock it to send declarations and receive receipts',
  ),
} as const;
