import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Node-side tests of every package. Browser tests (*.browser.test.ts, and everything in
// elements) run in real Chromium through web-test-runner instead.
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    globalSetup: ['./scripts/test-postgres.ts'],
    // Two files at a time at least: Vitest's default (a core less than the machine has) runs
    // them one by one on a 2-core CI machine, though files spend much of their time waiting on
    // the servers, databases and browsers they start (the suite took 524 s one by one, 330-370 s
    // two by two).
    maxWorkers: Math.max(2, availableParallelism() - 1),
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
