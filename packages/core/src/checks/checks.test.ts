import { expect, it, describe as suite } from 'vitest';
import { feedbackCreateSchema } from '../schemas/feedback.js';
import { sessionCreateSchema } from '../schemas/session.js';
import { describedShapes } from './described.js';
import { feedbackCreateCheck } from './feedback.js';
import { sessionCreateCheck } from './session.js';
import { FEEDBACK_CREATE, SESSION_CREATE } from './shapes.js';

const at = '2026-03-02T09:30:00Z';
const ses = 'ses_01JD0000000000000000000000';
const long = (n: number) => 'x'.repeat(n);

/** What a form sees of a check: whether it passed, the value it sends, the issues where they are. */
type Verdict =
  | { success: true; data: unknown }
  | { success: false; error: { issues: readonly { code: string; path: PropertyKey[]; message: string }[] } };

function verdict(result: Verdict) {
  if (result.success) return { data: result.data };
  return { issues: result.error.issues.map(({ code, path, message }) => ({ code, path, message })) };
}

suite("the browser's checks", () => {
  it('are described from the zod schemas as they are now (else run scripts/core-checks.mjs)', () => {
    expect(describedShapes()).toEqual({ SESSION_CREATE, FEEDBACK_CREATE });
  });

  const sessions: unknown[] = [
    {},
    { status: 'held' },
    { status: 'held', occurredAt: at },
    { status: 'planned' },
    { status: 'planned', scheduledAt: at, occurredAt: null },
    { status: 'held', occurredAt: 'yesterday' },
    { status: 'held', occurredAt: '0000-06-01T10:00:00Z' },
    { status: 'held', occurredAt: '2026-03-02T09:30:00' },
    { status: 'held', occurredAt: at, durationMinutes: 0 },
    { status: 'held', occurredAt: at, durationMinutes: 2.5 },
    { status: 'held', occurredAt: at, durationMinutes: '30' },
    { status: 'held', occurredAt: at, durationMinutes: Number.POSITIVE_INFINITY },
    { status: 'held', occurredAt: at, durationMinutes: Number.NaN },
    { status: 'held', occurredAt: at, durationMinutes: 2 ** 60 },
    { status: 'held', occurredAt: at, durationMinutes: -(2 ** 60) },
    { status: 'held', occurredAt: at, durationMinutes: 481, format: 'fax' },
    { status: 'sometime', occurredAt: at },
    { status: 'held', occurredAt: at, topics: ['Bad Topic', 'ai-tools', 7] },
    { status: 'held', occurredAt: at, topics: Array.from({ length: 21 }, (_, i) => `t${i}`) },
    { status: 'held', occurredAt: at, topics: 'ai-tools' },
    { status: 'held', occurredAt: at, summary: long(10001) },
    { status: 'cancelled', cancellationReason: '  ill  ' },
    { status: 'cancelled', cancellationReason: ` ${long(1000)} ` },
    { status: 'cancelled', cancellationReason: long(1001) },
    { status: 'held', occurredAt: at, actionItems: [{ text: '  ', owner: 'mentee' }] },
    {
      status: 'held',
      actionItems: [
        { text: ' Try it ', owner: 'mentor' },
        { text: 'b', owner: 'boss' },
      ],
    },
    { status: 'held', occurredAt: at, actionItems: [{ id: '', text: 'a', owner: 'mentor', done: 'no' }] },
    { status: 'held', occurredAt: at, actionItems: [{ text: 'a', owner: 'mentor', extra: 1 }] },
    { status: 'held', occurredAt: at, actionItems: Array.from({ length: 31 }, () => ({ text: 'a' })) },
    { status: 'held', occurredAt: at, actionItems: 'none' },
    { status: 'held', occurredAt: at, orgId: 'org_1', id: 'x' },
    { status: 'planned', scheduledAt: null, occurredAt: at, format: 'video', summary: 'Fine' },
    null,
    [],
    'session',
  ];

  it('check a session form as core’s sessionCreateSchema does', () => {
    for (const body of sessions) {
      expect(verdict(sessionCreateCheck.safeParse(body)), JSON.stringify(body)).toEqual(
        verdict(sessionCreateSchema.safeParse(body)),
      );
    }
  });

  const ratings = { usefulness: 4, trust: 5, preparation: 3 };
  const feedback: unknown[] = [
    {},
    { kind: 'session', sessionId: ses, ratings, recommend: 9 },
    { kind: 'session', ratings, recommend: 9 },
    { kind: 'midpoint', sessionId: ses, ratings, recommend: 9 },
    { kind: 'final', ratings, recommend: 9, learned: 'a', improve: 'b', shareWithPartner: true },
    { kind: 'final', ratings: { usefulness: 0, trust: 6, preparation: 2.5 }, recommend: 11 },
    { kind: 'final', ratings: { usefulness: 1 }, recommend: -1 },
    { kind: 'final', ratings: { ...ratings, joy: 5 }, recommend: 2.5 },
    { kind: 'final', ratings: null, recommend: null },
    { kind: 'final', ratings, recommend: 5, learned: long(4001), improve: long(4000) },
    { kind: 'session', sessionId: 'ses_nope', ratings, recommend: 5 },
    { kind: 'session', sessionId: ses, ratings, recommend: 5, shareWithPartner: 'yes' },
    { kind: 'weekly', ratings, recommend: 5 },
    { kind: 'final', ratings, recommend: 5, pairId: 'par_1' },
  ];

  it('check a feedback form as core’s feedbackCreateSchema does', () => {
    for (const body of feedback) {
      expect(verdict(feedbackCreateCheck.safeParse(body)), JSON.stringify(body)).toEqual(
        verdict(feedbackCreateSchema.safeParse(body)),
      );
    }
  });

  it('give each parse its own default lists', () => {
    const first = sessionCreateCheck.parse({ status: 'cancelled' });
    first.topics.push('ai-tools');
    expect(sessionCreateCheck.parse({ status: 'cancelled' }).topics).toEqual([]);
  });

  it('refuse in parse what safeParse reports', () => {
    expect(() => sessionCreateCheck.parse({ status: 'held' })).toThrow(
      'A held session needs the time it took place',
    );
  });
});
