import type { ReasonTexts } from '../../../shared/api';
import type { declarationReasons } from '../../../shared/api/reasons/declarations';
import { tableName } from '../../../shared/api/reasons/declarations';
import { eventName, statusName } from '../../../shared/status';
import type { templateReasons } from '../../../shared/api/reasons/templates';

export const declarationsZh: ReasonTexts<typeof declarationReasons> = {
  'declarations.not-found': (p) => `报关单 ${p.id} 不存在（可能已被删除）`,
  'declarations.not-editable': (p) => `报关单 ${p.seqNo} 已申报，现在不能修改`,
  'declarations.changed-elsewhere': (p) =>
    `报关单 ${p.seqNo} 已在别处修改（现为第 ${p.revision} 版，您修改的是第 ${p.base} 版），请重新打开后再改`,
  'declarations.request-reused': (p) => `请求编号 ${p.requestId} 已用于另一项修改，请换用新的请求编号`,
  'declarations.changed-before-import': (p) =>
    `报关单 ${p.seqNo} 已在别处修改（现为第 ${p.revision} 版，您打开的是第 ${p.base} 版），请重新打开后再导入`,
  'declarations.not-a-draft': (p) => `报关单 ${p.seqNo} 不是草稿，只能删除草稿（未删除任何报关单）`,
  'declarations.complete-not-deletable': (p) =>
    `报关单 ${p.seqNo} 是已放行概要申报（海关编号 ${p.entryId}）须补的完整申报，不能删除（未删除任何报关单）`,
  'declarations.changed-while-signing': () => '签名过程中报关单被修改，请重新申报',
  'declarations.already-queued': (p) => `报关单 ${p.seqNo} 已签名并在待发送队列中`,
  'declarations.already-sent': (p) => `报关单 ${p.seqNo} 已发送到数据交换中心`,
  'declarations.has-errors': (p) => `${p.count} 处错误，无法申报：请先改正`,
  'declarations.not-in-outbox': (p) => `报关单 ${p.seqNo} 不在待发送队列中`,
  'declarations.being-sent': (p) => `报关单 ${p.seqNo} 正在发送（可能已到达数据交换中心），现在不能撤回`,
  'declarations.too-many-to-export': (p) => `符合条件的报关单超过 ${p.max} 份：请缩小范围（状态、日期、搜索）后再导出`,
  'declarations.table-full': (p) => `${tableName(p.table, 'zh-CN')}最多 ${p.max} 项`,
  'declarations.bad-edit': () =>
    '修改无法应用（程序错误：编辑器发送了报关单中没有的栏目或行）。请导出诊断信息（设置）并联系支持',
  'declarations.tax-bill-damaged': (p) => `报关单 ${p.seqNo} 保存的海关税费单无法读取（数据文件可能被改动过），未显示`,
  'declarations.transition-refused': (p) =>
    `报关单 ${p.seqNo} 当前为「${statusName(p.status, 'zh-CN')}」，现在不能${eventName(p.event, 'zh-CN')}`,
  'declarations.modify-line-count': (p) =>
    `修改申请不能增加或删除商品项（申报时 ${p.before} 项，修改后 ${p.after} 项），未发送`,
  'declarations.modify-table-changed': (p) =>
    `修改申请只能修改表头和商品项的字段；${tableName(p.table, 'zh-CN')}有改动，未发送`,
  'declarations.modify-nothing-changed': (p) =>
    `报关单 ${p.seqNo} 的修改副本没有改动任何字段：请至少修改一项后再提交（未发送）`,
};

export const templatesZh: ReasonTexts<typeof templateReasons> = {
  'templates.not-found': (p) => `模板 ${p.id} 不存在（可能已被删除）`,
  'templates.name-taken': (p) => `已有名为 "${p.name}" 的模板，请换一个名称`,
  'templates.none-to-export': () => '没有可导出的模板',
  'templates.file-empty': (p) => `${p.file}：文件中没有模板，未导入任何内容`,
  'templates.names-taken': (p) =>
    `${p.file}：本机已有同名模板 ${p.names}；再次导入将替换它们，或先改名。未导入任何内容`,
  'templates.name-exists': (p) => `本机已有模板 "${p.name}"`,
  'templates.not-json': (p) => `${p.file}：不是模板文件（不是 JSON），未导入任何内容`,
  'templates.not-a-templates-file': (p, nested) =>
    `${p.file}：不是模板文件（${p.field}：${nested(p.problem, p.problemParams)}），未导入任何内容`,
  'templates.bad-template': (p, nested) =>
    `${p.file}：第 ${p.index} 个模板 "${p.name}"：${p.field}：${nested(p.problem, p.problemParams)}；未导入任何内容`,
  'templates.duplicate-name': (p) => `${p.file}：第 ${p.index} 个模板 "${p.name}" 在文件中出现两次；未导入任何内容`,
};
