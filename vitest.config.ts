import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two test files at a time. Vitest's default on two cores is one (cores − 1): the files that start hubs and
    // desks leave a core to their child processes, but the pure unit files left one core idle for the whole run.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['main/**/*.test.ts', 'hub/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Property tests draw from a seed SWDESK_TEST_SEED replays.
          setupFiles: ['test-support/fast-check-seed.ts'],
          globalSetup: ['test-support/bundles-setup.ts'],
        },
      },
      {
        test: {
          // shared/ is platform-free code and its tests start no process: its files run one after another in a
          // worker process, each importing the repository's modules afresh (fresh-modules.ts). Its 25 files took
          // 28.6 s of CPU (user+sys) and 197 s a process apiece, 10.6 s and 36 s this way (load 24–26).
          name: 'shared',
          environment: 'node',
          isolate: false,
          include: ['shared/**/*.test.ts'],
          testTimeout: 30_000,
          setupFiles: ['test-support/fast-check-seed.ts', 'test-support/fresh-modules.ts'],
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'happy-dom',
          // The renderer's files run one after another in each worker process instead of a process apiece: a
          // process, happy-dom and React loaded for every one of 54 files cost some 140 s of CPU of the run (30 s
          // this way, both measured at load ≈ 20). Each file still imports the app's own modules afresh
          // (test-support/renderer/setup.ts resets them), so no store's state carries into the next file.
          isolate: false,
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['test-support/fast-check-seed.ts', 'test-support/renderer/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
