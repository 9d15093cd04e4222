import { describe, expect, it } from 'vitest';
import { handmadePdf, ucs2Text } from '../../../test-support/main/handmade-pdf';
import { createExtractParts } from './parts';

describe('the extraction parts this build has', () => {
  it('read a PDF with the document reader and draw its page for the review', async () => {
    const parts = createExtractParts();
    const line = '商业发票 发票号 INV-0042 数量 单价 金额 原产国 中国';
    const file = { fileName: '发票.pdf', bytes: handmadePdf([{ content: ucs2Text(line, 50, 780) }]) };
    const pages: number[] = [];
    const text = await parts.read(file, {
      signal: new AbortController().signal,
      onProgress: (p) => pages.push(p.page),
    });
    expect(text.pages[0]?.runs.map((run) => run.text).join(' ')).toBe(line);
    expect(pages).toEqual([1]);
    expect(await parts.renderPage(file, 0, { maxWidth: 300 })).toMatchObject({ width: 300, height: 425 });
  });
});
