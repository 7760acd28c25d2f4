/**
 * The contract's rules that are code rather than shape: core's zod schemas run them, and so
 * do the browser's checks (./check.ts), which is why this module does without zod.
 */

/** Where a rule reports what is wrong: zod's refinement context has this method. */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}

export const INSTANT_RANGE_MESSAGE = 'Use a date between the years 1 and 9999 (in UTC)';

/** Years 0001-9999 in UTC only: beyond them an instant has no four-digit ISO form, to store and sort as text. */
export function isStorableInstant(value: string): boolean {
  const year = new Date(value).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

type SessionTiming = {
  status?: string | undefined;
  scheduledAt?: string | null | undefined;
  occurredAt?: string | null | undefined;
};

/** A held session says when it happened; a planned one says when it will. */
export function checkSessionTiming(session: SessionTiming, ctx: IssueSink) {
  if (session.status === 'held' && !session.occurredAt) {
    ctx.addIssue({
      code: 'custom',
      path: ['occurredAt'],
      message: 'A held session needs the time it took place',
    });
  }
  if (session.status === 'planned' && !session.scheduledAt) {
    ctx.addIssue({
      code: 'custom',
      path: ['scheduledAt'],
      message: 'A planned session needs a date and time',
    });
  }
}

type FeedbackTarget = { kind?: string | undefined; sessionId?: string | null | undefined };

/** Session feedback names its session; mid-point and final feedback are about the program. */
export function checkFeedbackTarget(feedback: FeedbackTarget, ctx: IssueSink) {
  if (feedback.kind === 'session' && !feedback.sessionId) {
    ctx.addIssue({ code: 'custom', path: ['sessionId'], message: 'Session feedback names its session' });
  }
  if (feedback.kind && feedback.kind !== 'session' && feedback.sessionId) {
    ctx.addIssue({
      code: 'custom',
      path: ['sessionId'],
      message: 'Mid-point and final feedback are about the program, not one session',
    });
  }
}
