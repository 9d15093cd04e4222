// Which Chromium the end-to-end tests, the keystroke bench and the icon renderer drive: CHROMIUM_PATH when
// set, else the system's (Debian's chromium package), else the one `npx playwright install chromium` put in
// Playwright's cache. None: null, and `npm test` stops at once saying the one command to run, instead of
// every spec timing out on a browser that is not there.
import fs from 'node:fs';
import { chromium } from '@playwright/test';

/** What to run where no Chromium is found (it needs the internet; or install the system's and set CHROMIUM_PATH). */
export const INSTALL_CHROMIUM = 'npx playwright install chromium';

/** The flags every Chromium of the repository runs with (TOOLCHAIN.md): headless, nothing fetched from the network. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium to drive and where it was found, or null. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH)
    return fs.existsSync(env.CHROMIUM_PATH) ? { path: env.CHROMIUM_PATH, from: 'CHROMIUM_PATH' } : null;
  const system = systemPaths.find((p) => fs.existsSync(p));
  if (system) return { path: system, from: 'system' };
  const own = chromium.executablePath();
  return own && fs.existsSync(own) ? { path: own, from: 'playwright' } : null;
}
