import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReadmeBlock {
  /** The comment above it: `tested: <name>`, `excerpt: <file>` or `run by hand`. */
  marker: string | null;
  code: string;
}

/** Every fenced block of an example's README, with the marker comment above it. */
export function readmeBlocks(dir: string): ReadmeBlock[] {
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  return [...readme.matchAll(/(?:<!-- (.+?) -->\n)?```\w*\n([\s\S]*?)\n```/g)].map((match) => ({
    marker: match[1] ?? null,
    code: match[2] ?? '',
  }));
}

/** The block marked `tested: <name>`, for a test to run. */
export function testedBlock(dir: string, name: string): string {
  const block = readmeBlocks(dir).find((b) => b.marker === `tested: ${name}`);
  if (!block) throw new Error(`${join(dir, 'README.md')} has no block marked "tested: ${name}"`);
  return block.code;
}

/** Lines without their indentation: an excerpt is quoted at the README's left margin. */
const unindented = (text: string) => text.replace(/^[ \t]+/gm, '');

/**
 * Blocks quoting a source file (`excerpt: src/App.tsx`), and that file's text as it is now,
 * both unindented, for a test to check that the README quotes what the tests build and run.
 */
export function excerpts(dir: string): { file: string; code: string; source: string }[] {
  return readmeBlocks(dir).flatMap(({ marker, code }) => {
    const file = marker?.match(/^excerpt: (.+)$/)?.[1];
    return file
      ? [{ file, code: unindented(code), source: unindented(readFileSync(join(dir, file), 'utf8')) }]
      : [];
  });
}

/** The start of every block that says neither how it is tested nor that it is run by hand. */
export function unmarkedBlocks(dir: string): string[] {
  return readmeBlocks(dir)
    .filter((block) => !/^(tested: .+|excerpt: .+|run by hand)$/.test(block.marker ?? ''))
    .map((block) => block.code.slice(0, 60));
}
