import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './doc-pages.js';

/**
 * Type-checks each block as a module of its own (`<name>.mts` in `work`), with the settings
 * a page's reader would have and `options` on top; returns what tsc printed, empty when clean.
 */
export function typeCheckBlocks(
  work: string,
  blocks: { name: string; code: string }[],
  options: Record<string, unknown>,
): string {
  const files = blocks.map(({ name, code }) => {
    const file = join(work, `${name}.mts`);
    writeFileSync(file, `${code}\nexport {};\n`);
    return file;
  });
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    typeRoots: [join(root, 'node_modules/@types')],
    ...options,
  };
  writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
  const tsc = spawnSync('pnpm', ['exec', 'tsc', '-p', join(work, 'tsconfig.json')], {
    cwd: root,
    encoding: 'utf8',
  });
  return tsc.status === 0 ? '' : tsc.stdout || tsc.stderr || `tsc exited with ${tsc.status}`;
}
