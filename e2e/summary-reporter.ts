import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Ends the end-to-end run with one plain `e2e: N passed, N failed` line, like the other runs. */
export default class SummaryReporter implements Reporter {
  private readonly counts = { passed: 0, failed: 0, skipped: 0 };

  onTestEnd(test: TestCase, result: TestResult): void {
    // A test's last attempt decides it.
    if (result.retry < test.retries && result.status !== 'passed') return;
    if (result.status === 'skipped') this.counts.skipped++;
    else if (result.status === 'passed') this.counts.passed++;
    else this.counts.failed++;
  }

  onEnd(result: FullResult): void {
    // A run that broke before its tests (a server that would not start) is a failure too.
    const failed = this.counts.failed + (result.status !== 'passed' && this.counts.failed === 0 ? 1 : 0);
    console.log(`\ne2e: ${this.counts.passed} passed, ${failed} failed, ${this.counts.skipped} skipped`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
