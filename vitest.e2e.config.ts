import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension in real Chromium and Firefox ESR against the local API server. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
  },
});
