import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/test-summary/wtr-summary.mjs';
import { offlinePlugin } from './scripts/wtr-offline.mjs';
import { readableFailuresPlugin } from './scripts/wtr-readable-failures.mjs';
import { rmServerPlugin } from './scripts/wtr-rm-server.mjs';

export default {
  files: [
    'packages/core/src/**/*.browser.test.ts',
    'packages/sdk/src/**/*.browser.test.ts',
    'packages/elements/src/**/*.test.ts',
    // The hostile-text suite runs in `pnpm test:hardening`.
    '!packages/elements/src/hardening/**',
  ],
  // One file at a time: files share one reference server, which some tests stop and restart,
  // and focus and keyboard tests need the page to themselves.
  concurrency: 1,
  // A file's tests together: the hostile-text suite renders every element on every payload.
  testsFinishTimeout: 600_000,
  nodeResolve: { exportConditions: ['source', 'browser'] },
  plugins: [
    rmServerPlugin(),
    offlinePlugin(),
    readableFailuresPlugin(),
    // The elements' settings (Lit's decorators) suit every package's browser tests.
    esbuildPlugin({
      ts: true,
      tsconfig: fileURLToPath(new URL('./packages/elements/tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        // Debian's Chromium, never a downloaded one: CI machines reach only package registries.
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
  // Tests drive the real server and lazy modules; a 2-core CI machine needs headroom.
  testFramework: { config: { timeout: 20000 } },
};
