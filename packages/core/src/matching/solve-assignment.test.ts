import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment, solveByShortestPathsOnly } from './solve-assignment.js';

const X = Number.NEGATIVE_INFINITY;

function matrixOf(grid: number[][]) {
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  return { scores: Float64Array.from(grid.flat()), rows, cols };
}

/** A small seeded generator, so a failing case can be replayed. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Every partial assignment, tried one by one: the largest total, and among those the
 * most rows matched. Scores in these tests are small integers or binary fractions, so
 * every sum is exact and a tie is a tie.
 */
function bruteForce(grid: number[][], cols: number): { total: number; matched: number } {
  const used = new Array<boolean>(cols).fill(false);
  let best = { total: Number.NEGATIVE_INFINITY, matched: -1 };
  const visit = (row: number, total: number, matched: number) => {
    if (row === grid.length) {
      if (total > best.total || (total === best.total && matched > best.matched)) best = { total, matched };
      return;
    }
    visit(row + 1, total, matched);
    for (let col = 0; col < cols; col++) {
      const score = grid[row]?.[col] as number;
      if (used[col] || score === X) continue;
      used[col] = true;
      visit(row + 1, total + score, matched + 1);
      used[col] = false;
    }
  };
  visit(0, 0, 0);
  return best;
}

/** Checks the answer is a valid assignment of allowed cells, and returns what it is worth. */
function worth(grid: number[][], cols: number, colOfRow: Int32Array): { total: number; matched: number } {
  const taken = new Set<number>();
  let total = 0;
  let matched = 0;
  colOfRow.forEach((col, row) => {
    if (col === -1) return;
    expect(col).toBeGreaterThanOrEqual(0);
    expect(col).toBeLessThan(cols);
    expect(taken.has(col), `column ${col} assigned twice`).toBe(false);
    taken.add(col);
    const score = grid[row]?.[col] as number;
    expect(score, `forbidden cell ${row},${col} assigned`).not.toBe(X);
    total += score;
    matched++;
  });
  return { total, matched };
}

/**
 * A grid of rows x cols (0..8 each) whose cells come from `cell`, some forbidden, and
 * sometimes whole rows forbidden.
 */
function grids(cell: fc.Arbitrary<number>) {
  return fc
    .record({ rows: fc.integer({ min: 0, max: 8 }), cols: fc.integer({ min: 0, max: 8 }) })
    .chain(({ rows, cols }) =>
      fc.record({
        cols: fc.constant(cols),
        grid: fc.array(
          fc.oneof(
            {
              weight: 6,
              arbitrary: fc.array(fc.oneof(cell, fc.constant(X)), { minLength: cols, maxLength: cols }),
            },
            { weight: 1, arbitrary: fc.constant(new Array<number>(cols).fill(X)) },
          ),
          { minLength: rows, maxLength: rows },
        ),
      }),
    );
}

// The row reduction settles most rows of a small matrix by itself, so every optimality
// property runs twice: the whole solver, and its exact shortest-path phase on its own.
describe.each([
  ['solveAssignment', solveAssignment],
  ['the shortest-path phase alone', solveByShortestPathsOnly],
])('%s', (_, solveAssignment) => {
  it('finds the best total, and then the most rows matched, on every small matrix (ties, forbidden cells, negative scores)', () => {
    fc.assert(
      fc.property(grids(fc.integer({ min: -3, max: 4 })), ({ grid, cols }) => {
        const { colOfRow, total } = solveAssignment({ ...matrixOf(grid), cols });
        expect(colOfRow).toHaveLength(grid.length);
        const got = worth(grid, cols, colOfRow);
        expect(got.total).toBe(total);
        expect(got).toEqual(bruteForce(grid, cols));
      }),
      { numRuns: 400 },
    );
  });

  it('finds the best total with fractional scores, as a match score is', () => {
    const eighths = fc.integer({ min: 0, max: 8 }).map((n) => n / 8);
    fc.assert(
      fc.property(grids(eighths), ({ grid, cols }) => {
        const { colOfRow, total } = solveAssignment({ ...matrixOf(grid), cols });
        const got = worth(grid, cols, colOfRow);
        expect(got.total).toBe(total);
        expect(got).toEqual(bruteForce(grid, cols));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the best total with arbitrary doubles, within rounding', () => {
    const doubles = fc.double({ min: -1e3, max: 1e3, noNaN: true });
    fc.assert(
      fc.property(grids(doubles), ({ grid, cols }) => {
        const { colOfRow, total } = solveAssignment({ ...matrixOf(grid), cols });
        const got = worth(grid, cols, colOfRow);
        expect(got.total).toBe(total);
        expect(total).toBeCloseTo(bruteForce(grid, cols).total, 6);
      }),
      { numRuns: 200 },
    );
  });
});

describe('solveAssignment', () => {
  it('matches every row of the smaller side, at the best total, when no cell is forbidden or negative', () => {
    const complete = fc
      .record({ rows: fc.integer({ min: 1, max: 7 }), extra: fc.integer({ min: -2, max: 2 }) })
      .chain(({ rows, extra }) => {
        const cols = Math.max(1, rows + extra);
        return fc.record({
          cols: fc.constant(cols),
          grid: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: cols, maxLength: cols }), {
            minLength: rows,
            maxLength: rows,
          }),
        });
      });
    fc.assert(
      fc.property(complete, ({ grid, cols }) => {
        const { colOfRow } = solveAssignment({ ...matrixOf(grid), cols });
        const got = worth(grid, cols, colOfRow);
        expect(got.matched).toBe(Math.min(grid.length, cols));
        expect(got).toEqual(bruteForce(grid, cols));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with its shortest-path phase alone on larger matrices, where the reductions do most of the work', () => {
    const medium = fc
      .record({
        rows: fc.integer({ min: 1, max: 60 }),
        cols: fc.integer({ min: 1, max: 60 }),
        // Square and complete half the time: the only case column reduction runs in.
        square: fc.boolean(),
        forbidden: fc.constantFrom(0, 0, 0.2, 0.7),
        range: fc.constantFrom(3, 50, 1000),
        negative: fc.constantFrom(false, false, true),
        seed: fc.integer(),
      })
      .map(({ rows, cols: asked, square, forbidden, range, negative, seed }) => {
        const cols = square ? rows : asked;
        const random = lcg(seed);
        const scores = Float64Array.from({ length: rows * cols }, () =>
          random() < forbidden ? X : Math.floor(random() * range) - (negative ? range / 2 : 0),
        );
        return { scores, rows, cols };
      });
    fc.assert(
      fc.property(medium, (matrix) => {
        const grid = Array.from({ length: matrix.rows }, (_, row) =>
          Array.from(matrix.scores.subarray(row * matrix.cols, (row + 1) * matrix.cols)),
        );
        const whole = solveAssignment(matrix);
        const exact = solveByShortestPathsOnly(matrix);
        expect(worth(grid, matrix.cols, whole.colOfRow)).toEqual(worth(grid, matrix.cols, exact.colOfRow));
        expect(whole.total).toBe(exact.total);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same assignment for the same matrix, every time', () => {
    fc.assert(
      fc.property(grids(fc.integer({ min: 0, max: 2 })), ({ grid, cols }) => {
        const first = solveAssignment({ ...matrixOf(grid), cols });
        const again = solveAssignment({ ...matrixOf(grid), cols });
        expect(Array.from(again.colOfRow)).toEqual(Array.from(first.colOfRow));
        expect(again.total).toBe(first.total);
      }),
    );
  });

  it('matches every row it can when scores are non-negative, zeros included', () => {
    const { colOfRow, total } = solveAssignment(
      matrixOf([
        [0, 0],
        [0, X],
      ]),
    );
    expect(Array.from(colOfRow)).toEqual([1, 0]);
    expect(total).toBe(0);
  });

  it('leaves out a row when matching it would lower the best total', () => {
    // Row 1 can only have column 0, which is worth far more to row 0.
    const { colOfRow, total } = solveAssignment(
      matrixOf([
        [10, 0],
        [1, X],
      ]),
    );
    expect(Array.from(colOfRow)).toEqual([0, -1]);
    expect(total).toBe(10);
  });

  it('leaves a row unmatched when all its cells are forbidden, or all negative', () => {
    const { colOfRow, total } = solveAssignment(
      matrixOf([
        [X, X, X],
        [2, 1, 3],
        [-1, -2, -5],
      ]),
    );
    expect(Array.from(colOfRow)).toEqual([-1, 2, -1]);
    expect(total).toBe(3);
  });

  it('assigns wide and tall matrices alike, one column per row at most', () => {
    const wide = solveAssignment(matrixOf([[1, 5, 2, 4]]));
    expect(Array.from(wide.colOfRow)).toEqual([1]);
    const tall = solveAssignment(matrixOf([[1], [5], [2], [4]]));
    expect(Array.from(tall.colOfRow)).toEqual([-1, 0, -1, -1]);
    expect(tall.total).toBe(5);
  });

  it('answers an empty matrix with nothing matched', () => {
    expect(solveAssignment({ scores: new Float64Array(0), rows: 3, cols: 0 })).toEqual({
      colOfRow: Int32Array.from([-1, -1, -1]),
      total: 0,
    });
    expect(solveAssignment({ scores: new Float64Array(0), rows: 0, cols: 0 }).colOfRow).toHaveLength(0);
  });

  it('refuses a matrix that is not what it says, or holds NaN or +Infinity', () => {
    expect(() => solveAssignment({ scores: new Float64Array(5), rows: 2, cols: 3 })).toThrow(RangeError);
    expect(() => solveAssignment({ scores: new Float64Array(0), rows: -1, cols: 0 })).toThrow(RangeError);
    expect(() => solveAssignment(matrixOf([[1, Number.NaN]]))).toThrow(RangeError);
    expect(() => solveAssignment(matrixOf([[Number.POSITIVE_INFINITY]]))).toThrow(RangeError);
  });

  it('solves a dense 300 x 320 matrix to the total its transpose gets', () => {
    const random = lcg(7);
    const n = 300;
    const scores = Float64Array.from({ length: n * (n + 20) }, random);
    const wide = solveAssignment({ scores, rows: n, cols: n + 20 });
    const transposed = new Float64Array(scores.length);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n + 20; j++) transposed[j * n + i] = scores[i * (n + 20) + j] as number;
    }
    const tall = solveAssignment({ scores: transposed, rows: n + 20, cols: n });
    expect(wide.colOfRow.every((col) => col >= 0)).toBe(true);
    expect(tall.total).toBeCloseTo(wide.total, 9);
  });
});
