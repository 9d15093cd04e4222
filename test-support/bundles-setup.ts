import type { TestProject } from 'vitest/node';
import { buildTestBundles } from '../scripts/test-bundles.mjs';

// The processes the tests start (hub, browser host, CLI, helper workers) run from bundles built once per run here,
// not from TypeScript compiled at every start (scripts/test-bundles.mjs).
export async function setup(project: TestProject): Promise<void> {
  await buildTestBundles();
  // In watch mode a rerun after an edit starts the code as it now is.
  project.onTestsRerun(async () => {
    await buildTestBundles();
  });
}
