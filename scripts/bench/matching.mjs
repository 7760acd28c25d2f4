import { linearSumAssignment } from 'linear-sum-assignment';
import { munkres } from 'munkres';
import { solveAssignment } from '../../packages/core/dist/matching/index.js';
import { markdownTable, writeSection } from './section.mjs';

/**
 * solveAssignment beside the npm peers munkres and linear-sum-assignment, in one run:
 * dense square matrices of uniform random scores in [0, 1) from a fixed seed, the same
 * matrix for all three. Each solver is warmed up first (five runs, or two seconds:
 * the first runs of any of them are several times slower, before the JIT has compiled
 * it), then the runs are interleaved (so a busy machine slows all three alike) and the
 * median is kept.
 *
 * Timed is each library's own call on its own input type: a Float64Array for ours, a
 * number[][] of costs for munkres (it minimises, so it gets the negated scores) and a
 * number[][] for linear-sum-assignment (told to maximise). The totals are summed from
 * the original scores in row order, so the same assignment gives the same bits.
 */
const SIZES = [
  { n: 500, runs: 15 },
  { n: 1000, runs: 9 },
  { n: 2000, runs: 3 },
];
/** A peer whose projected time for one run is over this is skipped, and said so. */
const SKIP_AFTER_MS = 60_000;
const SEED = 20_261_101;

/** mulberry32: small, fast and the same in every runtime. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function totalOf(scores, n, colOfRow) {
  let total = 0;
  for (let row = 0; row < n; row++) if (colOfRow[row] >= 0) total += scores[row * n + colOfRow[row]];
  return total;
}

const solvers = [
  {
    name: 'solveAssignment',
    prepare: (scores, n) => ({ scores, rows: n, cols: n }),
    solve: (matrix) => solveAssignment(matrix).colOfRow,
  },
  {
    name: 'munkres',
    prepare: (scores, n) =>
      Array.from({ length: n }, (_, row) => Array.from(scores.subarray(row * n, row * n + n), (s) => -s)),
    solve: (costs) => {
      const colOfRow = new Int32Array(costs.length).fill(-1);
      for (const [row, col] of munkres(costs)) colOfRow[row] = col;
      return colOfRow;
    },
  },
  {
    name: 'linear-sum-assignment',
    prepare: (scores, n) =>
      Array.from({ length: n }, (_, row) => Array.from(scores.subarray(row * n, row * n + n))),
    solve: (matrix) => Int32Array.from(linearSumAssignment(matrix, { maximaze: true }).rowAssignments),
  },
];

function time(solve, input) {
  const start = performance.now();
  const colOfRow = solve(input);
  return { ms: performance.now() - start, colOfRow };
}

/** Five runs, or fewer when they add up to two seconds; returns the first. */
function warmUp(solver, input) {
  const first = time(solver.solve, input);
  for (let run = 1, spent = first.ms; run < 5 && spent < 2000; run++) spent += time(solver.solve, input).ms;
  return first;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const measured = new Map();
const rows = [];
let unequal = false;
for (const { n, runs } of SIZES) {
  const next = random(SEED + n);
  const scores = Float64Array.from({ length: n * n }, next);
  const active = [];
  const results = new Map();
  for (const solver of solvers) {
    const smaller = measured.get(`${solver.name} ${n / 2}`);
    const projected = smaller === undefined ? 0 : smaller * 8;
    if (projected > SKIP_AFTER_MS) {
      console.log(
        `n = ${n}: ${solver.name} skipped, one run would take about ${Math.round(projected / 1000)} s`,
      );
      continue;
    }
    const input = solver.prepare(scores, n);
    const first = warmUp(solver, input);
    results.set(solver.name, { times: [], total: totalOf(scores, n, first.colOfRow) });
    active.push({ solver, input });
  }
  for (let run = 0; run < runs; run++) {
    for (const { solver, input } of active) results.get(solver.name).times.push(time(solver.solve, input).ms);
  }
  const ours = results.get('solveAssignment');
  const cells = solvers.map(({ name }) => {
    const result = results.get(name);
    if (!result) return { ms: null, total: null };
    const ms = median(result.times);
    measured.set(`${name} ${n}`, ms);
    // Float sums of one and the same assignment are equal bit for bit; allow rounding
    // in the last places in case a peer finds another assignment of the same total.
    if (Math.abs(result.total - ours.total) > 1e-9 * Math.abs(ours.total)) unequal = true;
    return { ms, total: result.total };
  });
  rows.push({ n, cells });
}

const ms = (value) => (value === null ? 'skipped' : `${value.toFixed(1)} ms`).padStart(12);
const ratio = (peer, ours) => (peer === null ? '—' : `${(peer / ours).toFixed(1)}x`).padStart(9);
console.log('');
console.log('    n  solveAssignment      munkres  linear-sum-assignment  munkres/ours  lsa/ours');
for (const { n, cells } of rows) {
  const [ours, munkresCell, lsaCell] = cells;
  console.log(
    `${String(n).padStart(5)}  ${ms(ours.ms)}  ${ms(munkresCell.ms)}           ${ms(lsaCell.ms)}  ${ratio(munkresCell.ms, ours.ms).padStart(12)}  ${ratio(lsaCell.ms, ours.ms)}`,
  );
}
console.log('');
console.log('    n  total (solveAssignment)  total (munkres)        total (linear-sum-assignment)');
for (const { n, cells } of rows) {
  const total = (cell) => (cell.total === null ? 'skipped' : String(cell.total)).padEnd(22);
  console.log(`${String(n).padStart(5)}  ${cells.map(total).join(' ')}`);
}
console.log(unequal ? '\nTOTALS DIFFER' : '\nTotals equal.');
const cell = (value) => (value === null ? 'skipped' : `${value.toFixed(1)} ms`);
const times = (peer, ours) => (peer === null ? '—' : `${(peer / ours).toFixed(1)}x`);
writeSection(
  `## Matching

\`solveAssignment\` (core) beside the npm peers on dense n × n matrices of random scores, the
median of interleaved runs after a warm-up; "x" is how many times longer the peer took.
${unequal ? '**The totals differ.**' : 'All three found assignments of the same total.'}

${markdownTable(
  ['n', 'solveAssignment', 'munkres', 'linear-sum-assignment', 'munkres ÷ ours', 'lsa ÷ ours'],
  rows.map(({ n, cells: [ours, munkresCell, lsaCell] }) => [
    n,
    cell(ours.ms),
    cell(munkresCell.ms),
    cell(lsaCell.ms),
    times(munkresCell.ms, ours.ms),
    times(lsaCell.ms, ours.ms),
  ]),
)}`,
);
if (unequal) process.exitCode = 1;
