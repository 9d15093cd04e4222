import type { ReasonTexts } from '../../../shared/api';
import type { hubReasons } from '../../../shared/api/reasons/hub-answers';
import { hubWords } from '../../../shared/api/reasons/hub-answers';
import type { syncReasons } from '../../../shared/api/reasons/sync';
import { hubRefusedText, modAnswerText, receiptNoticeText } from '../../../shared/api/reasons/sync';
import { causeInChinese } from './causes-zh';

/** What was malformed, by the hub's code (English: protocolEn in shared/api/reasons/hub-answers.ts). */
export const protocolZh: Readonly<Record<string, string>> = {
  'auth-missing': '请求没有签名',
  'bad-nonce': '请求的一次性随机数格式不正确',
  'bad-timestamp': '请求的时间戳格式不正确',
  'replayed-nonce': '数据交换中心已经收到过同一请求',
  'bad-json': '请求正文不是有效的 JSON',
  'bad-request': '请求内容不符合数据交换中心的协议',
  'bad-query': '请求的查询参数不符合数据交换中心的协议',
  'unsupported-media-type': '数据交换中心不接受这种内容类型',
  'not-found': '数据交换中心没有这个地址（数据交换中心的版本较旧或较新？）',
};

/** Why the hub refused, by its HTTP status (English: refusedStatusEn). */
export const refusedStatusZh: Readonly<Record<number, string>> = {
  400: '无法按所发送的内容受理请求',
  401: '不接受本机的凭据',
  403: '不允许本机执行这项操作',
  404: '这个地址上没有内容（这是数据交换中心的地址吗？）',
  405: '这个地址不接受这类请求',
  409: '请求与数据交换中心已有的内容冲突',
  410: '所请求的内容已不在数据交换中心',
  413: '请求超过了数据交换中心允许的大小',
  415: '数据交换中心不接受这种内容类型',
  422: '无法受理请求的内容',
};

export const syncZh: ReasonTexts<typeof syncReasons> = {
  'sync.hub-unreachable': (p) => `无法连接数据交换中心 ${p.url}：${causeInChinese(p.cause)}`,
  'sync.hub-timeout': (p) => `数据交换中心 ${p.seconds} 秒内没有应答`,
  'sync.connection-broke': (p) => `收到应答之前与数据交换中心的连接中断：${causeInChinese(p.cause)}`,
  'sync.answer-lost': () => '读取应答时与数据交换中心的连接中断',
  'sync.hub-busy': (p) => `数据交换中心繁忙或出错（HTTP ${p.status}）；SW Desk 会自动重试`,
  'sync.hub-refused': (p) =>
    `数据交换中心拒绝了请求（HTTP ${p.status}）：${hubWords(refusedStatusZh, p.status, '没有给出 SW Desk 能识别的理由')}`,
  'sync.bad-answer': (p) => `数据交换中心对 ${p.call} 的应答不符合协议 v1（这个地址是 SW Desk 数据交换中心吗？）`,
  'sync.submission-conflict': () => '数据交换中心已有同一编号的另一份申报',
  'sync.rejected-by-hub': () => '被数据交换中心拒收',
  'sync.refused-fields': (p) => `数据交换中心拒收了这份报关单：${p.count} 处问题，已标在各栏上`,
  'sync.items-unanswered': () => '数据交换中心没有对这批中的每一项作答；其余各项将在下次尝试时查询',
  'sync.failed': (p) =>
    `发送失败：${causeInChinese(p.cause, 'SW Desk 内部出错')}。如果一再失败，请导出诊断信息（设置）并联系支持`,
  'notices.receipt': (p) => receiptNoticeText(p, 'zh-CN'),
  'notices.rejected-by-hub': (p) => hubRefusedText(p.seqNo, 'zh-CN'),
  'notices.mod-answer': (p) => modAnswerText(p, 'zh-CN'),
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
  'hub.protocol': (p) =>
    `数据交换中心认为请求格式不正确：${hubWords(protocolZh, p.code, '不是数据交换中心要求的格式')}。请导出诊断信息（设置）并联系支持`,
};
