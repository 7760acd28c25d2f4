import { describe, expect, it } from 'vitest';
import { parsedOnce } from './parsed-once.js';

type Row = { id: string; tags: string };

/** A parse that counts its calls, as a schema's would cost. */
function counted() {
  let calls = 0;
  const parse = parsedOnce(
    (row: Row, hosts: readonly string[]) => {
      calls++;
      return { id: row.id, tags: JSON.parse(row.tags) as string[], hosts: [...hosts] };
    },
    (hosts) => hosts.join(' '),
  );
  return { parse, calls: () => calls };
}

describe('parsedOnce', () => {
  it('parses a kept (frozen) row once, and gives every reader the same frozen answer', () => {
    const { parse, calls } = counted();
    const kept = Object.freeze({ id: 'a', tags: '["x"]' });
    const first = parse(kept, ['cdn.example']);
    const again = parse(kept, ['cdn.example']);
    expect(again).toBe(first);
    expect(calls()).toBe(1);
    // No reader can change what the next one is given, nested arrays included.
    expect(() => first.tags.push('y')).toThrow(TypeError);
    expect(() => {
      (first as { id: string }).id = 'b';
    }).toThrow(TypeError);
    expect(parse(kept, ['cdn.example']).tags).toEqual(['x']);
  });

  it('parses again what else the parse depends on changed, and a row that is not kept each time', () => {
    const { parse, calls } = counted();
    const kept = Object.freeze({ id: 'a', tags: '[]' });
    expect(parse(kept, ['cdn.example']).hosts).toEqual(['cdn.example']);
    expect(parse(kept, []).hosts).toEqual([]);
    expect(calls()).toBe(2);

    const fresh = { id: 'b', tags: '[]' };
    const mine = parse(fresh, []);
    expect(parse(fresh, [])).not.toBe(mine);
    expect(calls()).toBe(4);
    // What a row that is not kept gives is the caller's own, to change.
    mine.tags.push('z');
    expect(mine.tags).toEqual(['z']);
  });
});
