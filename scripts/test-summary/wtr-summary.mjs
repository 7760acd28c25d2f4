/** Ends the browser run with one plain `browser: N passed, N failed` line, like the Node run. */
export function summaryReporter() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const countSuite = (suite) => {
    for (const test of suite.tests ?? []) {
      if (test.skipped) counts.skipped++;
      else if (test.passed) counts.passed++;
      else counts.failed++;
    }
    for (const child of suite.suites ?? []) countSuite(child);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        if (session.testResults) countSuite(session.testResults);
        // A file that failed to load has no results but must still count as a failure.
        else if (!session.passed) counts.failed++;
      }
    },
    stop() {
      console.log(`\nbrowser: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    },
  };
}
