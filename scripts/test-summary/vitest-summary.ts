import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the Node run with one plain `node: N passed, N failed` line that CI logs can be read by
 * (`hardening: …` for `pnpm test:hardening`, the script pnpm names in npm_lifecycle_event).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    const suite = process.env.npm_lifecycle_event === 'test:hardening' ? 'hardening' : 'node';
    console.log(`\n${suite}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
