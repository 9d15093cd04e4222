import type { ReasonTexts } from '../../../shared/api';
import type { modifyReasons } from '../../../shared/api/reasons/modify';

/** 修撤单 refusals in Chinese (registry: shared/api/reasons/modify.ts). */
export const modifyZh: ReasonTexts<typeof modifyReasons> = {
  'modify.unknown-entry': (p) => `中心没有本机申报的报关单 ${p.entryId}，未作任何修改`,
  'modify.under-inspection': (p) => `报关单 ${p.entryId} 正在查验，查验结束前不能修改或撤销`,
  'modify.already-cancelled': (p) => `报关单 ${p.entryId} 已撤单，未作任何修改`,
  'modify.field-locked': (p) => `${p.name}（${p.field}）不能通过修改申请更改，未作任何修改`,
  'modify.old-value-differs': (p) => `${p.name}（${p.field}）的原值与海关所存不符，未作任何修改`,
  'modify.no-line': (p) => `${p.name}（${p.field}）所指商品项不存在，未作任何修改`,
  'modify.eport-refused': (p) => `单一窗口不同意该申请：${p.note || '未说明原因'}，未作任何修改`,
  'modify.eport-returned': (p) => `电子口岸客户端退回了该申请（FailBox：${p.file}），未作任何修改`,
};
