import type { commonReasons } from '../../../shared/api/reasons/common';
import type { ReasonTexts } from '../../../shared/api';

export const commonZh: ReasonTexts<typeof commonReasons> = {
  'common.unknown-method': (p) => `没有名为 "${p.method}" 的操作（程序版本不一致？请重新启动 SW Desk）`,
  'common.bad-input': (p) => `${p.method} 的输入不正确，未执行任何操作`,
  'common.internal': (p) => `SW Desk 内部出错（${p.method}），此操作没有完成。请导出诊断信息（设置）并联系支持`,
  'common.bad-output': (p) => `内部错误（${p.method}）：返回的结果与约定不符。请导出诊断信息并联系支持`,
  'common.fields-taken': (p) => `有 ${p.count} 项已属于其他记录（见下方说明）；未保存`,
};
