import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { markdownTable, writeSection } from './section.mjs';

/**
 * Bundle sizes as a page would load them: minified ES modules, gzipped and in brotli, each with
 * everything it needs (an element alone includes lit, the SDK and idb-keyval). The SDK
 * ships with idb-keyval and without zod (core's types only).
 */
const TARGETS = [
  { name: '@rm-kit/sdk', entry: 'packages/sdk/src/index.ts', budgetKb: 8.5 },
  ...[
    'provider',
    'pair-card',
    'session-log',
    'enrollment-form',
    'match-board',
    'goal-list',
    'person-data',
    'program-dashboard',
    'webhook-settings',
    'stories',
  ].map((element) => ({
    name: `<rm-${element}> alone`,
    entry: `packages/elements/src/${element}/${element}.ts`,
    budgetKb: 20,
  })),
  {
    name: '<rm-feedback-form> alone',
    entry: 'packages/elements/src/feedback-form/feedback-form.ts',
    budgetKb: 20,
  },
];

/**
 * The modules a page loads first, and what it loads later on its own (the form validation
 * chunk with core's schemas and zod, fetched the first time a form is sent).
 *
 * "First" is the entry chunk and every chunk it imports statically, transitively: with
 * code splitting, a bundler moves code that the entry shares with a lazy chunk (lit, the
 * vocabulary) into a chunk of its own, which the entry imports before it runs. Only what
 * is reached through `import()` alone is "later".
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
  const outputs = result.metafile.outputs;
  // Every `import()` chunk has an entryPoint too with splitting: take the one built from `entry`.
  const [mainPath] = Object.entries(outputs).find(([, output]) => output.entryPoint === entry) ?? [];
  const staticImports = (path) =>
    (outputs[path]?.imports ?? []).filter((i) => i.kind === 'import-statement').map((i) => i.path);
  const upFront = closure(mainPath, staticImports);
  const isUpFront = (file) => [...upFront].some((path) => file.path.endsWith(path));
  const js = result.outputFiles.filter((file) => file.path.endsWith('.js'));
  const first = js.filter(isUpFront);
  const upFrontInputs = [...upFront].flatMap((path) => Object.keys(outputs[path]?.inputs ?? {}));
  const later = js.filter((file) => !isUpFront(file));
  const sum = (files, size) => files.reduce((total, file) => total + size(file.contents), 0);
  return {
    minified: sum(first, (contents) => contents.length),
    gzipped: sum(first, gz),
    brotli: sum(first, br),
    lazyGzipped: sum(later, gz),
    lazyBrotli: sum(later, br),
    includesZod: upFrontInputs.some((path) => path.includes('/zod/')),
    includesIdbKeyval: upFrontInputs.some((path) => path.includes('idb-keyval')),
  };
}

/** rm-kit.js as `pnpm build` ships it (vite, template literals minified), and its lazy chunks. */
function measureShipped() {
  const dir = 'packages/elements/dist/bundle';
  const files = readdirSync(dir).filter((file) => file.endsWith('.js'));
  const read = (file) => readFileSync(`${dir}/${file}`);
  // The chunks rm-kit.js imports before it runs (`import … from "./x.js"`, `import "./x.js"`).
  const staticImports = (file) =>
    [
      ...read(file)
        .toString()
        .matchAll(/\bimport\s*(?:[\w$*{},\s]+?\s*from\s*)?["']\.\/([^"']+\.js)["']/g),
    ].map((match) => match[1]);
  const upFront = closure('rm-kit.js', staticImports);
  const first = files.filter((file) => upFront.has(file));
  const later = files.filter((file) => !upFront.has(file));
  const firstText = first.map((file) => read(file).toString()).join('\n');
  const sum = (some, size = gz) => some.reduce((total, file) => total + size(read(file)), 0);
  const english = later.filter((file) => !ITALIAN.test(file));
  return {
    minified: first.reduce((sum, file) => sum + read(file).length, 0),
    gzipped: sum(first),
    brotli: sum(first, br),
    lazyGzipped: sum(later),
    lazyBrotli: sum(later, br),
    // An English page never fetches the Italian words (`*.strings.it-*.js`); an Italian page
    // fetches them, and the English ones too (they are part of each element's code).
    laterEnglish: sum(english),
    laterEnglishBrotli: sum(english, br),
    // Core's schemas with zod, fetched the first time a form checks what it sends.
    zodGzipped: sum(later.filter((file) => read(file).toString().includes('ZodError'))),
    includesZod: firstText.includes('ZodError'),
    includesIdbKeyval: firstText.includes('keyval-store'),
  };
}

const ITALIAN = /\.it-[\w-]+\.js$/;

/** Gzipped size of one file, as a server would send it. */
function gz(contents) {
  return gzipSync(contents, { level: 9 }).length;
}

/** Brotli size of one file (quality 11, as a server compresses static files ahead of time). */
function br(contents) {
  return brotliCompressSync(contents, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: contents.length },
  }).length;
}

/** `start` and everything reachable from it through `next`. */
function closure(start, next) {
  const seen = new Set([start]);
  for (const path of seen) for (const each of next(path)) seen.add(each);
  return seen;
}

let overBudget = false;
const tableRows = [];
let everything = '';
console.log(
  'bundle                                min        min+gz    budget       min+br  later (gz)  later (br)  with idb-keyval  zod up front',
);
// The all-in-one bundle up front, issue 13's goal: the provider, the pair card and the session
// log. Every other element is in "later": rm-kit.js fetches each once a page uses it
// (defineWhenUsed).
for (const target of [{ name: 'rm-kit.js (all)', budgetKb: 40, shipped: true }, ...TARGETS]) {
  const size = target.shipped ? measureShipped() : await measure(target);
  const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`.padStart(9);
  const within = size.gzipped <= target.budgetKb * 1024;
  overBudget ||= !within;
  console.log(
    `${target.name.padEnd(35)} ${kb(size.minified)} ${kb(size.gzipped)}   ≤ ${String(target.budgetKb).padStart(2)} kB ${within ? 'ok  ' : 'OVER'} ${kb(size.brotli)} ${kb(size.lazyGzipped)} ${kb(size.lazyBrotli)}   ${String(size.includesIdbKeyval).padEnd(15)}  ${size.includesZod}`,
  );
  tableRows.push([
    target.name.replaceAll('<', '`<').replaceAll('>', '>`'),
    kb(size.minified).trim(),
    kb(size.gzipped).trim(),
    `≤ ${target.budgetKb} kB ${within ? 'ok' : '**over**'}`,
    kb(size.brotli).trim(),
    kb(size.lazyGzipped).trim(),
    kb(size.lazyBrotli).trim(),
  ]);
  if (target.shipped) {
    // Issue 13's goal for all of it (at most 60 kB, stretch 45): a figure to meet, not a
    // budget this script fails on yet.
    const page = (later) => kb(size.gzipped + later).trim();
    const pageBr = (later) => kb(size.brotli + later).trim();
    everything = `Everything a page may download from rm-kit.js, up front and later: ${page(size.laterEnglish)} on
an English page, ${page(size.lazyGzipped)} on an Italian one (which also fetches the Italian words); the larger
is the figure for issue 13's goal of at most 60 kB (stretch 45). Of it, core's schemas with zod: ${kb(size.zodGzipped).trim()}.
In brotli, as the rm-kit server sends them to a browser that takes it (see RMKIT_STATIC_DIRS): ${pageBr(size.laterEnglishBrotli)} and ${pageBr(size.lazyBrotli)}.`;
    console.log(everything.replaceAll('\n', ' '));
  }
}
writeSection(
  `## Size

What a page downloads, minified and gzipped (level 9), and in brotli (quality 11). "Later" is what the bundle may fetch
afterwards: elements defined once a page uses one, parts an element loads when first needed,
and the Italian words (on an Italian page only). An element alone is bundled by esbuild from
its own module, as an npm user's bundler would.

${markdownTable(['bundle', 'min', 'min+gz', 'budget', 'min+br', 'later (gz)', 'later (br)'], tableRows)}

${everything}`,
);
if (overBudget) process.exitCode = 1;
