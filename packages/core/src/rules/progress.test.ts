import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atRisk, cadenceAdherence, cancelledInARow, expectedSessions, goalCompletion } from './progress.js';

const DAY = 86_400_000;
const start = new Date('2026-01-05T00:00:00Z');
const day = (n: number) => new Date(start.getTime() + n * DAY);

describe('expectedSessions', () => {
  it('counts whole cadence periods since the pair started', () => {
    expect(expectedSessions(start, day(0), 14)).toBe(0);
    expect(expectedSessions(start, day(13), 14)).toBe(0);
    expect(expectedSessions(start, day(14), 14)).toBe(1);
    expect(expectedSessions(start, day(69), 14)).toBe(4);
    expect(expectedSessions('2026-01-05', '2026-02-02T00:00:00Z', 7)).toBe(4);
  });

  it('expects nothing of a pair that has not started, or before its start', () => {
    expect(expectedSessions(null, day(100), 14)).toBe(0);
    expect(expectedSessions(start, day(-30), 14)).toBe(0);
  });

  it('never decreases as time goes on', () => {
    fc.assert(
      fc.property(fc.nat(2000), fc.nat(2000), fc.integer({ min: 1, max: 90 }), (a, b, cadence) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        expect(expectedSessions(start, day(later), cadence)).toBeGreaterThanOrEqual(
          expectedSessions(start, day(earlier), cadence),
        );
      }),
    );
  });
});

describe('cadenceAdherence', () => {
  it('is held over expected, capped at 1', () => {
    expect(cadenceAdherence(3, 4)).toBe(0.75);
    expect(cadenceAdherence(9, 4)).toBe(1);
    expect(cadenceAdherence(0, 4)).toBe(0);
  });

  it('is 1 while no session is due yet', () => {
    expect(cadenceAdherence(0, 0)).toBe(1);
  });

  it('always stays within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 10_000 }),
        fc.integer({ min: -5, max: 10_000 }),
        (held, expected) => {
          const adherence = cadenceAdherence(held, expected);
          expect(adherence).toBeGreaterThanOrEqual(0);
          expect(adherence).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('atRisk', () => {
  const base = {
    status: 'active' as const,
    startedOn: start,
    lastHeldAt: null,
    resumedOn: null,
    cadenceDays: 14,
    trustRatings: [] as number[],
    cancelledInARow: 0,
  };

  it('flags a pair with no held session for more than twice the cadence', () => {
    expect(atRisk({ ...base, lastHeldAt: day(10), now: day(38) })).toEqual({ atRisk: false, reasons: [] });
    expect(atRisk({ ...base, lastHeldAt: day(10), now: day(39) })).toEqual({
      atRisk: true,
      reasons: ['no-recent-session'],
    });
  });

  it('counts from the start for a pair that never met', () => {
    expect(atRisk({ ...base, now: day(28) }).atRisk).toBe(false);
    expect(atRisk({ ...base, now: day(29) }).reasons).toEqual(['no-recent-session']);
  });

  it('does not count the weeks of a pause as quiet time once the pair resumes', () => {
    const resumed = { ...base, lastHeldAt: day(10), resumedOn: day(120) };
    expect(atRisk({ ...resumed, now: day(121) })).toEqual({ atRisk: false, reasons: [] });
    expect(atRisk({ ...resumed, now: day(148) }).atRisk).toBe(false);
    expect(atRisk({ ...resumed, now: day(149) }).reasons).toEqual(['no-recent-session']);
  });

  it('counts from a session held after the resumption when there is one', () => {
    const resumed = { ...base, resumedOn: day(120), lastHeldAt: day(130) };
    expect(atRisk({ ...resumed, now: day(158) }).atRisk).toBe(false);
    expect(atRisk({ ...resumed, now: day(159) }).reasons).toEqual(['no-recent-session']);
  });

  it('flags low trust over the last three answers only', () => {
    const now = day(5);
    expect(atRisk({ ...base, now, trustRatings: [1, 1, 4, 3, 3] }).atRisk).toBe(false);
    expect(atRisk({ ...base, now, trustRatings: [5, 5, 2, 3, 3] }).reasons).toEqual(['low-trust']);
    expect(atRisk({ ...base, now, trustRatings: [2] }).reasons).toEqual(['low-trust']);
  });

  it('gives both reasons when both hold', () => {
    expect(atRisk({ ...base, now: day(60), trustRatings: [1, 2, 2] }).reasons).toEqual([
      'no-recent-session',
      'low-trust',
    ]);
  });

  it('does not flag a paused or ended pair for missing sessions, but still for low trust', () => {
    for (const status of ['paused', 'completed', 'dissolved'] as const) {
      expect(atRisk({ ...base, status, lastHeldAt: day(10), now: day(90) })).toEqual({
        atRisk: false,
        reasons: [],
      });
      expect(atRisk({ ...base, status, now: day(90), trustRatings: [1, 2, 2] }).reasons).toEqual([
        'low-trust',
      ]);
    }
  });

  it('flags an active pair whose two latest sessions were both cancelled', () => {
    const now = day(20);
    const recent = { ...base, lastHeldAt: day(10), now };
    expect(atRisk({ ...recent, cancelledInARow: 1 })).toEqual({ atRisk: false, reasons: [] });
    expect(atRisk({ ...recent, cancelledInARow: 2 })).toEqual({
      atRisk: true,
      reasons: ['two-cancellations'],
    });
    expect(atRisk({ ...recent, cancelledInARow: 3 }).reasons).toEqual(['two-cancellations']);
    for (const status of ['paused', 'completed', 'dissolved', 'proposed'] as const)
      expect(atRisk({ ...recent, status, cancelledInARow: 2 }).atRisk).toBe(false);
  });

  it('never flags a pair that has not started and has no feedback', () => {
    expect(atRisk({ ...base, startedOn: null, now: day(400) }).atRisk).toBe(false);
  });
});

describe('cancelledInARow', () => {
  const held = (at: string) => ({ status: 'held' as const, occurredAt: at, scheduledAt: null });
  const cancelled = (at: string | null) => ({
    status: 'cancelled' as const,
    occurredAt: null,
    scheduledAt: at,
  });

  it('counts the cancellations after the latest held session, by date and not by the order given', () => {
    expect(
      cancelledInARow([
        cancelled('2026-03-02T10:00:00Z'),
        held('2026-02-02T10:00:00Z'),
        cancelled('2026-02-16T10:00:00Z'),
      ]),
    ).toBe(2);
    expect(cancelledInARow([cancelled('2026-02-16T10:00:00Z'), held('2026-03-02T10:00:00Z')])).toBe(0);
    expect(cancelledInARow([cancelled('2026-02-16T10:00:00Z'), cancelled('2026-03-02T10:00:00Z')])).toBe(2);
  });

  it('lets neither a planned or missed session nor an undated one break or lengthen a run', () => {
    expect(
      cancelledInARow([
        held('2026-02-02T10:00:00Z'),
        cancelled('2026-02-16T10:00:00Z'),
        { status: 'missed', occurredAt: null, scheduledAt: '2026-02-23T10:00:00Z' },
        { status: 'planned', occurredAt: null, scheduledAt: '2026-03-09T10:00:00Z' },
        cancelled(null),
        cancelled('2026-03-02T10:00:00Z'),
      ]),
    ).toBe(2);
    expect(cancelledInARow([])).toBe(0);
  });
});

describe('goalCompletion', () => {
  it('is achieved over all goals but dropped ones', () => {
    const goals = [
      { status: 'achieved' },
      { status: 'achieved' },
      { status: 'in-progress' },
      { status: 'dropped' },
      { status: 'open' },
    ] as const;
    expect(goalCompletion(goals)).toBe(0.5);
  });

  it('is null when there is nothing to complete', () => {
    expect(goalCompletion([])).toBeNull();
    expect(goalCompletion([{ status: 'dropped' }])).toBeNull();
  });

  it('stays within [0, 1] for any set of goals', () => {
    const status = fc.constantFrom('open', 'in-progress', 'achieved', 'dropped' as const);
    fc.assert(
      fc.property(fc.array(fc.record({ status })), (goals) => {
        const completion = goalCompletion(goals);
        if (completion !== null) {
          expect(completion).toBeGreaterThanOrEqual(0);
          expect(completion).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
