import type { ReasonTexts } from '../../../shared/api';
import type { extractReasons } from '../../../shared/api/reasons/extract';

export const extractZh: ReasonTexts<typeof extractReasons> = {
  'extract.unsupported-file': (p) =>
    `${p.file} 不是 PDF、JPG、PNG 或 TIFF 文件，只能从这些文件（及电子表格）读取商品行`,
  'extract.spreadsheet': (p) => `${p.file} 是电子表格：请通过列对应导入其商品行，而不是按页面识别`,
  'extract.unreadable': (p) => `无法读取 ${p.file}（文件可能已损坏，或与其扩展名不符），未提出任何内容`,
  'extract.no-reader': (p) => `本安装无法读取 ${p.file}：未包含单据识别组件`,
  'extract.job-not-found': (p) => `识别任务 ${p.jobId} 不存在（已结束或程序已重启），请重新开始`,
  'extract.still-reading': (p) => `识别任务 ${p.jobId} 仍在读取文件`,
  'extract.cancelled': (p) => `识别任务 ${p.jobId} 已取消，未提出任何内容`,
  'extract.no-page': (p) => `${p.file} 没有第 ${p.page} 页`,
  'extract.other-declaration': (p) => `识别任务 ${p.jobId} 不是为报关单 ${p.seqNo} 启动的，未写入任何内容`,
  'extract.changed-since-read': (p) =>
    `报关单 ${p.seqNo} 在核对单据期间已被修改（现为第 ${p.revision} 版，核对开始于第 ${p.base} 版），未写入任何内容：请重新打开后再接受`,
  'extract.nothing-accepted': () => '没有接受任何商品行或表头值，未写入任何内容',
  'extract.nothing-to-undo': (p) => `报关单 ${p.seqNo} 的第 ${p.revision} 版不是可撤销的单据识别写入`,
  'extract.changed-since-apply': (p) =>
    `报关单 ${p.seqNo} 在写入识别的商品行之后又被修改（现为第 ${p.revision} 版，写入产生第 ${p.applied} 版），请在编辑器中撤销`,
};
