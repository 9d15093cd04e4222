import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countResults, summaryLine } from './test-summary.mjs';

// The closing line `npm test` prints, read from the reports of real vitest and Playwright runs over
// a folder of small test files: some pass, one fails, one throws while loading, one fails in
// beforeAll, one spec does not load (beside one that passes). The folder sits under test-results/
// (inside the checkout, so that the files resolve vitest and Playwright from node_modules; ignored
// by git).

const dir = path.resolve('test-results', `summary-${process.pid}`);
const bin = (name: string) => path.resolve('node_modules', '.bin', name);

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

function report(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
}

describe('the closing line of npm test', { timeout: 120_000 }, () => {
  beforeAll(() => {
    write('vitest.config.mjs', "export default { test: { include: ['unit/*.test.mjs'] } };\n");
    write('unit/pass.test.mjs', "import { it } from 'vitest';\nit('a', () => {});\nit('b', () => {});\n");
    write(
      'unit/fail.test.mjs',
      "import { expect, it } from 'vitest';\nit('c', () => {});\nit('d', () => expect(1).toBe(2));\n",
    );
    write(
      'unit/broken.test.mjs',
      "import { it } from 'vitest';\nthrow new Error('broken at load');\nit('e', () => {});\n",
    );
    write(
      'unit/hook.test.mjs',
      "import { beforeAll, it } from 'vitest';\nbeforeAll(() => { throw new Error('no database'); });\n" +
        "it('f', () => {});\nit('g', () => {});\nit('h', () => {});\n",
    );
    // An outputDir of its own: Playwright empties its output folder first (by default ./test-results).
    write('playwright.config.mjs', "export default { testDir: 'e2e', outputDir: 'out', reporter: [['json']] };\n");
    write('e2e/ok.spec.mjs', "import { test } from '@playwright/test';\ntest('i', () => {});\n");
    write('e2e/broken.spec.mjs', "import { test } from '@playwright/test';\nthrow new Error('spec broken at load');\n");
    spawnSync(bin('vitest'), ['run', '--root', dir, '--reporter=json', `--outputFile.json=${dir}/vitest.json`], {
      encoding: 'utf8',
      env: { ...process.env, CI: '1' },
    });
    spawnSync(bin('playwright'), ['test', '--config', path.join(dir, 'playwright.config.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(dir, 'playwright.json') },
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts a file that failed to load or in beforeAll as a failure of its own', () => {
    const counts = countResults(report('vitest.json'), null);
    // The report's own counts: the two files that never ran add no failed test.
    expect(report('vitest.json')).toMatchObject({ numPassedTests: 3, numFailedTests: 1 });
    expect(counts).toEqual({ passed: 3, failed: 3, unloaded: 2 });
    expect(summaryLine(counts, false)).toBe('3 passed, 3 failed (2 files did not run)');
  });

  it('counts a Playwright spec that does not load', () => {
    const counts = countResults(null, report('playwright.json'));
    // Playwright runs nothing when a spec does not load: the passing one is not counted either.
    expect(counts).toEqual({ passed: 0, failed: 1, unloaded: 1 });
    expect(summaryLine(counts, false)).toBe('0 passed, 1 failed (1 file did not run)');
  });

  it('sums both runs, and says 1 failed when a step failed with no test failing', () => {
    const counts = countResults(report('vitest.json'), report('playwright.json'));
    expect(summaryLine(counts, false)).toBe('3 passed, 4 failed (3 files did not run)');
    expect(summaryLine({ passed: 12, failed: 0, unloaded: 0 }, true)).toBe('12 passed, 0 failed');
    expect(summaryLine({ passed: 12, failed: 0, unloaded: 0 }, false)).toBe('12 passed, 1 failed');
  });
});
