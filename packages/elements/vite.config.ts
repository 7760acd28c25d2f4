import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defineConfig, type Plugin } from 'vite';

const SHARED = [
  /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/](reactive-element|context|task))[\\/]/,
  /[\\/]elements[\\/]src[\\/]base[\\/](?!.*\.it\.ts$)/,
  /[\\/]sdk[\\/]src[\\/]/,
  /[\\/]core[\\/]src[\\/]((vocabulary|availability|errors)\.ts|rules[\\/])/,
  /pair-card[\\/]pair-card\.strings\.ts$|session-log[\\/]provisional-session\.ts$/,
];

const sha = (algorithm: 'sha256' | 'sha384', data: string | Buffer) =>
  `${algorithm}-${createHash(algorithm).update(data).digest('base64')}`;

/**
 * Subresource Integrity for each build: integrity.json (every file's sha384, as written) and
 * script-tag.html, the lines a page pastes: an import map whose `integrity` covers the chunks
 * rm-kit.js imports (a script tag's own `integrity` covers its file alone), and the script
 * tag. Their URLs start with RMKIT_BUNDLE_URL, where the page loads the bundle from (default
 * `/`, the page's own server). The sha256 of the import map is what a page's CSP must allow.
 * A plugin of our own: the SRI plugins for Vite add `integrity` to an app's index.html, and a
 * library build has none.
 */
function integrity(base = process.env.RMKIT_BUNDLE_URL ?? '/'): Plugin {
  const at = base.endsWith('/') ? base : `${base}/`;
  return {
    name: 'rm-kit-integrity',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist/bundle';
      const hashes: Record<string, string> = {};
      for (const file of Object.keys(bundle).sort())
        hashes[file] = sha('sha384', readFileSync(join(dir, file)));
      writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);
      const chunks = Object.entries(hashes).filter(([file]) => file !== 'rm-kit.js' && file.endsWith('.js'));
      const map = JSON.stringify({ integrity: Object.fromEntries(chunks.map(([f, h]) => [at + f, h])) });
      writeFileSync(
        join(dir, 'script-tag.html'),
        [
          `<!-- rm-kit's bundle with Subresource Integrity. A Content-Security-Policy allows the import map with script-src '${sha('sha256', map)}' -->`,
          `<script type="importmap">${map}</script>`,
          `<script type="module" src="${at}rm-kit.js" integrity="${hashes['rm-kit.js']}" crossorigin="anonymous"></script>`,
          '',
        ].join('\n'),
      );
    },
  };
}

// rm-kit.js: every element and everything they need in one ES module, for a single
// <script type="module"> on any page. npm users import the per-element modules that tsc
// writes to dist/ instead, and let their bundler share lit with the rest of their app.
export default defineConfig({
  // Lit's html`` and css`` are strings to a minifier: shrink their markup and styles too.
  plugins: [minifyTemplateLiterals(), integrity()],
  resolve: { conditions: ['source'] },
  build: {
    outDir: 'dist/bundle',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    // The forms' checks (core's, without zod) are a chunk of their own, loaded from beside
    // rm-kit.js when a form is shown and the browser is idle.
    lib: { entry: 'src/rm-kit.ts', formats: ['es'], fileName: () => 'rm-kit.js' },
    // Library mode keeps the whitespace of ES output, so a bundler that re-bundles it still
    // sees its /*#__PURE__*/ marks. rm-kit.js goes to pages, not bundlers: minify it fully.
    rolldownOptions: {
      output: {
        minify: true,
        // Left alone, rolldown splits the code into many small chunks, each gzipped on its
        // own (so compressed without the others' words). Grouped here: what the elements
        // share (nearly all of it runs at start; core's schemas stay out, or zod would come up
        // front with them); the forms' checks; and the parts of an element that it always
        // fetches together: the log's list with its virtualizer, the log's actions (fetched
        // together once the browser is idle; the feedback form they open stays its own chunk),
        // the feedback form's writer and answered view, the match board's Italian words.
        codeSplitting: {
          groups: [
            { name: 'rm-kit-base', test: (id) => SHARED.some((part) => part.test(id)) },
            { name: 'form-checks', test: /[\\/]core[\\/]src[\\/]checks[\\/]/ },
            {
              name: 'feedback-form',
              test: /feedback-form[\\/](?!feedback-writer|feedback-summary)[\w-]+(?<!\.it)\.ts$/,
            },
            {
              name: 'session-log-list',
              test: /session-log[\\/](session-log-list|session-log-item|queued-sessions)|virtualizer[\\/]/,
            },
            {
              name: 'session-log-later',
              test: /session-log[\\/](session-log-form|session-draft|session-write|datetime-local|session-log-note|visibility-icons|reveal-in-list|action-item-writes|session-log-actions|session-log-manage)/,
            },
            { name: 'feedback-form-later', test: /feedback-form[\\/](feedback-writer|feedback-summary)/ },
            // Before the next group, which would otherwise take it along as a dependency.
            { name: 'base.strings.it', test: /base[\\/]base\.strings\.it\.ts$/ },
            {
              name: 'match-board.strings.it',
              test: /match-board[\\/]match-(board|rounds)\.strings\.it\.ts$/,
            },
          ],
        },
      },
    },
  },
});
