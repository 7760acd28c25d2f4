import { readFileSync } from 'node:fs';

/** One fenced code block of a Markdown file, with the HTML comment on the line above it. */
export interface FencedBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  language: string;
  /** The comment's text (`tested: getting-started`, `run by hand: …`, `not run: …`), or null. */
  marker: string | null;
  code: string;
}

/**
 * Every fenced block of a Markdown file, indented ones (inside a list) included. A block's
 * marker is the HTML comment alone on the line just above its opening fence.
 */
export function fencedBlocks(file: string, text = readFileSync(file, 'utf8')): FencedBlock[] {
  const lines = text.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(\S*)/.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', language = ''] = open;
    const end = lines.findIndex((l, j) => j > i && l.startsWith(indent) && l.trim() === fence);
    if (end < 0) throw new Error(`${file}:${i + 1}: a code block that never closes`);
    const above = /^\s*<!-- (.+?) -->\s*$/.exec(lines[i - 1] ?? '');
    blocks.push({
      file,
      line: i + 1,
      language,
      marker: above?.[1] ?? null,
      code: lines
        .slice(i + 1, end)
        .map((l) => l.slice(indent.length))
        .join('\n'),
    });
    i = end;
  }
  return blocks;
}
