// The closing line of `npm test`, read by CI and by people: tests passed and failed, where a test
// file that never ran (it failed to load: a syntax error, a throwing import, a failing beforeAll
// with no test of its own failing) counts as a failure of its own, however many tests it held.

/**
 * Counts from vitest's JSON report and Playwright's. Each may be null (its step did not run or
 * wrote nothing). A vitest file counts as unloaded when it failed with no failed test in it; a
 * Playwright error outside any test (a spec that does not load) counts likewise.
 * @param {any} vitest
 * @param {any} playwright
 * @returns {{ passed: number, failed: number, unloaded: number }}
 */
export function countResults(vitest, playwright) {
  let passed = 0;
  let failed = 0;
  let unloaded = 0;
  if (vitest) {
    passed += vitest.numPassedTests ?? 0;
    failed += vitest.numFailedTests ?? 0;
    for (const file of vitest.testResults ?? []) {
      const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
      if (file.status === 'failed' && failedTests === 0) unloaded += 1;
    }
  }
  if (playwright?.stats) {
    passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
    failed += playwright.stats.unexpected ?? 0;
    unloaded += (playwright.errors ?? []).length;
  }
  return { passed, failed: failed + unloaded, unloaded };
}

/**
 * The line itself. `stepsOk` false with nothing counted as failed (a typecheck, lint or build
 * failure, or a runner that crashed before writing its report) still says 1 failed.
 * @param {{ passed: number, failed: number, unloaded: number }} counts
 * @param {boolean} stepsOk
 */
export function summaryLine({ passed, failed, unloaded }, stepsOk) {
  const shown = !stepsOk && failed === 0 ? 1 : failed;
  const files = unloaded ? ` (${unloaded} ${unloaded === 1 ? 'file' : 'files'} did not run)` : '';
  return `${passed} passed, ${shown} failed${files}`;
}
