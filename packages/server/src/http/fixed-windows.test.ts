import { describe, expect, it } from 'vitest';
import { FixedWindows } from './fixed-windows.js';

const MINUTE = 60_000;

/** `count` keys counted once each at `now`. */
function countMany(windows: FixedWindows, prefix: string, count: number, now: number) {
  for (let i = 0; i < count; i++) windows.count(`${prefix}${i}`, now);
}

describe('fixed windows', () => {
  it('counts each key in a window of its own, which starts again once it has ended', () => {
    const windows = new FixedWindows(MINUTE);
    expect(windows.count('giulia', 0)).toEqual({ count: 1, endsAt: MINUTE });
    expect(windows.count('giulia', 10_000)).toEqual({ count: 2, endsAt: MINUTE });
    expect(windows.count('marco', 30_000)).toEqual({ count: 1, endsAt: 30_000 + MINUTE });
    expect(windows.count('giulia', MINUTE)).toEqual({ count: 1, endsAt: 2 * MINUTE });
  });

  it('forgets ended windows once it holds more than 10,000, so memory follows the last windows', () => {
    const windows = new FixedWindows(MINUTE);
    countMany(windows, 'early-', 10_001, 0);
    windows.count('late', MINUTE);
    expect(windows.size).toBe(1);
  });

  it('walks its windows to forget them at most once a window, not for every new key', () => {
    const windows = new FixedWindows(MINUTE);
    countMany(windows, 'a-', 9_901, 0);
    countMany(windows, 'b-', 100, MINUTE / 2);
    windows.count('c', MINUTE);
    expect(windows.size).toBe(100 + 1);
    // The b- windows end meanwhile, and are held while new keys keep coming, until a
    // window has passed since the last walk.
    countMany(windows, 'd-', 10_000, 1.5 * MINUTE + 1);
    expect(windows.size).toBe(100 + 1 + 10_000);
    windows.count('e', 2 * MINUTE);
    expect(windows.size).toBe(10_000 + 1);
  });
});
