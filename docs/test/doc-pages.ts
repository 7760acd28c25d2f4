import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, which every page path below is relative to. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

const markdownUnder = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? markdownUnder(join(dir, entry.name))
      : entry.name.endsWith('.md')
        ? [join(dir, entry.name)]
        : [],
  );

const readmesIn = (dir: string) =>
  readdirSync(join(root, dir))
    .map((name) => join(dir, name, 'README.md'))
    .filter((file) => existsSync(join(root, file)));

/** Every page a reader of the docs meets: the README, docs/, and each package's and example's README. */
export const docPages = (): string[] => [
  'README.md',
  ...markdownUnder('docs'),
  ...readmesIn('packages'),
  ...readmesIn('examples'),
];
