import { defineConfig } from 'vitest/config';

// Node-side tests of every package. Browser tests (*.browser.test.ts, and everything in
// elements) run in real Chromium through web-test-runner instead.
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    globalSetup: ['./scripts/test-postgres.ts'],
    reporters: ['default', './scripts/test-summary/vitest-summary.ts'],
    include: [
      'packages/*/src/**/*.test.ts',
      'examples/**/*.test.ts',
      'scripts/packed/*.test.ts',
      'docs/test/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**', 'packages/elements/**', '**/*.browser.test.ts'],
  },
});
