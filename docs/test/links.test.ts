import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docPages, root } from './doc-pages.js';

const files = docPages();

const anchorCache = new Map<string, Set<string>>();
const anchorsOf = (file: string) =>
  anchorCache.get(file) ?? anchorCache.set(file, headingAnchors(file)).get(file);

/** The anchors GitHub gives a page's headings. */
function headingAnchors(file: string): Set<string> {
  const text = readFileSync(join(root, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set(
    [...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) =>
      (match[1] ?? '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

describe('the links between the docs', () => {
  it('reach a file that exists, and a heading of it when they name one', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const [, target = ''] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        checked++;
        const [path = '', anchor] = target.split('#');
        const into = path ? relative(root, join(root, dirname(file), path)) : file;
        if (!existsSync(join(root, into))) broken.push(`${file}: ${target}`);
        else if (anchor && into.endsWith('.md') && !anchorsOf(into).has(anchor))
          broken.push(`${file}: ${target}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });
});
