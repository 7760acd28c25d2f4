import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type FencedBlock, fencedBlocks } from './fenced-blocks.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const markdownUnder = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? markdownUnder(join(dir, entry.name))
      : entry.name.endsWith('.md')
        ? [join(dir, entry.name)]
        : [],
  );
const packageReadmes = readdirSync(join(root, 'packages')).map((name) => join('packages', name, 'README.md'));
const files = ['README.md', ...markdownUnder('docs'), ...packageReadmes];
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

/**
 * Guides whose own tests (examples/another-origin, server/src/webhooks/docs-relays) take
 * `run by hand` alone, and refuse it with a detail: their authors' marks stand as they are.
 */
const BARE_RUN_BY_HAND = ['docs/embedding.md', 'docs/webhooks.md'];

/**
 * Blocks of the package READMEs not marked yet: those READMEs are edited by the packages'
 * own work. The list may only shrink: a new unmarked block fails, and so does a marked
 * one still listed.
 */
const NOT_MARKED_YET = [
  'packages/cli/README.md: alias rm-kit="node $PWD/packages/cli/dist/main.js"   # or: the package\'s bin, rm-kit',
  'packages/cli/README.md: curl -s -X POST https://mentoring.contoso.com/v1/service-tokens \\',
  'packages/cli/README.md: export RMKIT_URL=https://mentoring.contoso.com',
  'packages/cli/README.md: rm-kit import people persone.csv            # (tested) check every row, then write them all',
  'packages/cli/README.md: rm-kit import enrollments iscrizioni.csv --program prg_…   # (tested)',
  'packages/cli/README.md: line 5, E-mail: Invalid email address',
  'packages/cli/README.md: rm-kit match --program prg_…                    # (tested) show, do not publish',
  'packages/cli/README.md: rm-kit export report --program prg_…                   # (tested) to stdout',
  'packages/cli/README.md: rm-kit import people persone.csv --json > result.json',
  "packages/core/README.md: import { sessionCreateSchema, pairProgress, type Session } from '@rm-kit/core';",
  "packages/core/README.md: import { proposeMatches, scorePair, solveAssignment } from '@rm-kit/core/matching';",
  'packages/elements/README.md: <script type="module" src="https://mentoring.contoso.com/rm-kit.js"></script>',
  'packages/elements/README.md: // Entra ID with MSAL (msal-browser, an account signed in and set active): a token renewed as it expires.',
  "packages/sdk/README.md: import { createClient, RmValidationError } from '@rm-kit/sdk';",
  "packages/sdk/README.md: import { personDataFile } from '@rm-kit/sdk';",
  "packages/sdk/README.md: rm.addEventListener('outbox-change', (e) => badge(e.detail.entries.length));",
  'packages/sdk/README.md: const stop = rm.events.subscribe(',
  'packages/cli/README.md: npm install --global @rm-kit/cli   # or per project: npm install @rm-kit/cli, then npx rm-kit',
  'packages/core/README.md: npm install @rm-kit/core   # or pnpm add, yarn add',
  "packages/core/README.md: import { sessionCreateSchema, type Session } from '@rm-kit/core';",
  'packages/elements/README.md: npm install @rm-kit/elements   # or pnpm add, yarn add',
  "packages/elements/README.md: import '@rm-kit/elements/provider.js'; // defines <rm-provider>",
  'packages/sdk/README.md: npm install @rm-kit/sdk   # or pnpm add, yarn add; @rm-kit/core comes with it',
  'packages/server/README.md: npm install @rm-kit/server   # or pnpm add, yarn add',
  'packages/server/README.md: pnpm start                               # from the repository root: demo mode on SQLite, http://localhost:8787',
];

/** A block by its file and first line, which edits elsewhere in the file do not move. */
const where = (block: FencedBlock) => `${block.file}: ${block.code.split('\n')[0]}`;

describe('every code block in the docs', () => {
  it('finds the blocks of the docs and the package READMEs', () => {
    expect(files).toContain('docs/getting-started.md');
    expect(blocks.length).toBeGreaterThan(60);
  });

  it('is run by a test, was run by hand and says so, or says why it is not run', () => {
    const unmarked = blocks.filter((block) => {
      if (block.marker === 'run by hand' && BARE_RUN_BY_HAND.includes(block.file)) return false;
      return !MARKS.test(block.marker ?? '');
    });
    expect(unmarked.map(where).filter((at) => !NOT_MARKED_YET.includes(at))).toEqual([]);
    expect(NOT_MARKED_YET.filter((at) => !unmarked.some((block) => where(block) === at))).toEqual([]);
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
