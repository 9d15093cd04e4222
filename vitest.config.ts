import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'hub/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Property tests draw from a seed SWDESK_TEST_SEED replays.
          setupFiles: ['test-support/fast-check-seed.ts'],
          globalSetup: ['test-support/bundles-setup.ts'],
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['test-support/fast-check-seed.ts', 'test-support/renderer/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
