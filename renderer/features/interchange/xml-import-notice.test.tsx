import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api';
import { goodsDeclaration } from '../../../shared/catalog';
import { readDecMessage, writeDecMessage } from '../../../shared/interchange';
import { sampleDeclaration } from '../../../shared/validation/sample-declaration';
import { useUi } from '../../state/ui-store';
import { InterchangeMenu, importXmlFile } from './interchange-menu';
import { renderWithBridge, screenPerTest } from '../../../test-support/renderer/render-with-bridge';

const ID = '0190f0d2-0000-7000-8000-000000000001';

/** What main answers when `work` refuses: the refusal as the contract carries it. */
function refusalOf(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return { ok: false as const, error: error.toApiError() };
    throw error;
  }
  throw new Error('not refused');
}

const lastNotice = (locale: 'zh-CN' | 'en') => useUi.getState().notices.at(-1)?.message(locale);

describe('the 导入/导出 menu says each problem of a refusal (fake bridge)', () => {
  screenPerTest();

  it('a declaration that cannot be written as a DecMessage: the notice names the field', async () => {
    const doc = { head: { IEFlag: 'I', NoteS: 'bell\u0007' }, lines: [], tables: {} };
    renderWithBridge(
      { 'interchange.exportXml': () => refusalOf(() => writeDecMessage(goodsDeclaration, doc)) },
      <InterchangeMenu />,
    );
    useUi.setState({ view: 'editor', selectedId: ID });
    fireEvent.click(await screen.findByRole('button', { name: '导出报文 (XML)' }));
    await waitFor(() =>
      expect(lastNotice('zh-CN')).toBe('报关单无法写成报文：有 1 处问题 — head.NoteS 含有 XML 无法表示的字符 U+0007'),
    );
    expect(lastNotice('en')).toMatch(
      /^The declaration cannot be written as a DecMessage: 1 problem — head\.NoteS .*U\+0007/,
    );
  });
});

describe('a DecMessage imported from the 导入/导出 menu (fake bridge)', () => {
  screenPerTest();

  it('refused: the notice names the file and each problem the reader found, in zh and en', async () => {
    const doc = sampleDeclaration(1);
    const text = writeDecMessage(goodsDeclaration, doc)
      .replace(/<IEFlag>[^<]*<\/IEFlag>/, '')
      .replace('<GName>', '<GName><b/>');
    renderWithBridge({ 'interchange.importXml': () => refusalOf(() => readDecMessage(goodsDeclaration, text)) }, null);
    await importXmlFile(new File([text], 'bad.xml'));
    expect(useUi.getState().notices.at(-1)?.kind).toBe('error');
    expect(lastNotice('zh-CN')).toMatch(/^bad\.xml: 报文无法导入：有 2 处问题/);
    expect(lastNotice('zh-CN')).toMatch(/第 \d+ 行：<GName> 应填值，不能包含子元素/);
    expect(lastNotice('zh-CN')).toContain('<IEFlag> 应为 I（进口）或 E（出口），而不是 ""');
    expect(lastNotice('en')).toMatch(/^bad\.xml: The DecMessage cannot be imported: 2 problem/);
    expect(lastNotice('en')).toMatch(/line \d+: <GName> must hold a value, not elements/);
  });

  it('imported with notes: the notice says each of them, not only how many', async () => {
    renderWithBridge(
      {
        'interchange.importXml': () => ({
          ok: true,
          value: {
            id: ID,
            clientSeqNo: 'SW2612071',
            ieFlag: 'I',
            lineCount: 1,
            encoding: 'utf-8',
            warnings: [
              { path: '(file)', code: 'xml.encoding-not-as-declared', message: '', params: { declared: 'gbk' } },
            ],
          },
        }),
        'declarations.list': () => ({
          ok: true,
          value: { items: [], offset: 0, total: 0, totalExact: true, next: null },
        }),
      },
      null,
    );
    await importXmlFile(new File(['<DecMessage/>'], 'saved.xml'));
    expect(lastNotice('zh-CN')).toBe(
      '已导入 saved.xml，报关单 SW2612071（草稿），1 条提示：文件声明的编码是 gbk，内容却是 UTF-8，已按 UTF-8 读取',
    );
    expect(lastNotice('en')).toBe(
      'Imported saved.xml as draft SW2612071 (1 note: The file declares the encoding gbk but is written in UTF-8; it was read as UTF-8)',
    );
  });
});
