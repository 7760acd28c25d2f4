/**
 * A Web Test Runner plugin that makes every test file load `wtr-readable-failures.browser.js`,
 * so that an assertion failing on a DOM element fails its test instead of hanging the file.
 *
 * The runner sends each failure's `actual` and `expected` from the page through
 * `structuredClone`, which throws on an element (modernweb-dev/web#2967, open-wc/open-wc#2880):
 * the file's results never arrive, and the run waits for `testsFinishTimeout` (ten minutes
 * here) and then reports only that the browser went away.
 *
 * The import goes at the end of the file: imports run before the file's own code wherever they
 * stand, and the file's lines keep their numbers in the stack traces of its failures.
 */
export function readableFailuresPlugin() {
  return {
    name: 'readable-failures',
    transform(context) {
      if (!context.path.endsWith('.test.ts')) return undefined;
      return { body: `${context.body}\nimport '/scripts/wtr-readable-failures.browser.js';\n` };
    },
  };
}
