import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Bundle sizes as a page would load them: minified ES modules, gzipped, each with
 * everything it needs (an element alone includes lit, the SDK and idb-keyval). The SDK
 * ships with idb-keyval and without zod (core's types only).
 */
const TARGETS = [
  { name: '@rm-kit/sdk', entry: 'packages/sdk/src/index.ts', budgetKb: 8 },
  { name: 'rm-kit.js (all)', entry: 'packages/elements/src/rm-kit.ts', budgetKb: 40 },
  ...['provider', 'pair-card', 'session-log', 'feedback-form'].map((element) => ({
    name: `<rm-${element}> alone`,
    entry: `packages/elements/src/${element}/${element}.ts`,
    budgetKb: 20,
  })),
];

async function measure({ entry }) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
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
  const code = result.outputFiles[0].contents;
  const inputs = Object.keys(result.metafile.inputs);
  return {
    minified: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
    includesZod: inputs.some((path) => path.includes('/zod/')),
    includesIdbKeyval: inputs.some((path) => path.includes('idb-keyval')),
  };
}

let overBudget = false;
console.log('bundle                      min        min+gz    budget   with idb-keyval  with zod');
for (const target of TARGETS) {
  const size = await measure(target);
  const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`.padStart(9);
  const within = size.gzipped <= target.budgetKb * 1024;
  overBudget ||= !within;
  console.log(
    `${target.name.padEnd(25)} ${kb(size.minified)} ${kb(size.gzipped)}   ≤ ${target.budgetKb} kB ${within ? 'ok ' : 'OVER'}  ${String(size.includesIdbKeyval).padEnd(15)}  ${size.includesZod}`,
  );
}
if (overBudget) process.exitCode = 1;
