// `npm test`: everything CI runs, in two phases — typecheck, lint, format and the renderer's build side by
// side, then the unit and integration tests (vitest) beside the end-to-end tests (Playwright) — then one line
// `N passed, N failed` summing vitest and Playwright counts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { findChromium, INSTALL_CHROMIUM } from './chromium.mjs';
import { countResults, summaryLine } from './test-summary.mjs';

const results = 'test-results';
fs.mkdirSync(results, { recursive: true });
const bin = (name) => `node_modules/.bin/${name}`;

/**
 * Runs several steps at once, then reports each with its time and outcome, in the given order: the first one's output
 * live, the others' held back and printed whole after it. typecheck, lint and format are single-threaded, and
 * side by side they use the second core that each of them alone leaves idle; the unit and end-to-end tests each
 * spend much of their time waiting on processes, browsers and the network.
 */
async function together(steps) {
  const started = Date.now();
  console.log(`\n=== ${steps[0][0]}`);
  const runs = steps.map(
    ([label, command, args, env = {}], index) =>
      new Promise((resolve) => {
        const begun = Date.now();
        const chunks = [];
        const live = index === 0;
        const child = spawn(command, args, {
          stdio: ['ignore', live ? 'inherit' : 'pipe', live ? 'inherit' : 'pipe'],
          env: { ...process.env, ...env },
        });
        child.stdout?.on('data', (c) => chunks.push(c));
        child.stderr?.on('data', (c) => chunks.push(c));
        child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
        child.on('close', (code, signal) =>
          resolve({ label, code, signal, output: Buffer.concat(chunks), seconds: (Date.now() - begun) / 1000 }),
        );
      }),
  );
  let ok = true;
  for (const [index, { label, code, signal, output, seconds }] of (await Promise.all(runs)).entries()) {
    if (index > 0) console.log(`\n=== ${label}`);
    process.stdout.write(output);
    console.log(`=== ${label}: ${code === 0 ? 'ok' : `FAILED (exit ${code ?? signal})`} in ${seconds.toFixed(1)} s`);
    ok = code === 0 && ok;
  }
  if (steps.length > 1) {
    console.log(
      `=== ${steps.map(([label]) => label).join(', ')}: ${((Date.now() - started) / 1000).toFixed(1)} s together`,
    );
  }
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
const build = ['build renderer', bin('vite'), ['build', '--logLevel', 'warn']];
// The renderer's build (the end-to-end tests are served it) goes with the static steps: once typecheck, lint and
// format are done, one core sat idle while the last of them finished.
const first = [];
if (!only || only === 'static') {
  first.push(
    ['typecheck', process.execPath, ['scripts/typecheck.mjs']],
    ['lint', bin('eslint'), ['.', '--max-warnings', '0']],
    // One format (Prettier, .prettierrc.json): `npm run format` fixes what this reports.
    ['format', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  );
}
if (!only || only === 'e2e') first.push(build);
if (first.length > 0) ok = (await together(first)) && ok;
for (const f of ['vitest.json', 'playwright.json']) fs.rmSync(`${results}/${f}`, { force: true });
// The unit and integration tests run beside the end-to-end tests: one after the other, each left about half of the
// two cores idle, waiting on the processes, hubs, browsers and timers its tests start.
const tests = [];
if (!only || only === 'unit') {
  tests.push([
    'unit and integration tests',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/vitest.json`],
  ]);
}
if (!only || only === 'e2e') {
  tests.push([
    'end-to-end tests',
    bin('playwright'),
    ['test'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json`, CHROMIUM_PATH: browser.path },
  ]);
}
if (tests.length > 0) ok = (await together(tests)) && ok;

const counts = countResults(readJson(`${results}/vitest.json`), readJson(`${results}/playwright.json`));
console.log(`\n${summaryLine(counts, ok)}`);
process.exit(ok ? 0 : 1);
