import { idOf } from '../ids.js';
import { z } from '../zod.js';
import { pageQuerySchema, storedFields } from './common.js';
import { pairRoleSchema } from './enrollment.js';
import { pairSchema } from './pair.js';
import { personSchema } from './person.js';
import { reasonSchema } from './reason.js';

const mentorId = idOf('person').describe('The mentor (junior, teaches)');
const menteeId = idOf('person').describe('The mentee (senior, learns)');

function differentPeople(pair: { mentorId: string; menteeId: string }) {
  return pair.mentorId !== pair.menteeId;
}
const samePerson = { path: ['menteeId'], message: 'A person cannot mentor themselves' };

export const matchConstraintKindSchema = z
  .enum(['pin', 'ban'])
  .describe('pin: propose these two together whenever the rules allow; ban: never propose them');
export type MatchConstraintKind = z.infer<typeof matchConstraintKindSchema>;

/** An admin's word on one mentor and one mentee of a program, which matching obeys. */
export const matchConstraintSchema = z
  .strictObject({
    id: idOf('matchConstraint'),
    orgId: idOf('organization'),
    programId: idOf('program'),
    mentorId,
    menteeId,
    kind: matchConstraintKindSchema,
    ...storedFields,
  })
  .describe("An admin's pin or ban on one mentor and one mentee, for matching");
export type MatchConstraint = z.infer<typeof matchConstraintSchema>;

export const matchConstraintCreateSchema = z
  .strictObject({ mentorId, menteeId, kind: matchConstraintKindSchema })
  .refine(differentPeople, samePerson);
export type MatchConstraintCreate = z.input<typeof matchConstraintCreateSchema>;

export const matchConstraintListQuerySchema = pageQuerySchema.extend({
  kind: matchConstraintKindSchema.optional(),
});
export type MatchConstraintListQuery = z.input<typeof matchConstraintListQuerySchema>;

const score = z.number().min(0).max(1);

export const matchProposalSchema = z
  .strictObject({
    mentorId,
    menteeId,
    score: score.describe('0-1: the weighted mean of the parts of the score'),
    reasons: z.array(reasonSchema).describe('Why, in words'),
    pinned: z.boolean().describe('Proposed because an admin pinned it'),
  })
  .describe('A mentor and a mentee that matching proposes to pair');
export type MatchProposalEntry = z.infer<typeof matchProposalSchema>;

/**
 * What matching proposes for a program, computed afresh on each request and stored
 * nowhere: the proposals, how fair they are, who is left out and why, and the pins that
 * could not be kept; with the names of everyone named, so a board needs no other request.
 */
export const matchProposalSetSchema = z
  .strictObject({
    programId: idOf('program'),
    proposals: z.array(matchProposalSchema).describe('Sorted by mentee id'),
    fairness: z
      .strictObject({
        total: z.number().min(0).describe('The sum of the proposals’ scores: what matching maximises'),
        mean: score,
        minimum: score.describe('The lowest score of a proposal: how well the worst-served pair fares'),
      })
      .describe('Over the proposals’ scores; all 0 with no proposal'),
    unmatched: z
      .array(
        z.strictObject({
          personId: idOf('person'),
          role: pairRoleSchema,
          reasons: z.array(reasonSchema),
        }),
      )
      .describe('Candidates left without a proposal, and why'),
    conflicts: z
      .array(z.strictObject({ mentorId, menteeId, reason: reasonSchema }))
      .describe('Pins that could not be kept, and why'),
    people: z
      .array(personSchema.pick({ id: true, displayName: true, title: true, department: true }))
      .describe('Everyone named above, once each'),
  })
  .describe("Matching's proposals for a program: nothing is stored until they are published");
export type MatchProposalSet = z.infer<typeof matchProposalSetSchema>;

export const MAX_PUBLISHED_PAIRS = 500;

/** The proposals an admin publishes: each becomes a proposed pair, all or none. */
export const matchPublishSchema = z.strictObject({
  pairs: z
    .array(z.strictObject({ mentorId, menteeId }).refine(differentPeople, samePerson))
    .min(1)
    .max(MAX_PUBLISHED_PAIRS)
    .describe('Each checked as a pair made by hand, without override; one that breaks a rule stops them all'),
});
export type MatchPublish = z.infer<typeof matchPublishSchema>;

/** The pairs a publish made, in the order given. */
export const pairBatchSchema = z
  .strictObject({ items: z.array(pairSchema) })
  .describe('The pairs made, in the order given');
export type PairBatch = z.infer<typeof pairBatchSchema>;
