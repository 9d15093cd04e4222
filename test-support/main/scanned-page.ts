// A page of an invoice as a scanner gives it: Chinese, English and numbers drawn by the real Chromium with the
// system's Noto CJK font, taken as a PNG, optionally turned a quarter turn or skewed a little as a page fed in
// crooked is. The boxes of the marked texts are measured in the picture as taken (after the turn), in fractions,
// so an OCR test can say where a value must be found.
import { type Browser, chromium } from '@playwright/test';
import type { Box } from '../../shared/extract/document';
import type { PageImage } from '../../main/core/extract/ocr-engine';
import { findChromium } from '../../scripts/chromium.mjs';
import { mulberry32 } from '../shared/seeded-random';

export const scannedInvoice = {
  invoiceNo: 'INV-2026-0412',
  date: '2026-11-03',
  incoterm: 'FOB Shanghai',
  seller: '宁波海天贸易有限公司',
  name1: '不锈钢保温杯 Vacuum Cup',
  qty1: '1200',
  price1: '3.45',
  amount: '4,140.00',
  name2: '陶瓷餐盘 Ceramic Plate',
  qty2: '800',
  price2: '2.10',
  amount2: '1,680.00',
  total: '5,820.00',
} as const;
export type ScannedMark = keyof typeof scannedInvoice;

export interface ScannedPage {
  image: PageImage;
  /** Where each marked text was drawn, in fractions of the picture (page 0). */
  drawn: Record<ScannedMark, Box>;
  /** Every text on the page, in reading order. */
  text: string;
}

const width = 900;
const height = 1272;

function pageHtml(turn: number, skew: number): string {
  const sideways = turn % 180 !== 0;
  const [w, h] = sideways ? [height, width] : [width, height];
  const mark = (name: ScannedMark) => `<span data-mark="${name}">${scannedInvoice[name]}</span>`;
  const cells = (...texts: string[]) => texts.map((t) => `<td>${t}</td>`).join('');
  return `<!doctype html><html><body style="margin:0;width:${w}px;height:${h}px;overflow:hidden;background:#fff">
<div id="page" style="position:absolute;width:${width}px;height:${height}px;left:${(w - width) / 2}px;top:${(h - height) / 2}px;
transform:rotate(${turn + skew}deg);background:#fff;color:#111;font-family:'Noto Sans CJK SC',sans-serif">
<div style="padding:60px 56px;font-size:21px;line-height:1.5">
<div style="font-size:32px;font-weight:bold">COMMERCIAL INVOICE 商业发票</div>
<div style="margin-top:24px">Invoice No.: ${mark('invoiceNo')}</div>
<div>Date: ${mark('date')} &nbsp; Terms: ${mark('incoterm')}</div>
<div>Seller: ${mark('seller')}</div>
<table style="margin-top:28px;border-collapse:collapse;font-size:20px" border="1" cellpadding="7">
<tr><th>No.</th><th>Description 品名</th><th>Qty</th><th>Unit Price</th><th>Amount USD</th></tr>
<tr>${cells('1', mark('name1'), mark('qty1'), mark('price1'), mark('amount'))}</tr>
<tr>${cells('2', mark('name2'), mark('qty2'), mark('price2'), mark('amount2'))}</tr>
</table>
<div style="margin-top:24px">TOTAL: USD ${mark('total')}</div>
</div></div></body></html>`;
}

export interface PageTurn {
  /** Clockwise, in degrees: 0, 90, 180 or 270. */
  turn?: number;
  /** A small further turn, clockwise, in degrees. */
  skew?: number;
  /** Specks of dust and toner (this many, from a fixed seed) and a slight blur, as a cheap scanner leaves. */
  noise?: number;
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
  if (options.noise) await page.evaluate(speckle, specks(options.noise));
  const text = await page.$eval('#page', (e) => (e as HTMLElement).innerText);
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
  return { image: { png: new Uint8Array(png), ...viewport }, drawn, text };
}

interface Speck {
  x: number;
  y: number;
  r: number;
  alpha: number;
}

/** Specks from a fixed seed, in fractions of the picture: the same page every run. */
function specks(count: number): Speck[] {
  const next = mulberry32(20);
  return Array.from({ length: count }, () => ({
    x: next(),
    y: next(),
    r: 0.5 + 1.8 * next(),
    alpha: 0.3 + 0.6 * next(),
  }));
}

/** Runs in the page: grey specks over it and a blur. */
function speckle(dots: Speck[]): void {
  const canvas = document.createElement('canvas');
  canvas.width = document.body.clientWidth;
  canvas.height = document.body.clientHeight;
  canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none';
  const g = canvas.getContext('2d');
  if (!g) return;
  for (const d of dots) {
    g.fillStyle = `rgba(40,40,40,${d.alpha})`;
    g.beginPath();
    g.arc(d.x * canvas.width, d.y * canvas.height, d.r, 0, 2 * Math.PI);
    g.fill();
  }
  document.body.appendChild(canvas);
  document.body.style.filter = 'blur(0.6px) contrast(0.8)';
}
