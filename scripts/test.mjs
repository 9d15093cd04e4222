// `npm test`: everything CI runs, in order — typecheck, lint, build the
// renderer, unit and integration tests (vitest), end-to-end (Playwright) —
// then one line `N passed, N failed` summing vitest and Playwright counts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { findChromium, INSTALL_CHROMIUM } from './chromium.mjs';
import { countResults, summaryLine } from './test-summary.mjs';

const results = 'test-results';
fs.mkdirSync(results, { recursive: true });
const bin = (name) => `node_modules/.bin/${name}`;

function step(label, command, args, env = {}) {
  console.log(`\n=== ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${label}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const only = process.argv[2]; // `node scripts/test.mjs unit` or `e2e` runs one part
// Without a browser every spec would time out after the whole run: say the one thing to do, at once.
const browser = only === 'unit' ? { path: '' } : findChromium();
if (!browser) {
  console.log(
    `No Chromium for the end-to-end tests (CHROMIUM_PATH unset or missing, no system chromium, no Playwright browser). Run: ${INSTALL_CHROMIUM}`,
  );
  process.exit(1);
}
let ok = true;
if (!only) {
  ok = step('typecheck', process.execPath, ['scripts/typecheck.mjs']) && ok;
  ok = step('lint', bin('eslint'), ['.', '--max-warnings', '0']) && ok;
  // One format (Prettier, .prettierrc.json): `npm run format` fixes what this reports.
  ok = step('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']) && ok;
}
if (!only || only === 'e2e') ok = step('build renderer', bin('vite'), ['build', '--logLevel', 'warn']) && ok;
for (const f of ['vitest.json', 'playwright.json']) fs.rmSync(`${results}/${f}`, { force: true });
if (!only || only === 'unit') {
  ok =
    step('unit and integration tests', bin('vitest'), [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}/vitest.json`,
    ]) && ok;
}
if (!only || only === 'e2e') {
  ok =
    step('end-to-end tests', bin('playwright'), ['test'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json`,
      CHROMIUM_PATH: browser.path,
    }) && ok;
}

const counts = countResults(readJson(`${results}/vitest.json`), readJson(`${results}/playwright.json`));
console.log(`\n${summaryLine(counts, ok)}`);
process.exit(ok ? 0 : 1);
