import { describe, expect, it } from 'vitest';
import { rowKey } from './write-rows.js';

describe('idempotency keys of an import', () => {
  const file = new TextEncoder().encode('email;nome\nanna@contoso.example;Anna\n');

  it('are the same for the same file, row and write, so a run after an interruption replays instead of doubling', () => {
    expect(rowKey(file, 'people.create', 2)).toBe(rowKey(Uint8Array.from(file), 'people.create', 2));
    expect(rowKey(file, 'people.create', 2)).toMatch(/^rm-kit-cli-[0-9a-f]{48}$/);
  });

  it('differ for another row, another write, or a file changed since', () => {
    const changed = new TextEncoder().encode('email;nome\nanna@contoso.example;Anna Maria\n');
    const keys = [
      rowKey(file, 'people.create', 2),
      rowKey(file, 'people.create', 3),
      rowKey(file, 'enrollments.create prg_1', 2),
      rowKey(changed, 'people.create', 2),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
