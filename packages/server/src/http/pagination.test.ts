import { newId } from '@rm-kit/core';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './pagination.js';
import { Problem } from './problem.js';

describe('cursors', () => {
  it('round-trip what a page ended on', () => {
    const position = { sort: '2026-03-02T09:30:00.000Z', id: newId('session') };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuse anything this server did not make, naming the cursor parameter', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of [
      'not base64 json',
      forged(['x', 'per_\u0000']),
      forged(["' or 1=1 --", newId('pair')]),
      forged({}),
    ]) {
      let error: unknown;
      try {
        decodeCursor(cursor);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Problem);
      expect((error as Problem).issues?.[0]?.path).toEqual(['cursor']);
    }
  });
});
