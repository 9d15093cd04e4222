import type { ReasonTexts } from '../../../shared/api';
import type { hostReasons } from '../../../shared/api/reasons/host';

export const hostZh: ReasonTexts<typeof hostReasons> = {
  'host.wrong-token': () => '此页面属于 SW Desk 之前的一次启动：请打开 SW Desk 本次启动时显示的地址',
  'host.foreign-page': () => 'SW Desk 只接受来自其自身页面的调用',
  'host.unexpected-host': (p) => `SW Desk 只在自己的地址上应答，不接受 ${p.host}`,
  'host.not-a-call': () => '页面发出的调用无法读取（请重新加载页面）',
  'host.call-too-large': (p) => `此调用超过 SW Desk 一次可接收的 ${p.mb} MB，未执行任何操作`,
  'host.no-route': (p) => `SW Desk 没有 ${p.route}`,
};
