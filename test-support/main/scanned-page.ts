// A page of an invoice as a scanner gives it: Chinese, English and numbers drawn by the real Chromium with the
// system's Noto CJK font, taken as a PNG, optionally turned a quarter turn or skewed a little as a page fed in
// crooked is. The boxes of the marked texts are measured in the picture as taken (after the turn), in fractions,
// so an OCR test can say where a value must be found.
import { type Browser, chromium } from '@playwright/test';
import type { Box } from '../../shared/extract/document';
import type { PageImage } from '../../main/core/extract/ocr-engine';
import { findChromium } from '../../scripts/chromium.mjs';

export const scannedInvoice = {
  invoiceNo: 'INV-2026-0412',
  seller: '宁波海天贸易有限公司',
  amount: '4,140.00',
} as const;
export type ScannedMark = keyof typeof scannedInvoice;

export interface ScannedPage {
  image: PageImage;
  /** Where each marked text was drawn, in fractions of the picture (page 0). */
  drawn: Record<ScannedMark, Box>;
}

const width = 900;
const height = 1272;

function pageHtml(turn: number, skew: number): string {
  const sideways = turn % 180 !== 0;
  const [w, h] = sideways ? [height, width] : [width, height];
  const mark = (name: ScannedMark) => `<span data-mark="${name}">${scannedInvoice[name]}</span>`;
  return `<!doctype html><html><body style="margin:0;width:${w}px;height:${h}px;overflow:hidden;background:#fff">
<div style="position:absolute;width:${width}px;height:${height}px;left:${(w - width) / 2}px;top:${(h - height) / 2}px;
transform:rotate(${turn + skew}deg);background:#fff;color:#111;font-family:'Noto Sans CJK SC',sans-serif">
<div style="padding:60px 56px;font-size:21px;line-height:1.5">
<div style="font-size:32px;font-weight:bold">COMMERCIAL INVOICE 商业发票</div>
<div style="margin-top:24px">Invoice No.: ${mark('invoiceNo')}</div>
<div>Date: 2026-11-03 &nbsp; Terms: FOB Shanghai</div>
<div>Seller: ${mark('seller')}</div>
<table style="margin-top:28px;border-collapse:collapse;font-size:20px" border="1" cellpadding="7">
<tr><th>No.</th><th>Description 品名</th><th>Qty</th><th>Unit Price</th><th>Amount USD</th></tr>
<tr><td>1</td><td>不锈钢保温杯 Vacuum Cup</td><td>1200</td><td>3.45</td><td>${mark('amount')}</td></tr>
<tr><td>2</td><td>陶瓷餐盘 Ceramic Plate</td><td>800</td><td>2.10</td><td>1,680.00</td></tr>
</table>
<div style="margin-top:24px">TOTAL: USD 5,820.00</div>
</div></div></body></html>`;
}

export interface PageTurn {
  /** Clockwise, in degrees: 0, 90, 180 or 270. */
  turn?: number;
  /** A small further turn, clockwise, in degrees. */
  skew?: number;
}

/** Renders the page once for each turn asked (one browser for all). */
export async function scannedInvoicePages(turns: readonly PageTurn[]): Promise<ScannedPage[]> {
  const found = findChromium();
  if (!found) throw new Error('No Chromium to draw the scanned page with (set CHROMIUM_PATH)');
  const browser = await chromium.launch({ executablePath: found.path });
  try {
    const pages: ScannedPage[] = [];
    for (const options of turns) pages.push(await drawPage(browser, options));
    return pages;
  } finally {
    await browser.close();
  }
}

async function drawPage(browser: Browser, options: PageTurn): Promise<ScannedPage> {
  const turn = options.turn ?? 0;
  const sideways = turn % 180 !== 0;
  const viewport = sideways ? { width: height, height: width } : { width, height };
  const page = await browser.newPage({ viewport });
  await page.setContent(pageHtml(turn, options.skew ?? 0));
  await page.evaluate(() => document.fonts.ready);
  const rects = await page.$$eval('[data-mark]', (elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { name: e.getAttribute('data-mark') ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
  const drawn = Object.fromEntries(
    rects.map((r) => [
      r.name,
      { page: 0, x: r.x / viewport.width, y: r.y / viewport.height, w: r.w / viewport.width, h: r.h / viewport.height },
    ]),
  ) as Record<ScannedMark, Box>;
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return { image: { png: new Uint8Array(png), ...viewport }, drawn };
}
