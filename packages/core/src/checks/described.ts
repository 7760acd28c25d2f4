import { instantSchema } from '../schemas/common.js';
import { feedbackCreateSchema } from '../schemas/feedback.js';
import { sessionCreateSchema } from '../schemas/session.js';
import type { Shape } from './check.js';
import { describe } from './describe.js';

/** The one custom check a schema has of its own (its refine or superRefine). */
function ownCheck(schema: { _zod: { def: { checks?: unknown[] } } }): unknown {
  const checks = schema._zod.def.checks ?? [];
  if (checks.length !== 1) throw new Error(`Expected one check of its own, found ${checks.length}`);
  return checks[0];
}

/** The names ./shapes.ts gives core's custom checks; the browser's checks run them by these names. */
const RULES = new Map<unknown, string>([
  [ownCheck(instantSchema), 'storableInstant'],
  [ownCheck(sessionCreateSchema), 'sessionTiming'],
  [ownCheck(feedbackCreateSchema), 'feedbackTarget'],
]);

/** The shapes the browser checks forms with, as core's zod schemas have them now (see ./shapes.ts). */
export function describedShapes(): Record<'SESSION_CREATE' | 'FEEDBACK_CREATE', Shape> {
  return {
    SESSION_CREATE: describe(sessionCreateSchema, RULES),
    FEEDBACK_CREATE: describe(feedbackCreateSchema, RULES),
  };
}
