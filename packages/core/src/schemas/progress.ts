import { AT_RISK_REASONS } from '../vocabulary.js';
import { z } from '../zod.js';
import { instantSchema } from './common.js';

/** What `GET /v1/pairs/{id}/progress` answers: core's rules applied to one pair. */
export const pairProgressSchema = z
  .strictObject({
    sessionsHeld: z.int().min(0),
    sessionsExpected: z.int().min(0).describe('Whole cadence periods since the pair started'),
    cadenceAdherence: z.number().min(0).max(1).describe('held / expected, capped at 1'),
    goalsAchieved: z.int().min(0),
    goalsInPlay: z.int().min(0).describe('All goals except dropped ones'),
    goalCompletion: z.number().min(0).max(1).nullable().describe('achieved / in play; null with no goals'),
    lastSessionAt: instantSchema.nullable(),
    nextSessionAt: instantSchema.nullable(),
    atRisk: z.boolean(),
    atRiskReasons: z.array(z.enum(AT_RISK_REASONS)),
  })
  .describe("A pair's progress");
export type PairProgress = z.infer<typeof pairProgressSchema>;
