// Writes packages/core/src/checks/shapes.ts: the shapes of the core schemas that the browser
// checks forms with, described from the zod schemas themselves (run `pnpm exec tsc -b`
// first: it reads core's dist). A core test fails while the file differs from the schemas.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describedShapes } from '../packages/core/dist/checks/described.js';

const target = fileURLToPath(new URL('../packages/core/src/checks/shapes.ts', import.meta.url));
const shapes = Object.entries(describedShapes()).map(
  ([name, shape]) => `export const ${name}: Shape = ${JSON.stringify(shape)};`,
);
writeFileSync(
  target,
  [
    "// Written by scripts/core-checks.mjs from core's zod schemas; do not edit by hand.",
    "import type { Shape } from './check.js';",
    '',
    ...shapes,
    '',
  ].join('\n'),
);
execFileSync('pnpm', ['exec', 'biome', 'format', '--write', target], { stdio: 'inherit' });
