import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Bundle sizes as a page would load them: minified ES modules, gzipped. The SDK is
 * measured with idb-keyval (it ships with it) and without zod (core's types only).
 */
const TARGETS = [{ name: '@rm-kit/sdk', entry: 'packages/sdk/src/index.ts', budgetKb: 8 }];

async function measure({ entry }) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
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
console.log('bundle                 min        min+gz    budget   with idb-keyval  with zod');
for (const target of TARGETS) {
  const size = await measure(target);
  const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`.padStart(9);
  const within = size.gzipped <= target.budgetKb * 1024;
  overBudget ||= !within;
  console.log(
    `${target.name.padEnd(20)} ${kb(size.minified)} ${kb(size.gzipped)}   ≤ ${target.budgetKb} kB ${within ? 'ok ' : 'OVER'}  ${String(size.includesIdbKeyval).padEnd(15)}  ${size.includesZod}`,
  );
}
if (overBudget) process.exitCode = 1;
