import type { ReasonTexts } from '../../../shared/api';
import type { hubReasons } from '../../../shared/api/reasons/hub-answers';
import type { syncReasons } from '../../../shared/api/reasons/sync';
import { receiptNoticeText } from '../../../shared/api/reasons/sync';
import { causeInChinese } from './causes-zh';

export const syncZh: ReasonTexts<typeof syncReasons> = {
  'sync.hub-unreachable': (p) => `无法连接数据交换中心 ${p.url}：${causeInChinese(p.cause)}`,
  'sync.hub-timeout': (p) => `数据交换中心 ${p.seconds} 秒内没有应答`,
  'sync.connection-broke': (p) => `收到应答之前与数据交换中心的连接中断：${causeInChinese(p.cause)}`,
  'sync.answer-lost': () => '读取应答时与数据交换中心的连接中断',
  'sync.hub-busy': (p) => `数据交换中心繁忙或出错（HTTP ${p.status}）；SW Desk 会自动重试`,
  'sync.hub-refused': (p) => `数据交换中心拒绝了请求（HTTP ${p.status}）：${p.detail}`,
  'sync.bad-answer': (p) => `数据交换中心对 ${p.call} 的应答不符合协议 v1（这个地址是 SW Desk 数据交换中心吗？）`,
  'sync.submission-conflict': () => '数据交换中心已有同一编号的另一份申报',
  'sync.rejected-by-hub': () => '被数据交换中心拒收',
  'sync.refused-fields': (p) => `数据交换中心拒收了这份报关单：${p.count} 处问题，已标在各栏上`,
  'sync.items-unanswered': () => '数据交换中心没有对这批中的每一项作答；其余各项将在下次尝试时查询',
  'sync.failed': (p) => `发送失败：${p.detail}`,
  'notices.receipt': (p) => receiptNoticeText(p, 'zh-CN'),
  'notices.rejected-by-hub': (p) => `报关单 ${p.seqNo} 被数据交换中心拒收`,
  'sync.key-needs-hub': () => '新的签名密钥须先在数据交换中心登记，而现在无法连接数据交换中心；未做任何改动',
  'sync.enrolment-pending': () => '现在无法连接数据交换中心；连接恢复后将自动完成登记',
  'sync.key-locked': () => '密钥未解锁：解锁后才能发送报关单和接收回执',
};

export const hubZh: ReasonTexts<typeof hubReasons> = {
  'hub.invalid-enrollment-code': () =>
    '数据交换中心不认识这个登记码，或它已被使用、已过期：请向数据交换中心管理员索取新的登记码',
  'hub.unknown-client': () => '数据交换中心不认识本机（从未在那里登记，或数据交换中心已重置）：请用新的登记码重新连接',
  'hub.client-revoked': () => '数据交换中心管理员已注销本机：请索取新的登记码后重新连接',
  'hub.unknown-key': () => '数据交换中心不认识本机的签名密钥：请重新连接，或登记该密钥（设置 → 签名密钥）',
  'hub.bad-signature': () => '数据交换中心无法验证本机的签名（密钥与在那里登记的不符）',
  'hub.stale-timestamp': () => '本机时钟与数据交换中心相差超过 5 分钟：请校正时钟后重试',
  'hub.rate-limited': () => '数据交换中心拒绝了来自本机的过多请求：请稍候',
  'hub.shutting-down': () => '数据交换中心正在关闭；SW Desk 稍后会自动重试',
  'hub.unavailable': () => '数据交换中心的数据库暂时没有应答（可能正在重启）；待发的报关单仍在本机，SW Desk 会自动重试',
  'hub.internal': () => '数据交换中心处理请求失败；SW Desk 稍后会自动重试',
  'hub.too-large': () => '请求超过了数据交换中心允许的大小',
  'hub.protocol': (p) => `数据交换中心认为请求格式不正确（${p.code}）：${p.detail}`,
};
