import { describe, expect, it } from 'vitest';
import { idOf, idTime, newId } from './ids.js';

describe('ids', () => {
  it('names the kind in a prefix followed by 26 base32 characters', () => {
    expect(newId('session')).toMatch(/^ses_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newId('pair')).toMatch(/^par_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('sorts by creation time as plain strings', () => {
    const earlier = newId('goal', Date.UTC(2026, 0, 1));
    const later = newId('goal', Date.UTC(2026, 0, 1, 0, 0, 0, 1));
    expect([later, earlier].sort()).toEqual([earlier, later]);
    expect(idTime(later).toISOString()).toBe('2026-01-01T00:00:00.001Z');
  });

  it('does not repeat, even within one millisecond', () => {
    const now = Date.now();
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('feedback', now)));
    expect(ids.size).toBe(10_000);
  });

  it('gives each id random digits of its own, however many are made', () => {
    // Moments in the past each get fresh digits: many times what one draw from the CSPRNG holds.
    const random = Array.from({ length: 5_000 }, (_, i) =>
      newId('event', Date.UTC(2025, 0, 1) + i).slice(14),
    );
    expect(new Set(random).size).toBe(5_000);
    // Nor does one id give away the next: no digits of one reappear, moved along, in the next.
    const shifted = random.slice(1).filter((digits, i) => digits.slice(0, 8) === random[i]?.slice(1, 9));
    expect(shifted).toEqual([]);
    // Every one of the 32 digits turns up in every place: the digits are not stuck or skewed.
    for (let place = 0; place < 16; place++) {
      expect(new Set(random.map((digits) => digits[place])).size).toBe(32);
    }
  });

  it('sorts in the order they were made within one millisecond, across kinds', () => {
    const now = Date.now() + 60_000;
    const made = Array.from({ length: 2_000 }, (_, i) => newId(i % 2 ? 'goal' : 'session', now).slice(4));
    expect([...made].sort()).toEqual(made);
  });

  it('accepts only ids of the kind a field expects', () => {
    const sessionId = idOf('session');
    expect(sessionId.safeParse(newId('session')).success).toBe(true);
    const wrongKind = sessionId.safeParse(newId('pair'));
    expect(wrongKind.success).toBe(false);
    expect(wrongKind.error?.issues[0]?.message).toBe('Expected a session id (ses_…)');
    expect(sessionId.safeParse('ses_1').success).toBe(false);
  });
});
