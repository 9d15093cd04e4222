import type { ReasonTexts } from '../../../shared/api';
import type { attachmentReasons } from '../../../shared/api/reasons/attachments';

export const attachmentsZh: ReasonTexts<typeof attachmentReasons> = {
  'attachments.empty': (p) => `${p.file} 是空文件，未添加`,
  'attachments.too-large': (p) => `${p.file} 大小为 ${p.size} MB，随附单据单个文件上限为 ${p.limit} MB，未添加`,
  'attachments.not-pdf': (p) => `${p.file} 不是 PDF 文件，未添加`,
  'attachments.damaged': (p) => `${p.file} 是不完整或已损坏的 PDF（缺少文件结尾），未添加`,
  'attachments.encrypted': (p) => `${p.file} 已加密或设有密码，海关无法打开，未添加`,
  'attachments.needs-customs': (p) => `请先填写申报地海关再添加 ${p.file}：随附单据编号以申报地海关开头`,
  'attachments.not-editable': (p) => `${p.file}：报关单已申报，不能修改；如需修改请先撤回`,
  'attachments.not-found': (p) => `该报关单没有随附单据 ${p.edocId}`,
  'attachments.file-missing': (p) =>
    `随附单据 ${p.edocId}（${p.file}）在数据文件夹中缺失或与添加时的文件不一致，请重新添加`,
};
