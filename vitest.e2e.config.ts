import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension in real Chromium and Firefox ESR against the local API server. */
export default defineConfig({
  resolve: {
    // Tests import helpers from utils/, some of which reach the UI text module; its typed
    // messages come from the module WXT generates (the unit tests get it from WxtVitest).
    alias: { '#i18n': fileURLToPath(new URL('.wxt/i18n/index.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
  },
});
