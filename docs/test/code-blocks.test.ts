import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docPages, root } from './doc-pages.js';
import { type FencedBlock, fencedBlocks } from './fenced-blocks.js';

// The examples' READMEs say how their blocks were run in their own tests (a block may be an excerpt of the app).
const files = docPages().filter((file) => !file.startsWith('examples/'));
const blocks = files.flatMap((file) =>
  fencedBlocks(join(root, file)).map((block) => ({ ...block, file: relative(root, block.file) })),
);

/** The tests that run marked blocks: they name the guide, and each name they take. */
const testSources = [
  ...['packages/server/src', 'packages/sdk/src', 'packages/elements/src', 'examples', 'docs/test'].flatMap(
    function testsUnder(dir: string): string[] {
      return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? entry.name === 'node_modules'
            ? []
            : testsUnder(join(dir, entry.name))
          : entry.name.endsWith('.test.ts')
            ? [readFileSync(join(root, dir, entry.name), 'utf8')]
            : [],
      );
    },
  ),
];

/**
 * `tested: <name>`: a test names this file and takes the block by that name. `run by hand:
 * <what, when>`: someone ran it, and says what and when. `not run: <why>`: output, a tree, a
 * configuration to adapt, or a command only a real tenant or machine can run.
 */
const MARKS = /^(tested: .+|run by hand: .+|not run: .+)$/;

/** A block by its file and first line, which edits elsewhere in the file do not move. */
const where = (block: FencedBlock) => `${block.file}: ${block.code.split('\n')[0]}`;

describe('every code block in the docs', () => {
  it('finds the blocks of the docs and the package READMEs', () => {
    expect(files).toContain('docs/getting-started.md');
    expect(blocks.length).toBeGreaterThan(60);
  });

  it('is run by a test, was run by hand and says so, or says why it is not run', () => {
    const unmarked = blocks.filter((block) => !MARKS.test(block.marker ?? ''));
    expect(unmarked.map(where)).toEqual([]);
  });

  it('names, for each block marked tested, a test that takes it from that file', () => {
    const orphans = blocks
      .filter((block) => block.marker?.startsWith('tested: '))
      .filter((block) => {
        const name = (block.marker ?? '').slice('tested: '.length);
        const file = block.file.split('/').pop() ?? '';
        return !testSources.some(
          (source) =>
            source.includes(file) && (source.includes(`'${name}'`) || source.includes(`'tested: ${name}'`)),
        );
      });
    expect(orphans.map(where)).toEqual([]);
  });
});
