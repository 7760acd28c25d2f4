import { appendFileSync } from 'node:fs';

/**
 * Adds a bench's part to docs/performance.md: run through `pnpm bench` (scripts/bench/run.mjs),
 * each bench is given a file to write its Markdown to; run alone, it only prints.
 */
export function writeSection(markdown) {
  const file = process.env.RMKIT_BENCH_SECTION;
  if (file) appendFileSync(file, `${markdown.trim()}\n\n`);
}

/** A Markdown table from a header row and rows of cells. */
export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.map((cell) => String(cell ?? '—')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
