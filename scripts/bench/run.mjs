import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../chromium.mjs';

/**
 * `pnpm bench` (after `pnpm build`): runs every benchmark, each printing its figures, and
 * writes docs/performance.md from their parts, headed by the machine they were measured
 * on. A benchmark never fails on speed; the exit code is not 0 only when a size is over
 * its budget or a benchmark found a wrong result (the matching totals differ).
 */
const BENCHES = [
  'bundle-size.mjs',
  'matching.mjs',
  'render.mjs',
  'page-requests.mjs',
  'replay.mjs',
  'server.mjs',
];

const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'rm-kit-bench-'));
let exitCode = 0;
const sections = [];
try {
  for (const bench of BENCHES) {
    const section = join(work, `${bench}.md`);
    writeFileSync(section, '');
    const run = spawnSync(process.execPath, [join(root, 'scripts/bench', bench)], {
      stdio: 'inherit',
      env: { ...process.env, RMKIT_BENCH_SECTION: section },
    });
    if (run.status !== 0) exitCode = 1;
    sections.push(readFileSync(section, 'utf8'));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const chromium = (() => {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'not found';
  }
})();
const cpu = cpus();
const header = `# Performance

What \`pnpm bench\` measured, each figure beside its peer or ceiling measured in the same run.
Written by \`scripts/bench/run.mjs\`; run it again rather than editing this file.

| | |
| --- | --- |
| measured | ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC |
| machine | ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()} |
| Node | ${process.version} |
| Chromium | ${chromium} |
`;
writeFileSync(join(root, 'docs/performance.md'), `${`${header}\n${sections.join('')}`.trimEnd()}\n`);
console.log('\nWrote docs/performance.md');
process.exitCode = exitCode;
