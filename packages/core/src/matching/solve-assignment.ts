import type { Assignment, ScoreMatrix } from './types.js';

/**
 * The optimal assignment of a dense score matrix: each row gets at most one column, each
 * column at most one row, never a forbidden (-Infinity) cell, and the total of the
 * assigned scores is the largest possible. Among assignments with that total, one that
 * matches the most rows is returned. The same matrix always gives the same assignment.
 *
 * How "unmatched" is modelled, and why this way: every row has a private "unmatched"
 * option worth exactly 0, so the optimum over rows-with-an-option-each is the optimum over
 * all partial assignments (a row whose cells are all forbidden, or all negative, takes
 * it). A big-M encoding (adding M to every allowed score so that matching always pays)
 * would change the objective to "most rows first" and round every score off by
 * ulp(M); an epsilon per match could outweigh a real difference smaller than itself. A
 * value of exactly 0 adds no arithmetic at all, and the preference for more matches is a
 * tie-break: between equally short augmenting paths the search takes one that ends on a
 * real column rather than on an "unmatched" option. A path can end on an option only by
 * its last row giving up its column, so that tie-break gives the lexicographic (total,
 * then matched rows) optimum, exactly for scores whose sums are exact (integers, binary
 * fractions), and as exactly as float sums allow otherwise.
 *
 * The algorithm (Jonker and Volgenant, 1987, in Crouse's 2016 rectangular form, written
 * with prices rather than costs): the smaller side are the rows (a taller matrix is
 * transposed). Each column has a price and each assigned row a surplus, its score less
 * its column's price, which is the best it can get at current prices (0 for the
 * "unmatched" option). Cheap reductions settle most rows first: column reduction (square
 * matrices without forbidden or negative cells), then an auction-like row reduction whose
 * rows remember their best few columns between bids. Each row still free then gets a
 * shortest augmenting path (Dijkstra on reduced costs) that moves the rows it displaces.
 * O(rows² · cols) at worst; typed arrays, allocated once per call.
 */
export function solveAssignment(matrix: ScoreMatrix): Assignment {
  return solve(matrix, true);
}

/**
 * The exact phase alone, without the reductions that settle most rows first: what the
 * tests check on small matrices, where the reductions would leave it little to do.
 */
export function solveByShortestPathsOnly(matrix: ScoreMatrix): Assignment {
  return solve(matrix, false);
}

function solve(matrix: ScoreMatrix, reductions: boolean): Assignment {
  const { scores, rows, cols } = matrix;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`rows and cols must be whole numbers >= 0, got ${rows} x ${cols}`);
  }
  if (scores.length !== rows * cols) {
    throw new RangeError(`scores holds ${scores.length} cells, ${rows} x ${cols} needs ${rows * cols}`);
  }
  let complete = true;
  for (let k = 0; k < scores.length; k++) {
    const score = scores[k] as number;
    // NaN and +Infinity would poison the prices; -Infinity is the forbidden mark.
    if (!(score < Number.POSITIVE_INFINITY)) throw new RangeError(`score ${score} at cell ${k}`);
    if (score < 0) complete = false;
  }

  const colOfRow = new Int32Array(rows).fill(-1);
  if (rows === 0 || cols === 0) return { colOfRow, total: 0 };

  if (rows <= cols) {
    assignRows(scores, rows, cols, complete, reductions, colOfRow);
  } else {
    const transposed = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) transposed[j * rows + i] = scores[i * cols + j] as number;
    }
    const rowOfCol = new Int32Array(cols);
    assignRows(transposed, cols, rows, complete, reductions, rowOfCol);
    for (let j = 0; j < cols; j++) {
      const i = rowOfCol[j] as number;
      if (i >= 0) colOfRow[i] = j;
    }
  }

  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = colOfRow[i] as number;
    if (j >= 0) total += scores[i * cols + j] as number;
  }
  return { colOfRow, total };
}

const FREE = -1;
/** A row settled on its "unmatched" option (reported as -1). */
const UNMATCHED = -2;

interface Problem {
  /** rows x cols, row-major, rows <= cols. */
  scores: Float64Array;
  rows: number;
  cols: number;
  /**
   * Whether rows have the "unmatched" option. Without forbidden cells and negative
   * scores every row is matched in an optimum (rows <= cols), so it is left out.
   */
  options: boolean;
  price: Float64Array;
  surplus: Float64Array;
  colOfRow: Int32Array;
  rowOfCol: Int32Array;
}

/** Assigns each row a column or its "unmatched" option, writing the column (or -1) into `colOfRow`. */
function assignRows(
  scores: Float64Array,
  rows: number,
  cols: number,
  complete: boolean,
  reductions: boolean,
  colOfRow: Int32Array,
): void {
  const problem: Problem = {
    scores,
    rows,
    cols,
    options: !complete,
    price: new Float64Array(cols),
    surplus: new Float64Array(rows),
    colOfRow: colOfRow.fill(FREE),
    rowOfCol: new Int32Array(cols).fill(FREE),
  };
  const freeRows = new Int32Array(rows);
  let free = rows;
  for (let i = 0; i < rows; i++) freeRows[i] = i;
  if (reductions) {
    const memory: RowMemory = {
      columns: new Int32Array(rows * REMEMBERED),
      bound: new Float64Array(rows).fill(Number.POSITIVE_INFINITY),
      topValue: new Float64Array(REMEMBERED + 1),
      topColumn: new Int32Array(REMEMBERED + 1),
    };
    // Column reduction prices free columns above 0, which is sound only when no column
    // can stay free: a square matrix where every row is matched.
    if (complete && rows === cols) free = reduceColumns(problem, memory, freeRows);
    free = reduceRows(problem, memory, freeRows, free);
  }

  const search: PathSearch = {
    dist: new Float64Array(cols),
    pathRow: new Int32Array(cols),
    remaining: new Int32Array(cols),
    visitedRows: new Int32Array(rows),
  };
  for (let k = 0; k < free; k++) augment(problem, search, freeRows[k] as number);
  for (let i = 0; i < rows; i++) if (colOfRow[i] === UNMATCHED) colOfRow[i] = FREE;
}

/** How many of its best columns a row remembers from its last full scan. */
const REMEMBERED = 4;

/**
 * What the reductions remember of each row: its best columns at its last full scan and
 * the best value of every other column then. Prices only rise, so values only fall and
 * that value stays a bound: when the remembered columns' current best two both reach
 * it, they are the row's best two, found without scanning the row again. In a dense
 * random matrix this answers more than nine bids in ten.
 */
interface RowMemory {
  /** REMEMBERED per row, -1 past the row's allowed columns. */
  columns: Int32Array;
  /** +Infinity while a row has not been scanned. */
  bound: Float64Array;
  /** The best values and columns found by the latest look at a row, best first. */
  topValue: Float64Array;
  topColumn: Int32Array;
}

/** Scans row `i` in full: its REMEMBERED + 1 best columns into `topValue`/`topColumn`, and into memory. */
function scanRow(problem: Problem, memory: RowMemory, i: number): void {
  const { scores, cols, price } = problem;
  const { topValue, topColumn } = memory;
  topValue.fill(Number.NEGATIVE_INFINITY);
  topColumn.fill(-1);
  const offset = i * cols;
  let threshold = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < cols; j++) {
    const value = (scores[offset + j] as number) - (price[j] as number);
    if (value > threshold) {
      let at = REMEMBERED;
      while (at > 0 && value > (topValue[at - 1] as number)) {
        topValue[at] = topValue[at - 1] as number;
        topColumn[at] = topColumn[at - 1] as number;
        at--;
      }
      topValue[at] = value;
      topColumn[at] = j;
      threshold = topValue[REMEMBERED] as number;
    }
  }
  const { columns } = memory;
  for (let at = 0; at < REMEMBERED; at++) columns[i * REMEMBERED + at] = topColumn[at] as number;
  memory.bound[i] = threshold;
}

/**
 * Row `i`'s best two columns at current prices into `topValue`/`topColumn` [0] and [1]:
 * from memory when it is enough, else by a full scan. Returns the work done, in cells.
 */
function bestTwo(problem: Problem, memory: RowMemory, i: number): number {
  const { scores, cols, price } = problem;
  const { columns, topValue, topColumn } = memory;
  let best = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  let bestCol = -1;
  let secondCol = -1;
  for (let at = i * REMEMBERED, end = at + REMEMBERED; at < end; at++) {
    const j = columns[at] as number;
    if (j < 0) break;
    const value = (scores[i * cols + j] as number) - (price[j] as number);
    if (value > best) {
      second = best;
      secondCol = bestCol;
      best = value;
      bestCol = j;
    } else if (value > second) {
      second = value;
      secondCol = j;
    }
  }
  if (!(second >= (memory.bound[i] as number))) {
    scanRow(problem, memory, i);
    return cols;
  }
  topValue[0] = best;
  topColumn[0] = bestCol;
  topValue[1] = second;
  topColumn[1] = secondCol;
  // About what a remembered bid costs next to scanning one cell.
  return 16;
}

/**
 * Column reduction and reduction transfer (Jonker-Volgenant): each column is priced at
 * its best score and given to the row that scores it best, if that row has no column
 * yet; a row given exactly one column then has that price raised until its second best
 * is as good. One pass over the matrix settles about two rows in three. Returns how
 * many rows are left free, listed first in `freeRows`.
 */
function reduceColumns(problem: Problem, memory: RowMemory, freeRows: Int32Array): number {
  const { scores, rows, cols, price, surplus, colOfRow, rowOfCol } = problem;
  const bestRow = new Int32Array(cols);
  price.fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) {
      const score = scores[offset + j] as number;
      if (score > (price[j] as number)) {
        price[j] = score;
        bestRow[j] = i;
      }
    }
  }
  const columnsWon = new Int32Array(rows);
  // Last column first, as the paper does: the order only changes which of equal rows wins.
  for (let j = cols - 1; j >= 0; j--) {
    const i = bestRow[j] as number;
    if (++(columnsWon[i] as number) === 1) {
      colOfRow[i] = j;
      rowOfCol[j] = i;
    } else if ((price[j] as number) > (price[colOfRow[i] as number] as number)) {
      rowOfCol[colOfRow[i] as number] = FREE;
      colOfRow[i] = j;
      rowOfCol[j] = i;
    }
  }
  let free = 0;
  for (let i = 0; i < rows; i++) {
    const won = columnsWon[i] as number;
    if (won === 0) {
      freeRows[free++] = i;
      continue;
    }
    const col = colOfRow[i] as number;
    if (won === 1 && cols > 1) {
      // The scan also fills the row's memory, for when it is displaced later.
      scanRow(problem, memory, i);
      const other = memory.topColumn[0] === col ? 1 : 0;
      price[col] = (price[col] as number) - (memory.topValue[other] as number);
    }
    surplus[i] = (scores[i * cols + col] as number) - (price[col] as number);
  }
  return free;
}

/**
 * Augmenting row reduction (Jonker-Volgenant): a free row takes its best column and
 * raises that column's price until the row is indifferent between it and its second best,
 * displacing the column's previous row, which bids next. Every assigned row stays on a
 * best column at current prices, so the shortest-path phase can start from there. Two
 * passes, as in the paper, and a bound on the work of displacement chains, because with
 * floats a price war can creep up by tiny steps for a long time; rows left free go to the
 * exact phase. Takes and returns how many rows are free, listed first in `freeRows`.
 */
function reduceRows(problem: Problem, memory: RowMemory, freeRows: Int32Array, free: number): number {
  const { scores, rows, cols, options, price, surplus, colOfRow, rowOfCol } = problem;
  const { topValue, topColumn } = memory;
  let work = 0;
  const chainWork = 6 * rows * cols;
  for (let pass = 0; pass < 2; pass++) {
    const toDo = free;
    free = 0;
    let k = 0;
    while (k < toDo) {
      const i = freeRows[k++] as number;
      work += bestTwo(problem, memory, i);
      const best = topValue[0] as number;
      let second = topValue[1] as number;
      let secondCol = topColumn[1] as number;
      if (options) {
        // The "unmatched" option is worth 0 and wins only when strictly better: a row is
        // settled as unmatched here only when no optimal assignment can match it.
        if (0 > best) {
          colOfRow[i] = UNMATCHED;
          surplus[i] = 0;
          continue;
        }
        if (0 > second) {
          second = 0;
          secondCol = UNMATCHED;
        }
      }
      let col = topColumn[0] as number;
      let displaced = rowOfCol[col] as number;
      if (best > second) {
        // A lone column (second is -Infinity) needs no raise: nobody else bids for it.
        if (second > Number.NEGATIVE_INFINITY) price[col] = (price[col] as number) + (best - second);
      } else if (displaced !== FREE) {
        // A tie: take the second column instead, which may be free; never settle on the
        // option on a tie, as another path may still match this row for the same total.
        if (secondCol === UNMATCHED || secondCol === -1) {
          freeRows[free++] = i;
          continue;
        }
        col = secondCol;
        displaced = rowOfCol[col] as number;
      }
      colOfRow[i] = col;
      rowOfCol[col] = i;
      surplus[i] = (scores[i * cols + col] as number) - (price[col] as number);
      if (displaced === FREE) continue;
      colOfRow[displaced] = FREE;
      if (best > second && work < chainWork) {
        // Continue the displacement chain right away, as the paper does.
        freeRows[--k] = displaced;
      } else {
        freeRows[free++] = displaced;
      }
    }
  }
  return free;
}

interface PathSearch {
  /** Shortest reduced distance found so far to each column. */
  dist: Float64Array;
  /** The row a column was last reached from. */
  pathRow: Int32Array;
  /** Unsettled columns first, settled ones after them. */
  remaining: Int32Array;
  visitedRows: Int32Array;
}

/**
 * One shortest augmenting path from the free row `start` (Dijkstra on reduced costs,
 * which prices and surpluses keep non-negative), the price and surplus updates that keep
 * them so, and the flip of the path.
 */
function augment(problem: Problem, search: PathSearch, start: number): void {
  const { scores, cols, options, price, surplus, colOfRow, rowOfCol } = problem;
  const { dist, pathRow, remaining, visitedRows } = search;
  for (let j = 0; j < cols; j++) remaining[j] = j;
  dist.fill(Number.POSITIVE_INFINITY);
  surplus[start] = 0;

  let unsettled = cols;
  let visited = 0;
  let row = start;
  let rowDist = 0;
  let optionDist = Number.POSITIVE_INFINITY;
  let optionRow = -1;
  let sinkCol = -1;
  let sinkDist = 0;
  for (;;) {
    visitedRows[visited++] = row;
    const base = rowDist + (surplus[row] as number);
    // Every visited row could also give up its column for its "unmatched" option.
    if (options && base < optionDist) {
      optionDist = base;
      optionRow = row;
    }
    const offset = row * cols;
    let lowest = Number.POSITIVE_INFINITY;
    let lowestAt = -1;
    for (let k = 0; k < unsettled; k++) {
      const j = remaining[k] as number;
      let d = dist[j] as number;
      const reduced = base + (price[j] as number) - (scores[offset + j] as number);
      if (reduced < d) {
        dist[j] = reduced;
        pathRow[j] = row;
        d = reduced;
      }
      if (d < lowest || (d === lowest && rowOfCol[j] === FREE)) {
        lowest = d;
        lowestAt = k;
      }
    }
    // Ties go to a real column: more rows matched for the same total.
    if (optionDist < lowest) {
      sinkDist = optionDist;
      break;
    }
    const col = remaining[lowestAt] as number;
    remaining[lowestAt] = remaining[--unsettled] as number;
    remaining[unsettled] = col;
    if (rowOfCol[col] === FREE) {
      sinkCol = col;
      sinkDist = lowest;
      break;
    }
    row = rowOfCol[col] as number;
    rowDist = lowest;
  }

  // Settled columns' prices rise, and visited rows' surpluses fall, by how much shorter
  // their distance was than the sink's: reduced costs stay >= 0, and 0 along the path.
  for (let k = unsettled; k < cols; k++) {
    const j = remaining[k] as number;
    price[j] = (price[j] as number) + (sinkDist - (dist[j] as number));
  }
  for (let k = 0; k < visited; k++) {
    const i = visitedRows[k] as number;
    const reachedAt = i === start ? 0 : (dist[colOfRow[i] as number] as number);
    surplus[i] = (surplus[i] as number) - (sinkDist - reachedAt);
  }

  let col = sinkCol;
  if (sinkCol === -1) {
    col = colOfRow[optionRow] as number;
    colOfRow[optionRow] = UNMATCHED;
    if (optionRow === start) return;
  }
  for (;;) {
    const i = pathRow[col] as number;
    rowOfCol[col] = i;
    const previous = colOfRow[i] as number;
    colOfRow[i] = col;
    if (i === start) return;
    col = previous;
  }
}
