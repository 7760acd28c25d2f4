import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defineConfig } from 'vite';

// rm-kit.js: every element and everything they need in one ES module, for a single
// <script type="module"> on any page. npm users import the per-element modules that tsc
// writes to dist/ instead, and let their bundler share lit with the rest of their app.
export default defineConfig({
  // Lit's html`` and css`` are strings to a minifier: shrink their markup and styles too.
  plugins: [minifyTemplateLiterals()],
  resolve: { conditions: ['source'] },
  build: {
    outDir: 'dist/bundle',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    // Form validation (core's schemas, with zod) is a chunk of its own, loaded from beside
    // rm-kit.js the first time someone sends a form.
    lib: { entry: 'src/rm-kit.ts', formats: ['es'], fileName: () => 'rm-kit.js' },
    // Library mode keeps the whitespace of ES output, so a bundler that re-bundles it still
    // sees its /*#__PURE__*/ marks. rm-kit.js goes to pages, not bundlers: minify it fully.
    rolldownOptions: { output: { minify: true } },
  },
});
