import { describe, expect, it } from 'vitest';
import { AppError, nestedParams } from '../../../shared/api';
import type { ApiError } from '../../../shared/api';
import { ApiCallError, failureDetail } from '../../api/client';
import { goodsDeclaration } from '../../../shared/catalog';
import { readDecMessage } from '../../../shared/interchange/dec-message-reader';
import { writeDecMessage } from '../../../shared/interchange/dec-message-writer';
import { parseReceipt } from '../../../shared/interchange/receipts';
import { sampleDeclaration } from '../../../shared/validation/sample-declaration';
import { templateWithoutParts } from '../../../test-support/shared/template-refusals';
import { localizeError } from '.';

/** How `error` reads to the broker, in Chinese and in English. */
function worded(error: ApiError) {
  return { zh: localizeError(error, 'zh-CN').message, en: localizeError(error, 'en').message };
}

/** What reading `text` refused, as it crosses the contract. */
function refusal(read: () => unknown) {
  try {
    read();
  } catch (error) {
    if (error instanceof AppError) return error.toApiError();
    throw error;
  }
  throw new Error('expected a refusal');
}

const message = writeDecMessage(goodsDeclaration, sampleDeclaration(1));

describe("a file that is not well-formed XML is worded by what is wrong, the parser's English kept for support", () => {
  it.each([
    ['cut short', message.slice(0, Math.floor(message.length / 2)), 'unclosed-tag', '有元素没有结束标签'],
    ['a wrong end tag', '<DecMessage><DecHead></DecMessage>', 'mismatched-end-tag', '结束标签与它要结束的元素不符'],
    ['text after the root', `${message}\ntrailing`, 'text-outside-root', '根元素之外还有文字或第二个元素'],
    ['no XML at all', 'not xml at all', 'text-outside-root', '根元素之外还有文字或第二个元素'],
    ['empty', '', 'empty', '其中没有任何 XML 元素'],
    ['a control character', '<DecMessage>\u0001</DecMessage>', 'bad-character', '有 XML 不允许出现在该处的字符'],
    ['an unknown entity', '<DecMessage>&nbsp;</DecMessage>', 'bad-entity', '有无法识别或格式不对的实体（&…;）'],
    ['an unquoted attribute', '<DecMessage Version=1/>', 'bad-attribute', '有格式不对的属性'],
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY e "e">]><DecMessage/>', 'doctype', '含有不允许的 DOCTYPE 声明'],
    ['an undeclared prefix', '<ns0:DecMessage/>', 'bad-namespace', '使用了未声明的命名空间前缀'],
  ])('%s', (_what, text, kind, zh) => {
    const error = refusal(() => readDecMessage(goodsDeclaration, text));
    expect(error.reason).toBe('xml.not-well-formed');
    expect(error.params?.kind).toBe(kind);
    const detail = String(error.params?.detail);
    expect(detail).not.toBe('');
    const chinese = localizeError(error, 'zh-CN').message;
    expect(chinese).toMatch(/^文件不是格式正确的 XML（第 \d+ 行第 \d+ 列：/);
    expect(chinese).toContain(zh);
    expect(chinese).not.toContain(detail);
    expect(localizeError(error, 'en').message).not.toContain(detail);
  });

  it('says the kind in English too, and a receipt the same way', () => {
    const cut = refusal(() => readDecMessage(goodsDeclaration, message.slice(0, 200)));
    expect(localizeError(cut, 'en').message).toMatch(
      /^The file is not well-formed XML \(line \d+, column \d+: an element is not closed\); it may be truncated/,
    );
    const receipt = refusal(() => parseReceipt('<DEC_DATA><DEC_RESULT>'));
    expect(receipt.params).toMatchObject({ kind: 'unclosed-tag', detail: 'unclosed tag: DEC_RESULT' });
    expect(worded(receipt)).toEqual({
      zh: '回执不是格式正确的 XML（第 1 行第 22 列：有元素没有结束标签）',
      en: 'The receipt is not well-formed XML (line 1, column 22: an element is not closed)',
    });
  });

  it('words a kind it does not know (kept by another version) as a syntax error', () => {
    const kept = new AppError('receipts.not-well-formed', {
      line: 3,
      column: 1,
      kind: 'unclosed-tag',
      detail: 'x',
    }).toApiError();
    const unknown = { ...kept, params: { ...kept.params, kind: 'from-the-future' } };
    expect(worded(unknown)).toEqual({
      zh: '回执不是格式正确的 XML（第 3 行第 1 列：语法错误）',
      en: 'The receipt is not well-formed XML (line 3, column 1: a syntax error)',
    });
  });
});

describe('a refused templates file words the reason it carries in the UI language', () => {
  // The parameters main sends for a real file (main/core/templates/template-files.test.ts).
  const noParts = new AppError('templates.bad-template', {
    ...templateWithoutParts,
    detail: 'templates[1].parts: Too small: expected array to have >=1 items',
  }).toApiError();

  it('in Chinese and English, the check named and its English only under 详情', () => {
    expect(worded(noParts)).toEqual({
      zh: 'bad.swtpl.json：第 2 个模板 "坏的"：parts：至少 1 项；未导入任何内容',
      en: 'bad.swtpl.json: template 2 "坏的": parts: At least 1 item; nothing was imported',
    });
    expect(failureDetail(new ApiCallError(noParts, 'zh-CN'))).toBe(noParts.params?.detail);
  });

  it('a file of another format, and a reason carried inside worded by its own texts', () => {
    const other = new AppError('templates.not-a-templates-file', {
      file: 'x.json',
      field: 'format',
      problem: 'input.not-one-of',
      problemParams: nestedParams({ values: 'swdesk-templates' }),
      detail: 'format: Invalid input: expected "swdesk-templates"',
    }).toApiError();
    expect(localizeError(other, 'zh-CN').message).toBe(
      'x.json：不是模板文件（format：须为以下之一：swdesk-templates），未导入任何内容',
    );
    const inner = { detail: 'There is no field "NoSuchField" in head' };
    const badField = new AppError('templates.bad-template', {
      file: 'x.json',
      index: 1,
      name: '坏的',
      field: 'head.NoSuchField',
      problem: 'declarations.bad-edit',
      problemParams: nestedParams(inner),
      detail: 'x',
    }).toApiError();
    const innerZh = localizeError(new AppError('declarations.bad-edit', inner).toApiError(), 'zh-CN').message;
    expect(localizeError(badField, 'zh-CN').message).toBe(
      `x.json：第 1 个模板 "坏的"：head.NoSuchField：${innerZh}；未导入任何内容`,
    );
  });
});

describe("the data folder's and backups' failures name the kind of cause, the system's words folded", () => {
  it.each([
    [
      new AppError('desk.folder-unwritable', { folder: '/d/x', cause: 'not-a-directory', detail: 'ENOTDIR: mkdir' }),
      'SW Desk 无法在 /d/x 中写入（应为文件夹的位置是一个文件）',
    ],
    [
      new AppError('desk.backup-unusable', { file: 'b.sqlite', check: 'not-a-database', detail: 'header unreadable' }),
      '该备份不能用于恢复：b.sqlite：不是 SQLite 数据库。当前数据库未做任何改动',
    ],
    [new AppError('desk.no-good-backup', { detail: 'b.sqlite: not a database' }), '没有一份备份通过检查；未做任何改动'],
    [
      new AppError('bridge.write-failed', {
        cause: 'is-a-directory',
        detail: 'EISDIR: illegal operation on a directory',
      }),
      '报关单无法写入 OutBox（应为文件的位置是一个文件夹），将再次尝试',
    ],
    [
      new AppError('desk.restore-copy-failed', { cause: 'disk-full', detail: 'ENOSPC: no space left on device' }),
      '备份无法复制到位（磁盘已满）；已放回原来的数据库',
    ],
  ])('%#', (error, zh) => {
    const refused = error.toApiError();
    expect(localizeError(refused, 'zh-CN').message).toBe(zh);
    expect(localizeError(refused, 'en').message).not.toContain(String(refused.params?.detail));
    expect(failureDetail(new ApiCallError(refused, 'zh-CN'))).toBe(refused.params?.detail);
  });
});

describe('a file that is not a readable .xlsx workbook, in both languages', () => {
  it('names what is wrong, the zip library’s English only under 详情', () => {
    const detail = "Can't find end of central directory : is this a zip file ?";
    const lines = new AppError('interchange.bad-xlsx', { file: 'a.xlsx', kind: 'not-a-workbook', detail }).toApiError();
    expect(worded(lines)).toEqual({
      zh: '"a.xlsx" 不是可读取的 .xlsx 工作簿（它不是 Excel 工作簿，可能是改名为 .xlsx 的其他文件）',
      en: '"a.xlsx" is not a readable .xlsx workbook (it is not an Excel workbook, perhaps another kind of file renamed .xlsx)',
    });
    expect(failureDetail(new ApiCallError(lines, 'en'))).toBe(detail);
    const table = new AppError('codetables.bad-xlsx', { file: 'u.xlsx', kind: 'encrypted', detail }).toApiError();
    expect(localizeError(table, 'zh-CN').message).toBe(
      '"u.xlsx" 不是可读取的 .xlsx 工作簿：工作簿设有密码（或是旧版 Excel 97–2003 工作簿）：请去掉密码另存为 .xlsx',
    );
  });
});

describe('an archive that cannot be decompressed or read, in both languages', () => {
  it('names what is wrong, zlib’s and the system’s words only under 详情', () => {
    const cut = new AppError('archive.not-compressed', {
      file: 'a.swdx',
      kind: 'cut-short',
      detail: 'unexpected end of file',
    }).toApiError();
    expect(worded(cut)).toEqual({
      zh: 'a.swdx 不是完整的 SW Desk 归档文件（文件提前结束：复制时被截断了），未导入任何内容',
      en: 'a.swdx is not a whole SW Desk archive (it ends too early: it was cut short while copying); nothing was imported',
    });
    const folder = new AppError('archive.unreadable', {
      file: '/d',
      cause: 'is-a-directory',
      detail: 'EISDIR: illegal operation on a directory, read',
    }).toApiError();
    expect(localizeError(folder, 'zh-CN').message).toBe('无法读取 /d（应为文件的位置是一个文件夹），未导入任何内容');
    expect(failureDetail(new ApiCallError(folder, 'zh-CN'))).toBe(folder.params?.detail);
  });
});

describe('an archive record and an e-port client file, each worded by what is wrong', () => {
  it('an archive record names the part that is damaged, its specifics only under 详情', () => {
    const bad = new AppError('archive.bad-record', {
      file: 'a.swdx',
      line: 7,
      kind: 'declaration-row',
      detail: 'its lines row 3 is not a declaration row',
    }).toApiError();
    expect(worded(bad)).toEqual({
      zh: 'a.swdx 第 7 行：报关单的某一行已损坏；未导入任何内容',
      en: "a.swdx, line 7: one of a declaration's rows is damaged; nothing was imported",
    });
    expect(failureDetail(new ApiCallError(bad, 'zh-CN'))).toBe('its lines row 3 is not a declaration row');
  });

  it('a file the bridge could not process: the reason that refused it worded in turn, or the system failure’s kind', () => {
    const receipt = refusal(() => parseReceipt('<DEC_DATA><DEC_RESULT>'));
    const refused = new AppError('bridge.file-failed', {
      file: 'InBox/r.xml',
      problem: String(receipt.reason),
      problemParams: nestedParams(receipt.params ?? {}),
      cause: 'other',
      detail: receipt.message,
    }).toApiError();
    expect(localizeError(refused, 'zh-CN').message).toBe(
      'InBox/r.xml 未能处理：回执不是格式正确的 XML（第 1 行第 22 列：有元素没有结束标签）',
    );
    const moved = new AppError('bridge.file-failed', {
      file: 'InBox/r.xml',
      problem: '',
      problemParams: '',
      cause: 'not-a-directory',
      detail: "ENOTDIR: not a directory, mkdir '/x/SwDeskBackup/Unreadable/2026-12-07'",
    }).toApiError();
    expect(localizeError(moved, 'zh-CN').message).toMatch(/^InBox\/r\.xml 未能处理：[^A-Za-z]+$/);
    expect(localizeError(moved, 'en').message).toBe(
      'InBox/r.xml was not processed: a file was found where a folder was expected',
    );
  });
});
