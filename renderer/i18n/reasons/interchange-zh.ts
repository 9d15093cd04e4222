import type { ReasonTexts } from '../../../shared/api';
import type { codeTableReasons } from '../../../shared/api/reasons/codetables';
import type { interchangeReasons } from '../../../shared/api/reasons/interchange';
import { causeInChinese } from './causes-zh';
import { xlsxProblemZh, xmlProblemZh } from './kinds-zh';

export const interchangeZh: ReasonTexts<typeof interchangeReasons> = {
  'interchange.unknown-encoding': (p) =>
    `文件声明的编码 "${p.encoding}" 无法读取（应为 UTF-8、GB2312、GBK 或 GB18030）`,
  'interchange.bad-xlsx': (p) => `"${p.file}" 不是可读取的 .xlsx 工作簿（${xlsxProblemZh(p.kind)}）`,
  'interchange.no-worksheet': (p) => `"${p.file}" 中没有工作表`,
  'interchange.no-such-sheet': (p) => `"${p.file}" 中没有工作表 "${p.sheet}"（现有：${p.sheets}）`,
  'interchange.bad-pasted-text': (p) =>
    `粘贴的内容无法读取：第 ${p.line} 行第 ${p.column} 列开始的带引号字段缺少结束引号（"）`,
  'interchange.old-xls': (p) => `"${p.file}" 是旧版 Excel 97–2003 工作簿：请另存为 .xlsx（或 .csv）后导入`,
  'interchange.lines-file-type': (p) => `"${p.file}"：商品项只能从 .xlsx、.csv 或制表符分隔的 .txt 文件导入`,
  'interchange.bad-csv': (p) =>
    `"${p.file}" 不是有效的 CSV：第 ${p.line} 行第 ${p.column} 列开始的带引号字段缺少结束引号（"）`,
  'interchange.no-import-profile': (p) => `没有导入方案 ${p.id}`,
  'interchange.imp-path-not-full': (p) => `ImpPath 须为完整路径（如 D:\\ImpPath\\Deccus001），而不是 "${p.path}"`,
  'interchange.imp-path-not-folder': (p) => `ImpPath ${p.path} 不存在或不是文件夹`,
  'bridge.folders-unreachable': (p) =>
    `无法访问 ${p.path} 中电子口岸客户端的文件夹（OutBox、InBox 和 FailBox 须存在且可写入）`,
  'bridge.no-writable-folder': (p) =>
    `ImpPath ${p.path} 中没有可写入的 ${p.folder} 文件夹：请选择包含 OutBox、InBox 和 FailBox 的文件夹`,
  'bridge.backup-folder': (p) => `无法创建备份文件夹 ${p.path}`,
  'bridge.waiting-in-outbox': () => '已放入 OutBox，等待电子口岸客户端取走',
  'bridge.attachment-missing': (p) => `随附单据 ${p.file} 既未在报关单中上传，也不在 ${p.folder} 中；报关单等待该文件`,
  'bridge.write-failed': (p) => `报关单无法写入 OutBox（${causeInChinese(p.cause)}），将再次尝试`,
  'bridge.file-failed': (p, nested) =>
    `${p.file} 未能处理：${(p.problem !== '' && nested(p.problem, p.problemParams)) || causeInChinese(p.cause)}`,
  'bridge.file-set-aside': (p, nested) =>
    `${p.file} 无法读取，已移到 ${p.movedTo}：${(p.problem !== '' && nested(p.problem, p.problemParams)) || causeInChinese(p.cause)}`,
  'xml.encoding-guessed': () => '文件不是有效的 UTF-8，已按 GB18030（GBK）读取',
  'xml.encoding-not-as-declared': (p) => `文件声明的编码是 ${p.declared}，内容却是 UTF-8，已按 UTF-8 读取`,
  'xml.client-seq-no-replaced': (p) => `客户端编号 "${p.given}" 不是 1–20 位字母和数字；草稿改用 ${p.clientSeqNo}`,
  'xml.client-seq-no-in-use': (p) => `客户端编号 ${p.given} 已属于本机的另一份报关单；导入的副本改用 ${p.clientSeqNo}`,
  'xml.not-well-formed': (p) =>
    `文件不是格式正确的 XML（第 ${p.line} 行第 ${p.column} 列：${xmlProblemZh(p.kind)}），可能被截断或损坏`,
  'xml.wrong-root': (p) => `根元素是 <${p.found}> 而不是 <${p.expected}>：这不是报关单报文`,
  'xml.no-namespace': (p) => `<${p.element}> 没有命名空间；应为 xmlns="${p.expected}"`,
  'xml.wrong-namespace': (p) => `<${p.element}> 的命名空间是 "${p.found}"，而不是 "${p.expected}"`,
  'xml.cannot-import': (p) => `报文无法导入：有 ${p.count} 处问题`,
  'xml.duplicate-element': (p) => `第 ${p.line} 行：<${p.element}> 在 <${p.parent}> 中出现了两次`,
  'xml.not-a-value': (p) => `第 ${p.line} 行：<${p.element}> 应填值，不能包含子元素`,
  'xml.value-too-long': (p) => `第 ${p.line} 行：<${p.element}> 有 ${p.length} 个字符，最多只能保存 ${p.max} 个`,
  'xml.duplicate-section': (p) => `第 ${p.line} 行：<${p.element}> 出现了两次`,
  'xml.repeated-block': (p) => `<${p.element}> 出现了 ${p.count} 次；一份报文最多一个`,
  'xml.missing-head': () => '报文中没有 <DecHead>（表头）',
  'xml.bad-ie-flag': (p) => `<IEFlag> 应为 I（进口）或 E（出口），而不是 "${p.value}"`,
  'xml.too-many-lines': (p) => `报文有 ${p.count} 项商品；一份报关单最多 ${p.max} 项`,
  'xml.too-many-rows': (p) => `${p.table} 有 ${p.count} 行；最多只能保存 ${p.max} 行`,
  'xml.text-ignored': (p) => `第 ${p.line} 行：<${p.element}> 中直接写的文字已忽略`,
  'xml.unknown-element': (p) => `第 ${p.line} 行：<${p.element}> 不属于 <${p.parent}>，已忽略`,
  'xml.foreign-namespace': (p) => `第 ${p.line} 行：<${p.element}> 属于其他命名空间（"${p.namespace}"），已忽略`,
  'xml.parent-key-replaced': (p) =>
    `<${p.element}> ${p.actual} 与所属记录（${p.expected || '空'}）不一致；已保留所属记录的值`,
  'xml.gno-renumbered': (p) => `第 ${p.position} 项商品的 <GNo>${p.gNo}</GNo> 已改为 ${p.position}：商品项按位置编号`,
  'xml.cannot-write': (p) => `报关单无法写成报文：有 ${p.count} 处问题`,
  'xml.unwritable-char': (p) => `${p.field} 含有 XML 无法表示的字符 ${p.char}`,
  'xml.unknown-field': (p) => `${p.element} 中没有元素 ${p.key}`,
  'xml.unknown-table': (p) => `报关单中没有 "${p.table}" 这个表`,
  'xml.single-block': (p) => `${p.element} 在报文中只能出现一次，而报关单中有 ${p.count} 个`,
  'xml.no-parent-row': (p) => `${p.section}第 ${p.row} 行找不到所属的${p.parent}记录`,
  'receipts.not-well-formed': (p) =>
    `回执不是格式正确的 XML（第 ${p.line} 行第 ${p.column} 列：${xmlProblemZh(p.kind)}）`,
  'receipts.no-channel': (p) => `第 ${p.line} 行：<${p.element}> 中没有 CHANNEL`,
  'receipts.no-response-code': () => '<DecImportResponse> 中没有 ResponseCode',
  'receipts.no-result': () => '<DEC_DATA> 中没有 DEC_RESULT',
  'receipts.not-a-receipt': (p) => `<${p.element}> 不是回执（应为 DecImportResponse 或 DEC_DATA）`,
  'receipts.decmod-no-field': (p) => `<${p.element}> 中没有 ${p.field}，修撤单回执未采用`,
  'receipts.decmod-unknown-result': (p) => `<${p.element}> 的 FeedbackResults ${p.code} 无法识别，修撤单回执未采用`,
};

export const codeTablesZh: ReasonTexts<typeof codeTableReasons> = {
  'codetables.unknown-format': (p) => `无法判断 "${p.file}" 的格式：请使用 .csv 或 .xlsx 文件（或指明格式）`,
  'codetables.bad-xlsx': (p) => `"${p.file}" 不是可读取的 .xlsx 工作簿：${xlsxProblemZh(p.kind)}`,
  'codetables.no-worksheet': (p) => `"${p.file}" 中没有工作表`,
  'codetables.no-file': (p) => `文件 ${p.file} 不存在`,
  'codetables.not-a-file': (p) => `${p.file} 是文件夹，不是文件`,
  'codetables.file-too-large': (p) => `${p.file} 超过 ${p.maxMb} MB`,
  'codetables.bad-csv': (p) =>
    `"${p.file}" 不是有效的 CSV：第 ${p.line} 行第 ${p.column} 列开始的带引号字段缺少结束引号（"）`,
  'codetables.unknown-table': (p) => `没有代码表 "${p.table}"`,
  'codetables.too-large-to-send': (p) =>
    `代码表 "${p.table}" 太大（${p.rows} 行），不能整表发送：请用 tariff.getMany 或 codes.search 查询`,
  'codetables.not-imported': (p) => `"${p.file}" 未导入 ${p.table}：有 ${p.count} 处问题；未做任何改动`,
  'codetables.hub-table-bad': (p) =>
    `数据交换中心的代码表 ${p.table} 第 ${p.version} 版未安装：其中的行有 ${p.count} 处问题；仍使用原有的代码表`,
  'codetables.not-removable': (p) => `代码表 ${p.table} 不是从文件导入的，未作删除`,
  'codetables.row.unknown-table': (p) => `没有名为 "${p.table}" 的代码表`,
  'codetables.row.empty-file': () => '文件为空（没有表头行）',
  'codetables.row.no-code-column': () => '表头中没有代码列（code / 代码 / code_ts / 商品编号）',
  'codetables.row.no-name-column': () => '表头中没有名称列（name_zh / 名称 / name_en）',
  'codetables.row.empty-code': (p) => `第 ${p.line} 行：代码为空`,
  'codetables.row.code-has-spaces': (p) => `第 ${p.line} 行：代码“${p.value}”中含有空格`,
  'codetables.row.no-name': (p) => `第 ${p.line} 行：代码 ${p.value} 没有名称`,
  'codetables.row.duplicate-code': (p) => `第 ${p.line} 行：代码 ${p.value} 重复（首次出现在第 ${p.first} 行）`,
  'codetables.row.bad-date': (p) =>
    `第 ${p.line} 行：代码 ${p.code} 的日期“${p.value}”不是有效日期（yyyyMMdd 或 yyyy-MM-dd）`,
  'codetables.row.hs-not-10-digits': (p) => `第 ${p.line} 行：商品编号 ${p.value} 不是 10 位数字`,
  'codetables.row.bad-unit': (p) => `第 ${p.line} 行：商品编号 ${p.code} 的法定计量单位“${p.value}”不是 3 位单位代码`,
  'codetables.row.bad-rate': (p) =>
    `第 ${p.line} 行：币制 ${p.code} 的汇率“${p.value}”不是正的小数（每单位外币折合人民币元）`,
  'codetables.row.bad-agreement-rates': (p) => `第 ${p.line} 行：商品编号 ${p.code} 的协定税率“${p.value}”无法识别`,
  'codetables.row.bad-month': (p) => `第 ${p.line} 行：币制 ${p.code} 的月份“${p.value}”不是月份（如 2026-12）`,
  'codetables.row.no-rows': () => '文件中没有数据行',
};
