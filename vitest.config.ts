import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  // Unit tests run as the test build does: the local API server answers on http loopback
  // (see utils/settings/build-flags.ts).
  define: { __DEVIN_LOOPBACK__: 'true' },
  test: {
    include: ['{utils,components,mock-api,tests}/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
  },
});
