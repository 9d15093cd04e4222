// `npm test`: everything CI runs, in order — typecheck, lint, build the
// renderer, unit and integration tests (vitest), end-to-end (Playwright) —
// then one line `N passed, N failed` summing vitest and Playwright counts.
import { spawn, spawnSync } from 'node:child_process';
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

/**
 * Runs several steps at once, each with its output held back, then prints each one whole in the given
 * order as `step` would: typecheck, lint and format are single-threaded, and side by side they use the
 * second core that each of them alone leaves idle.
 */
async function together(steps) {
  const started = Date.now();
  const runs = steps.map(
    ([label, command, args]) =>
      new Promise((resolve) => {
        const begun = Date.now();
        const chunks = [];
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.on('data', (c) => chunks.push(c));
        child.stderr.on('data', (c) => chunks.push(c));
        child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
        child.on('close', (code, signal) =>
          resolve({ label, code, signal, output: Buffer.concat(chunks), seconds: (Date.now() - begun) / 1000 }),
        );
      }),
  );
  let ok = true;
  for (const { label, code, signal, output, seconds } of await Promise.all(runs)) {
    console.log(`\n=== ${label}`);
    process.stdout.write(output);
    console.log(`=== ${label}: ${code === 0 ? 'ok' : `FAILED (exit ${code ?? signal})`} in ${seconds.toFixed(1)} s`);
    ok = code === 0 && ok;
  }
  console.log(
    `=== ${steps.map(([label]) => label).join(', ')}: ${((Date.now() - started) / 1000).toFixed(1)} s together`,
  );
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const only = process.argv[2]; // `node scripts/test.mjs static`, `unit` or `e2e` runs one part
// Without a browser every spec would time out after the whole run: say the one thing to do, at once.
const browser = only === 'unit' || only === 'static' ? { path: '' } : findChromium();
if (!browser) {
  console.log(
    `No Chromium for the end-to-end tests (CHROMIUM_PATH unset or missing, no system chromium, no Playwright browser). Run: ${INSTALL_CHROMIUM}`,
  );
  process.exit(1);
}
let ok = true;
if (!only || only === 'static') {
  ok =
    (await together([
      ['typecheck', process.execPath, ['scripts/typecheck.mjs']],
      ['lint', bin('eslint'), ['.', '--max-warnings', '0']],
      // One format (Prettier, .prettierrc.json): `npm run format` fixes what this reports.
      ['format', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
    ])) && ok;
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
