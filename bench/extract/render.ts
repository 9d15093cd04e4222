// Chromium prints a generated document as a supplier's ERP does: a PDF with a text layer (page.pdf), and pictures of
// its sheets (screenshots at scanner resolutions) that the scan maker then spoils. The same laid-out page also gives
// the text runs with their boxes as a text layer would, so a parser can be tested without a PDF reader.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type { DocumentText, PageText } from '../../shared/extract/document';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';

export interface Rendered {
  pdf: Uint8Array;
  /** One PNG per sheet at the renderer's dpi. */
  pages: Uint8Array[];
  /** The runs as the text layer has them (page fractions, origin top-left). */
  text: DocumentText;
}

export interface Renderer {
  render(html: string, fileName: string): Promise<Rendered>;
  /** A blank page of the same browser, for the scan maker's canvas. */
  blankPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A4 in PDF points. */
export const a4 = { width: 595.28, height: 841.89 };

// Kept as source text: tsx wraps named functions in a helper the page does not have, so the page gets plain script.
const textOfPages = `(() => {
  const round = (v) => Math.round(v * 10000) / 10000;
  return [...document.querySelectorAll('.page')].map((page, index) => {
    const p = page.getBoundingClientRect();
    const runs = [];
    const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const content = node.textContent || '';
      // One run per line of the node: a wrapped header cell gives a run for each of its lines, as a text layer does.
      let line = null;
      const flush = () => {
        if (!line) return;
        const text = line.text.replace(/\\s+/g, ' ').trim();
        const box = { page: index, x: round((line.left - p.left) / p.width), y: round((line.top - p.top) / p.height) };
        runs.push({ text, box: { ...box, w: round((line.right - line.left) / p.width), h: round((line.bottom - line.top) / p.height) } });
        line = null;
      };
      for (const m of content.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const r = range.getBoundingClientRect();
        if (line && Math.abs(r.top - line.top) < r.height / 2) {
          line.text += ' ' + m[0];
          line.right = Math.max(line.right, r.right);
          line.bottom = Math.max(line.bottom, r.bottom);
        } else {
          flush();
          line = { text: m[0], left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }
      }
      flush();
    }
    return { index, width: ${a4.width}, height: ${a4.height}, rotation: 0, runs };
  });
})()`;

async function renderIn(context: BrowserContext, html: string, fileName: string): Promise<Rendered> {
  const page = await context.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForSelector('body[data-paginated]');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    if (await page.locator('body[data-overflow]').count())
      throw new Error(`${fileName}: the goods table is wider than the sheet; narrow the layout's font or columns`);
    const sheets = (await page.evaluate(textOfPages)) as Omit<PageText, 'kind'>[];
    const pages: Uint8Array[] = [];
    const count = await page.locator('.page').count();
    for (let i = 0; i < count; i++) pages.push(await page.locator('.page').nth(i).screenshot({ type: 'png' }));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return { pdf, pages, text: { fileName, pages: sheets.map((s) => ({ ...s, kind: 'text-pdf' as const })) } };
  } finally {
    await page.close();
  }
}

/** A renderer whose pictures have `dpi` dots per inch (CSS pixels are 96 to the inch). */
export async function openRenderer(dpi = 240): Promise<Renderer> {
  const browser = await chromium.launch({ executablePath: findChromium()?.path, args: chromiumArgs });
  const context = await browser.newContext({ viewport: { width: 900, height: 1200 }, deviceScaleFactor: dpi / 96 });
  return {
    blankPage: () => context.newPage(),
    render: (html, fileName) => renderIn(context, html, fileName),
    close: () => browser.close(),
  };
}
