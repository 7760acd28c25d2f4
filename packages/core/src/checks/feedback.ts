import type { feedbackCreateSchema } from '../schemas/feedback.js';
import type { z } from '../zod.js';
import { checker } from './check.js';
import { checkFeedbackTarget, isStorableInstant } from './refinements.js';
import { FEEDBACK_CREATE } from './shapes.js';

/**
 * Core's `feedbackCreateSchema` as a browser checks the feedback form with it: the same
 * issues at the same paths and the same defaults, without zod (about 26 kB gzipped).
 */
export const feedbackCreateCheck = checker<z.output<typeof feedbackCreateSchema>>(FEEDBACK_CREATE, {
  storableInstant: isStorableInstant,
  feedbackTarget: checkFeedbackTarget,
});
