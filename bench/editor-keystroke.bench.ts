// Keystroke to paint on a 50-line declaration in Chromium: p95 ≤ 16 ms (ARCHITECTURE.md budgets).
// Drives the real built renderer through the browser host (a real process, a real SQLite file
// with the tariff and code tables imported) in Debian's Chromium. For each keystroke the page
// notes the keydown's timestamp; a requestAnimationFrame callback (run before the next paint)
// posts a message, which runs after that frame has been painted: keystroke → paint.
// That includes the wait for the display's next frame once the keystroke has been handled — up
// to 16.7 ms at 60 Hz with no work at all — so the work alone (keystroke → paint less that wait)
// is reported too: it is what the app and the browser spend, and what a frame must hold.
// Also measured: how fast a code picker shows the matches for what was typed (main's SQLite,
// over the host's HTTP; Electron's IPC is quicker).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { importCodeTables, invoke } from '../e2e/fixtures/desk-api';
import { freshDir, startDesk } from '../e2e/fixtures/processes';
import type { DeclarationRecord, PatchOp } from '../shared/api';
import type { Row } from '../shared/catalog';
import type { BenchResult } from './harness';
import { percentile, round } from './harness';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';

const BUDGET_MS = 16;
const sample = JSON.parse(fs.readFileSync('resources/samples/import-general-trade.json', 'utf8')) as {
  doc: { head: Row; lines: Row[] };
};

function ensureBuilt(): void {
  if (fs.existsSync(path.join('dist/renderer/index.html'))) return;
  const built = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('renderer build failed');
}

async function fiftyLines(url: string): Promise<DeclarationRecord> {
  const record = await invoke<DeclarationRecord>(url, 'declarations.create', { ieFlag: 'I' });
  const line = sample.doc.lines[0] ?? {};
  const ops: PatchOp[] = Object.entries(sample.doc.head)
    .filter(([key]) => key !== 'IEFlag')
    .map(([key, value]) => ({ op: 'set', path: `head.${key}`, value }));
  for (let i = 0; i < 50; i++)
    ops.push({ op: 'insertRow', table: 'lines', row: { ...line, GName: `${line.GName ?? ''}${i + 1}` } });
  await invoke(url, 'declarations.update', { id: record.id, baseRevision: record.revision, ops });
  return invoke<DeclarationRecord>(url, 'declarations.get', { id: record.id });
}

async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __lat: number[];
      __work: number[];
      __proc: number[];
      __pick: number[];
      __pickQuery: string | null;
      __lastKey: number;
    };
    w.__lat = [];
    w.__work = [];
    w.__proc = [];
    w.__pick = [];
    w.__pickQuery = null;
    const FRAME_MS = 1000 / 60;
    const channel = new MessageChannel();
    const pending: Array<{ key: number; handled: number; frame: number }> = [];
    let current: { key: number; handled: number } | null = null;
    channel.port1.onmessage = () => {
      const entry = pending.shift();
      if (entry === undefined) return;
      const painted = performance.now();
      w.__lat.push(painted - entry.key);
      // Between the keystroke handled and the frame that shows it, whole frames missed are work
      // (the page was busy); the part of a frame spent waiting for the display's tick is not.
      const gap = entry.frame - entry.handled;
      const wait = gap > 0 ? gap - FRAME_MS * Math.floor(gap / FRAME_MS) : 0;
      w.__work.push(painted - entry.key - wait);
    };
    // Listeners on window run after React's root handlers: by the last of these the keystroke is handled.
    for (const type of ['keydown', 'keypress', 'input']) {
      window.addEventListener(type, () => {
        if (current) current.handled = performance.now();
      });
    }
    document.addEventListener(
      'keydown',
      (event) => {
        w.__lastKey = event.timeStamp;
        const entry = { key: event.timeStamp, handled: event.timeStamp };
        current = entry;
        requestAnimationFrame((frame) => {
          pending.push({ ...entry, frame });
          channel.port2.postMessage(null);
        });
      },
      true,
    );
    // React handles the input event at its root; a listener on window runs after it has rendered
    // and committed: the app's own processing of the keystroke.
    // Only an input that a keydown caused (text typed without one, e.g. Chinese from an IME, has no start).
    let keyPending: number | null = null;
    document.addEventListener('keydown', (event) => (keyPending = event.timeStamp), true);
    window.addEventListener('input', () => {
      if (keyPending !== null) w.__proc.push(performance.now() - keyPending);
      keyPending = null;
    });
    new MutationObserver(() => {
      const query = w.__pickQuery;
      if (query === null) return;
      const first = document.querySelector('[role="listbox"] [role="option"] .code');
      if (first?.textContent?.startsWith(query)) {
        w.__pick.push(performance.now() - w.__lastKey);
        w.__pickQuery = null;
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

export async function run(): Promise<BenchResult[]> {
  ensureBuilt();
  const desk = await startDesk(freshDir('bench-keys'));
  const browser = await chromium.launch({
    executablePath: findChromium()?.path,
    args: chromiumArgs,
  });
  try {
    await importCodeTables(desk.url, ['tariff', 'units', 'countries', 'customs-districts', 'ports']);
    const record = await fiftyLines(desk.url);
    await invoke(desk.url, 'ui.setState', { declarationId: record.id, view: 'editor', field: 'lines[20].GName' });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    await page.goto(desk.url);
    await page.getByRole('row', { name: '第21项', exact: true }).getByLabel('商品名称', { exact: true }).waitFor();
    await page.waitForTimeout(1000);
    await installProbe(page);

    // Typing in grid cells of lines 21–30 (商品名称, 规格型号, a price) and in the head (备注), Enter between fields.
    const text = 'Fuji apples grade A 富士苹果一级 ';
    for (let line = 20; line < 30; line++) {
      const row = page.getByRole('row', { name: `第${line + 1}项`, exact: true });
      await row.getByLabel('商品名称', { exact: true }).focus();
      await page.keyboard.press('End');
      await page.keyboard.type(text.slice(0, 12), { delay: 40 });
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('|散装', { delay: 40 });
      await row.getByLabel('申报单价', { exact: true }).focus();
      await page.keyboard.type('2.75', { delay: 40 });
    }
    await page.getByLabel('备注', { exact: true }).focus();
    await page.keyboard.type(text.repeat(3), { delay: 40 });
    await page.waitForTimeout(500);
    const latencies = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
    const processing = await page.evaluate(() => (window as unknown as { __proc: number[] }).__proc);
    const work = await page.evaluate(() => (window as unknown as { __work: number[] }).__work);

    // Code picker: code prefixes in 成交计量单位 and 原产国 cells. The first lookup in each table
    // after start (its code path, query and rendering all cold) is reported on its own; then a
    // working session's lookups.
    const queries: Array<[string, string, string]> = [
      ['成交计量单位', '03', '03'],
      ['原产国(地区)', 'US', 'US'],
      ['成交计量单位', '00', '00'],
      ['原产国(地区)', 'CH', 'CH'],
      ['成交计量单位', '01', '01'],
      ['原产国(地区)', 'JP', 'JP'],
    ];
    const COLD = 2;
    for (let trial = 0; trial < 16; trial++) {
      for (const [label, typed, expected] of queries) {
        const cell = page
          .getByRole('row', { name: `第${23 + (trial % 8)}项`, exact: true })
          .getByLabel(label, { exact: true });
        await cell.focus();
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Escape');
        await page.evaluate((q) => ((window as unknown as { __pickQuery: string | null }).__pickQuery = q), expected);
        await page.keyboard.type(typed, { delay: 30 });
        await page
          .waitForFunction(
            () => (window as unknown as { __pickQuery: string | null }).__pickQuery === null,
            undefined,
            { timeout: 5000 },
          )
          .catch(() => undefined);
        await page.keyboard.press('Escape');
      }
    }
    const allPicks = await page.evaluate(() => (window as unknown as { __pick: number[] }).__pick);
    const coldPicks = allPicks.slice(0, COLD);
    const picks = allPicks.slice(COLD);

    // The floor: the same probe and typing on a bare <input> in the same browser. Frames come
    // every 16.7 ms, so the wait for the next one alone spreads keystroke-to-paint up to 16.7 ms.
    await page.setContent('<input id="bare" style="width:300px">');
    await page.focus('#bare');
    await installProbe(page);
    await page.keyboard.type(text.repeat(6), { delay: 40 });
    await page.waitForTimeout(300);
    const floor = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
    const floorWork = await page.evaluate(() => (window as unknown as { __work: number[] }).__work);

    const p95 = percentile(latencies, 95);
    return [
      {
        name: 'keystroke to paint, 50-line declaration, Chromium',
        figures: {
          keystrokes: latencies.length,
          p50Ms: round(percentile(latencies, 50), 1),
          p95Ms: round(p95, 1),
          p99Ms: round(percentile(latencies, 99), 1),
          maxMs: round(Math.max(...latencies), 1),
          floorBareInputP50Ms: round(percentile(floor, 50), 1),
          floorBareInputP95Ms: round(percentile(floor, 95), 1),
        },
        budget: `p95 ≤ ${BUDGET_MS} ms`,
        pass: p95 <= BUDGET_MS,
      },
      {
        name: 'keystroke work (keystroke to paint less the wait for the display tick), 50-line declaration',
        figures: {
          keystrokes: work.length,
          p50Ms: round(percentile(work, 50), 1),
          p95Ms: round(percentile(work, 95), 1),
          p99Ms: round(percentile(work, 99), 1),
          floorBareInputP50Ms: round(percentile(floorWork, 50), 1),
          floorBareInputP95Ms: round(percentile(floorWork, 95), 1),
        },
        budget: `p95 ≤ ${BUDGET_MS} ms (what a frame can hold)`,
        pass: percentile(work, 95) <= BUDGET_MS,
      },
      {
        name: 'keystroke processing (keydown to React committed), 50-line declaration',
        figures: {
          keystrokes: processing.length,
          p50Ms: round(percentile(processing, 50), 1),
          p95Ms: round(percentile(processing, 95), 1),
          maxMs: round(Math.max(...processing), 1),
        },
        budget: `p95 ≤ ${BUDGET_MS} ms (leaves the frame to the browser)`,
        pass: percentile(processing, 95) <= BUDGET_MS,
      },
      {
        name: 'code picker: last keystroke to matches on screen (browser host, HTTP)',
        figures: {
          queries: picks.length,
          p50Ms: round(percentile(picks, 50), 1),
          p95Ms: round(percentile(picks, 95), 1),
          maxMs: round(Math.max(...picks), 1),
          firstLookupPerTableMs: coldPicks.map((ms) => round(ms, 1)).join('/'),
        },
        budget: `p95 ≤ ${BUDGET_MS} ms (one frame)`,
        pass: percentile(picks, 95) <= BUDGET_MS,
      },
    ];
  } finally {
    await browser.close();
    await desk.stop();
  }
}
