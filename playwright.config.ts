import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';

// End-to-end tests drive a system Chromium (Playwright cannot download browsers on these machines), else
// Playwright's own where it was installed (scripts/chromium.mjs), against the browser host and a real hub process.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // A stale dist/renderer is rebuilt, and the processes specs start are bundled, before any spec runs
  // (e2e/global-setup.ts).
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  // Two spec files at a time: every spec starts its own host and hub on free ports in its own folders, and one
  // at a time kept about 0.7 of a core busy (the suite used 264 s of CPU; alone it took 371 s in CI).
  workers: 2,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }],
  ],
  // Separate folders let several runs share a checkout without stepping on each other's artifacts.
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? 'test-results/playwright',
  use: {
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium()?.path,
      args: chromiumArgs,
    },
  },
});
