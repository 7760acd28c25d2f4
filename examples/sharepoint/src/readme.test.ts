import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const solution = JSON.parse(
  readFileSync(new URL('../config/package-solution.json', import.meta.url), 'utf8'),
);

/** Every fenced block of the README, with the marker above it. */
const blocks = [...readme.matchAll(/(?:<!-- (.+?) -->\n\s*)?```(\w*)\n([\s\S]*?)\n\s*```/g)].map((match) => ({
  marker: match[1] ?? null,
  code: match[3] ?? '',
}));

describe('examples/sharepoint/README.md', () => {
  it('says of every code block whether a test runs it, it was run by hand, or it was not run here', () => {
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks)
      expect(block.marker, block.code.slice(0, 60)).toMatch(/^(tested: .+|run by hand|not run here)$/);
  });

  it('asks for the permission the solution of this example asks for', () => {
    const block = blocks.find((b) => b.marker === 'tested: package-solution');
    expect(JSON.parse(`{${block?.code}}`)).toEqual({
      webApiPermissionRequests: solution.solution.webApiPermissionRequests,
    });
  });
});
