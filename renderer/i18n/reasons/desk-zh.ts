import type { ReasonTexts } from '../../../shared/api';
import type { archiveReasons } from '../../../shared/api/reasons/archive';
import type { deskReasons } from '../../../shared/api/reasons/desk';
import { causeInChinese } from './causes-zh';
import { gzipProblemZh, recordProblemZh } from './kinds-zh';

/** What a database file check found, in Chinese (`check` from main's checkDatabaseFile). */
function checkZh(p: { file: string; check: string }): string {
  const what: Record<string, string> = {
    missing: '文件不存在',
    'not-a-database': '不是 SQLite 数据库',
    damaged: '数据库已损坏',
    'too-new': '由更新版本的 SW Desk 写入',
    'not-ours': '不是 SW Desk 的数据库',
  };
  return `${p.file}：${what[p.check] ?? '检查未通过'}`;
}

export const deskZh: ReasonTexts<typeof deskReasons> = {
  'desk.nothing-to-recover': () => 'SW Desk 已正常打开数据，无需恢复',
  'desk.backup-unusable': (p) => `该备份不能用于恢复：${checkZh(p)}。当前数据库未做任何改动`,
  'desk.folder-in-use': (p) => `${p.folder} 就是当前使用的数据文件夹`,
  'desk.folder-unwritable': (p) => `SW Desk 无法在 ${p.folder} 中写入（${causeInChinese(p.cause)}）`,
  'desk.cannot-copy-unopened': () => '当前数据无法打开，因此不能复制；请选择文件夹但不复制数据',
  'desk.folder-has-data': (p) =>
    `${p.folder} 中已有 SW Desk 数据：请选择空文件夹来复制，或直接打开其中的数据（不复制）`,
  'desk.no-such-backup': (p) => `没有名为 ${p.name} 的备份`,
  'desk.no-backups': (p) => `${p.folder} 中没有备份`,
  'desk.no-good-backup': () => '没有一份备份通过检查；未做任何改动',
  'desk.cannot-open-read-only': (p) => `数据连只读方式也无法打开：${causeInChinese(p.cause)}`,
  'desk.no-missing-key': () => '没有缺少的签名密钥',
  'desk.recovery-first': (p) => `SW Desk 无法打开数据（${p.problem}）：请先在恢复界面处理`,
  'desk.read-only': () => '数据以只读方式打开，不能做任何修改；请恢复备份或选择其他数据文件夹后再继续工作',
  'desk.cannot-reopen': () => '只有桌面程序（或浏览器主机）才能重新打开数据',
  'desk.replaced-kept': (p) => `被替换的数据库已保留在 ${p.folder}`,
  'desk.backup-check-failed': (p) => `数据库检查未通过，本次备份未保留（以前的备份未受影响）：${checkZh(p)}`,
  'desk.backup-vanished': (p) => `备份 ${p.name} 刚写完就不见了`,
  'desk.backup-not-in-folder': (p) => `${p.folder} 中没有名为 ${p.name} 的备份`,
  'desk.backup-file-damaged': (p) =>
    `备份 ${p.file} 不能用于恢复：其中的随附单据 ${p.fileName}（${p.edocId}）已损坏或被改动（内容与其 SHA-256 不符）。未做任何改动`,
  'desk.backup-file-missing': (p) =>
    `备份 ${p.file} 不能用于恢复：其中没有随附单据 ${p.fileName}（${p.edocId}），数据文件夹中也没有。未做任何改动`,
  'desk.restore-copy-failed': (p) => `备份无法复制到位（${causeInChinese(p.cause)}）；已放回原来的数据库`,
  'desk.folder-not-remembered-cli': () =>
    '没有记住这个文件夹：本次 SW Desk 是用命令行参数（--data）指定数据文件夹启动的，每次启动都以它为准',
  'desk.folder-not-remembered': (p) => `无法记住这个文件夹（${causeInChinese(p.cause)}）；在关闭 SW Desk 之前仍使用它`,
  'desk.data-left': (p) => `${p.folder} 中的数据留在原处`,
  'desk.returned-to-drafts': (p) => `已退回草稿，需重新申报：${p.seqNos}`,
  'desk.no-hub-to-test': () => '尚未设置数据交换中心：请输入其地址后再测试',
};

export const archiveZh: ReasonTexts<typeof archiveReasons> = {
  'archive.no-file': (p) => `文件 ${p.file} 不存在`,
  'archive.no-folder': (p) => `${p.file}：文件夹 ${p.folder} 不存在`,
  'archive.file-exists': (p) => `${p.file}：已有同名文件，请换一个名称`,
  'archive.not-compressed': (p) => `${p.file} 不是完整的 SW Desk 归档文件（${gzipProblemZh(p.kind)}），未导入任何内容`,
  'archive.unreadable': (p) => `无法读取 ${p.file}（${causeInChinese(p.cause)}），未导入任何内容`,
  'archive.data-after-end': (p) => `${p.file} 的结束标记之后还有数据，未导入任何内容`,
  'archive.damaged-end': (p) => `${p.file} 的结束标记已损坏，未导入任何内容`,
  'archive.no-manifest': (p) => `${p.file} 不是 SW Desk 归档文件（第一行不是清单），未导入任何内容`,
  'archive.too-new': (p) => `${p.file} 由更新版本的 SW Desk 写入（归档格式 ${p.version}），请安装新版本后再导入`,
  'archive.bad-manifest': (p) => `${p.file} 不是 SW Desk 归档文件（清单格式不符），未导入任何内容`,
  'archive.empty': (p) => `${p.file} 是空文件或不是 SW Desk 归档文件，未导入任何内容`,
  'archive.incomplete': (p) => `${p.file} 不完整（缺少结束标记——复制时被截断了？），未导入任何内容`,
  'archive.checksum': (p) => `${p.file} 已被改动或损坏（内容与校验和不符），未导入任何内容`,
  'archive.file-damaged': (p) =>
    `${p.file}：随附单据 ${p.fileName}（${p.edocId}）已损坏或被改动（内容与其 SHA-256 不符），未导入任何内容`,
  'archive.file-missing': (p) =>
    `${p.file}：随附单据 ${p.fileName}（${p.edocId}）既不在归档文件中，也不在本机，未导入任何内容`,
  'archive.export-file-missing': (p) =>
    `数据文件夹中的随附单据 ${p.fileName}（${p.edocId}）缺失或已被改动，归档文件无法带上它，未导出任何内容`,
  'archive.line-not-json': (p) => `${p.file} 第 ${p.line} 行不是 JSON，未导入任何内容`,
  'archive.bad-record': (p) => `${p.file} 第 ${p.line} 行：${recordProblemZh(p.kind)}；未导入任何内容`,
};
