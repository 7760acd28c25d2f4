import type { sessionCreateSchema } from '../schemas/session.js';
import type { z } from '../zod.js';
import { checker } from './check.js';
import { checkSessionTiming, isStorableInstant } from './refinements.js';
import { SESSION_CREATE } from './shapes.js';

/**
 * Core's `sessionCreateSchema` as a browser checks a session form with it: the same issues at
 * the same paths, the same defaults and trims, without zod (about 26 kB gzipped).
 */
export const sessionCreateCheck = checker<z.output<typeof sessionCreateSchema>>(SESSION_CREATE, {
  storableInstant: isStorableInstant,
  sessionTiming: checkSessionTiming,
});
