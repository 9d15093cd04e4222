import type { ReasonTexts } from '../../../shared/api';
import type { extractReadReasons } from '../../../shared/api/reasons/extract-read';

export const extractReadZh: ReasonTexts<typeof extractReadReasons> = {
  'extract.file-empty': (p) => `${p.file} 是空文件，未读取任何内容`,
  'extract.file-damaged': (p) => `${p.file} 已损坏或不完整，无法读取，请向发件人重新索取该文件`,
  'extract.file-encrypted': (p) => `${p.file} 设有密码：请用密码打开并另存一份无密码的副本，再读取该副本`,
  'extract.file-no-pages': (p) => `${p.file} 没有页面，未读取任何内容`,
  'extract.page-damaged': (p) => `${p.file} 第 ${p.page} 页已损坏，无法读取，请向发件人重新索取该文件`,
  'extract.needs-ocr': (p) => `${p.file} 第 ${p.page} 页是扫描件，本安装没有文字识别组件，无法读取`,
};
