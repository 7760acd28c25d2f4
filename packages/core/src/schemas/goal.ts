import { idOf } from '../ids.js';
import { topicKeySchema } from '../topics.js';
import { GOAL_STATUSES } from '../vocabulary.js';
import { z } from '../zod.js';
import { calendarDateSchema, pageQuerySchema, storedFields } from './common.js';
import { pairRoleSchema } from './enrollment.js';

export const goalStatusSchema = z.enum(GOAL_STATUSES);
export type GoalStatus = z.infer<typeof goalStatusSchema>;

/** "Where I am on this", 1 (just starting) to 5 (confident), in the goal owner's own judgement. */
export const selfAssessmentSchema = z.int().min(1).max(5).nullable();

export const MAX_COMMITMENTS = 20;

/** Something the senior (mentee) will change in how they work, towards a goal, ticked off once done. */
export const commitmentSchema = z.strictObject({
  id: z.string().min(1).max(40).describe('Stable within the goal, so a commitment can be ticked off'),
  text: z.string().trim().min(1).max(300),
  done: z.boolean(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

/** A commitment as a client sends it: the server numbers new ones. */
export const commitmentInputSchema = commitmentSchema.extend({
  id: commitmentSchema.shape.id.optional(),
  done: z.boolean().default(false),
});
export type CommitmentInput = z.input<typeof commitmentInputSchema>;

const commitmentsDescription =
  'What the mentee (senior) will change, each tracked to done; a change replaces the whole list, keeping the ids of existing ones';

const goalFields = {
  owner: pairRoleSchema.describe(
    'Whose goal it is: usually the mentee (senior) learning from the junior; "mentor" for what the junior learns back',
  ),
  title: z.string().trim().min(1).max(200),
  topic: topicKeySchema.nullable(),
  targetDate: calendarDateSchema.nullable(),
  status: goalStatusSchema,
  progress: z.int().min(0).max(100).describe('0-100, set by the pair'),
  assessmentBefore: selfAssessmentSchema.describe(
    "The goal's owner on where they stood when it was set (1-5); null until they say",
  ),
  assessmentAfter: selfAssessmentSchema.describe(
    "The goal's owner on where they stand now or at its end (1-5); null until they say",
  ),
};

/** Something one side of a pair wants to reach, e.g. "Publish my first LinkedIn article". */
export const goalSchema = z
  .strictObject({
    id: idOf('goal'),
    orgId: idOf('organization'),
    pairId: idOf('pair'),
    ...goalFields,
    commitments: z.array(commitmentSchema).max(MAX_COMMITMENTS).describe(commitmentsDescription),
    ...storedFields,
  })
  .describe('A goal of one side of a pair');
export type Goal = z.infer<typeof goalSchema>;

export const goalCreateSchema = z.strictObject({
  ...goalFields,
  owner: goalFields.owner.default('mentee'),
  topic: goalFields.topic.default(null),
  targetDate: goalFields.targetDate.default(null),
  status: goalStatusSchema.default('open'),
  progress: goalFields.progress.default(0),
  assessmentBefore: goalFields.assessmentBefore.default(null),
  assessmentAfter: goalFields.assessmentAfter.default(null),
  commitments: z
    .array(commitmentInputSchema)
    .max(MAX_COMMITMENTS)
    .default([])
    .describe(commitmentsDescription),
});
export type GoalCreate = z.input<typeof goalCreateSchema>;

export const goalUpdateSchema = z
  .strictObject({
    ...goalFields,
    commitments: z.array(commitmentInputSchema).max(MAX_COMMITMENTS).describe(commitmentsDescription),
  })
  .partial();
export type GoalUpdate = z.input<typeof goalUpdateSchema>;

/** The filters of a pair's goal list. */
export const goalListQuerySchema = pageQuerySchema.extend({ status: goalStatusSchema.optional() });
export type GoalListQuery = z.input<typeof goalListQuerySchema>;
