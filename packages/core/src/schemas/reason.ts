import { z } from '../zod.js';

/** Why, in words, in every locale of the kit: a match's reasons, a person left unmatched, a pin dropped. */
export const reasonSchema = z
  .strictObject({ en: z.string().min(1).max(500), it: z.string().min(1).max(500) })
  .describe('One reason, in English and in Italian');
export type ReasonText = z.infer<typeof reasonSchema>;
