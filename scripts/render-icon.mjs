// Renders resources/build/icon.svg to the 512×512 PNG electron-builder needs
// (node scripts/render-icon.mjs). Uses Debian's Chromium through Playwright.
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from './chromium.mjs';

const svg = fs.readFileSync('resources/build/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: findChromium()?.path,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: 'resources/build/icon.png', omitBackground: true });
await browser.close();
console.log('wrote resources/build/icon.png');
