import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type KeptReads, keptReads } from './kept-reads.js';

describe('reads kept until the next commit', () => {
  let connection: SQLite.Database;
  let kept: KeptReads;

  beforeEach(() => {
    connection = new SQLite(':memory:');
    kept = keptReads(connection, 3);
  });
  afterEach(() => connection.close());

  it('keeps at most its capacity of rows, dropping the oldest reads first', () => {
    kept.rows('a');
    kept.keep('a', [1, 2]);
    kept.keep('b', [3]);
    expect(kept.rows('a')).toEqual([1, 2]);
    kept.keep('c', [4, 5]);
    expect(kept.rows('a')).toBeUndefined();
    expect(kept.rows('b')).toEqual([3]);
    expect(kept.rows('c')).toEqual([4, 5]);
  });

  it('does not keep a read longer than all it may keep', () => {
    kept.rows('long');
    kept.keep('long', [1, 2, 3, 4]);
    expect(kept.rows('long')).toBeUndefined();
  });
});
