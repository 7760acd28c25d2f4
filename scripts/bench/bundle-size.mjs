import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Bundle sizes as a page would load them: minified ES modules, gzipped, each with
 * everything it needs (an element alone includes lit, the SDK and idb-keyval). The SDK
 * ships with idb-keyval and without zod (core's types only).
 */
const TARGETS = [
  { name: '@rm-kit/sdk', entry: 'packages/sdk/src/index.ts', budgetKb: 8 },
  ...['provider', 'pair-card', 'session-log', 'feedback-form'].map((element) => ({
    name: `<rm-${element}> alone`,
    entry: `packages/elements/src/${element}/${element}.ts`,
    budgetKb: 20,
  })),
];

/**
 * The module a page loads first, and what it loads later on its own (the form validation
 * chunk with core's schemas and zod, fetched the first time a form is sent).
 */
async function measure({ entry }) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting: true,
    outdir: 'bench-out',
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    // Lit's decorators as the elements compile them (experimental, [[Set]] fields).
    tsconfig: 'packages/elements/tsconfig.json',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const [mainPath] = outputs.find(([, output]) => output.entryPoint) ?? [];
  const main = result.outputFiles.find((file) => file.path.endsWith(mainPath));
  const lazy = result.outputFiles.filter((file) => file !== main && file.path.endsWith('.js'));
  const gz = (file) => gzipSync(file.contents, { level: 9 }).length;
  const inputsOf = (path) => Object.keys(result.metafile.outputs[path]?.inputs ?? {});
  const mainInputs = inputsOf(mainPath);
  return {
    minified: main.contents.length,
    gzipped: gz(main),
    lazyGzipped: lazy.reduce((sum, file) => sum + gz(file), 0),
    includesZod: mainInputs.some((path) => path.includes('/zod/')),
    includesIdbKeyval: mainInputs.some((path) => path.includes('idb-keyval')),
  };
}

/** rm-kit.js as `pnpm build` ships it (vite, template literals minified), and its lazy chunks. */
function measureShipped() {
  const dir = 'packages/elements/dist/bundle';
  const files = readdirSync(dir).filter((file) => file.endsWith('.js'));
  const gz = (file) => gzipSync(readFileSync(`${dir}/${file}`), { level: 9 }).length;
  const main = readFileSync(`${dir}/rm-kit.js`);
  return {
    minified: main.length,
    gzipped: gz('rm-kit.js'),
    lazyGzipped: files.filter((file) => file !== 'rm-kit.js').reduce((sum, file) => sum + gz(file), 0),
    includesZod: main.includes('ZodError'),
    includesIdbKeyval: main.includes('keyval-store'),
  };
}

let overBudget = false;
console.log(
  'bundle                      min        min+gz    budget       later (gz)  with idb-keyval  zod up front',
);
for (const target of [{ name: 'rm-kit.js (all)', budgetKb: 40, shipped: true }, ...TARGETS]) {
  const size = target.shipped ? measureShipped() : await measure(target);
  const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`.padStart(9);
  const within = size.gzipped <= target.budgetKb * 1024;
  overBudget ||= !within;
  console.log(
    `${target.name.padEnd(25)} ${kb(size.minified)} ${kb(size.gzipped)}   ≤ ${String(target.budgetKb).padStart(2)} kB ${within ? 'ok  ' : 'OVER'} ${kb(size.lazyGzipped)}   ${String(size.includesIdbKeyval).padEnd(15)}  ${size.includesZod}`,
  );
}
if (overBudget) process.exitCode = 1;
