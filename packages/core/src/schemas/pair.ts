import { idOf } from '../ids.js';
import { topicKeySchema } from '../topics.js';
import { PAIR_STATUSES } from '../vocabulary.js';
import { z } from '../zod.js';
import { calendarDateSchema, instantSchema, pageQuerySchema, storedFields } from './common.js';
import { reasonSchema } from './reason.js';

export const pairStatusSchema = z.enum(PAIR_STATUSES);
export type PairStatus = z.infer<typeof pairStatusSchema>;

/** Who changes a pair: one of its two members, or an admin of the program. */
export const pairActorSchema = z.enum(['mentor', 'mentee', 'admin']);
export type PairActor = z.infer<typeof pairActorSchema>;

export const charterAcceptanceSchema = z
  .strictObject({
    mentor: instantSchema.nullable().describe('When the mentor (junior) accepted the charter'),
    mentee: instantSchema.nullable().describe('When the mentee (senior) accepted the charter'),
  })
  .describe('Each side accepts the program charter separately; trust needs both');

/** One mentor and one mentee in a program. */
export const pairSchema = z
  .strictObject({
    id: idOf('pair'),
    orgId: idOf('organization'),
    programId: idOf('program'),
    mentorId: idOf('person').describe('The junior who teaches (usually early career)'),
    menteeId: idOf('person').describe('The senior who learns (usually senior or executive)'),
    status: pairStatusSchema,
    topics: z.array(topicKeySchema).max(20).describe('What this pair works on'),
    matchScore: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe("0-1, by the program's matching weights; null when either side holds no enrolment to score"),
    matchReasons: z.array(reasonSchema).max(10).describe('Why they were matched, in words'),
    menteeConsentedAt: instantSchema
      .nullable()
      .describe('When the mentee (senior) agreed to this pair; a proposed pair starts only with it'),
    charterAcceptedAt: charterAcceptanceSchema,
    override: z
      .boolean()
      .describe('Made by an admin outside the enrolment and capacity rules, and recorded as such'),
    startedOn: calendarDateSchema.nullable().describe('The day the pair became active'),
    resumedOn: calendarDateSchema
      .nullable()
      .describe('The day the pair last resumed after a pause; null if never paused'),
    endedOn: calendarDateSchema.nullable(),
    endedBy: pairActorSchema
      .nullable()
      .describe(
        'Who ended it. Shown only to admins and to the one who ended it; the other member reads null (a no-fault exit)',
      ),
    ...storedFields,
  })
  .refine((pair) => pair.mentorId !== pair.menteeId, {
    path: ['menteeId'],
    message: 'A person cannot mentor themselves',
  })
  .describe('A mentor (junior) and a mentee (senior) in one program');
export type Pair = z.infer<typeof pairSchema>;

export const pairCreateSchema = z
  .strictObject({
    mentorId: idOf('person'),
    menteeId: idOf('person'),
    topics: z.array(topicKeySchema).max(20).default([]),
    status: z
      .enum(['proposed', 'active'])
      .default('proposed')
      .describe(
        'A new pair is proposed until the mentee consents and both accept the charter; only an override records one as active already',
      ),
    startedOn: calendarDateSchema.nullable().default(null),
    override: z
      .boolean()
      .default(false)
      .describe(
        'Pair people outside the enrolment and capacity rules (never across a reporting line); stored on the pair',
      ),
  })
  .refine((pair) => pair.mentorId !== pair.menteeId, {
    path: ['menteeId'],
    message: 'A person cannot mentor themselves',
  });
export type PairCreate = z.input<typeof pairCreateSchema>;

export const pairUpdateSchema = z
  .strictObject({
    status: pairStatusSchema,
    topics: z.array(topicKeySchema).max(20),
    startedOn: calendarDateSchema.nullable(),
    endedOn: calendarDateSchema.nullable(),
  })
  .partial();
export type PairUpdate = z.infer<typeof pairUpdateSchema>;

/** The filters of the pair list. */
export const pairListQuerySchema = pageQuerySchema.extend({
  programId: idOf('program').optional(),
  status: pairStatusSchema.optional(),
  personId: idOf('person').optional().describe('Only pairs this person is in, on either side'),
  atRisk: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      "Only pairs at risk (true) or not (false), as an admin sees it: from sessions alone, never 'low-trust'",
    ),
});
export type PairListQuery = z.input<typeof pairListQuerySchema>;
