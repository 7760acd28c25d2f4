import { idOf } from '../ids.js';
import { topicKeySchema } from '../topics.js';
import { GOAL_STATUSES } from '../vocabulary.js';
import { z } from '../zod.js';
import { calendarDateSchema, pageQuerySchema, storedFields } from './common.js';
import { pairRoleSchema } from './enrollment.js';

export const goalStatusSchema = z.enum(GOAL_STATUSES);
export type GoalStatus = z.infer<typeof goalStatusSchema>;

const goalFields = {
  owner: pairRoleSchema.describe(
    'Whose goal it is: usually the mentee (senior) learning from the junior; "mentor" for what the junior learns back',
  ),
  title: z.string().trim().min(1).max(200),
  topic: topicKeySchema.nullable(),
  targetDate: calendarDateSchema.nullable(),
  status: goalStatusSchema,
  progress: z.int().min(0).max(100).describe('0-100, set by the pair'),
};

/** Something one side of a pair wants to reach, e.g. "Publish my first LinkedIn article". */
export const goalSchema = z
  .strictObject({
    id: idOf('goal'),
    orgId: idOf('organization'),
    pairId: idOf('pair'),
    ...goalFields,
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
});
export type GoalCreate = z.input<typeof goalCreateSchema>;

export const goalUpdateSchema = z.strictObject(goalFields).partial();
export type GoalUpdate = z.infer<typeof goalUpdateSchema>;

/** The filters of a pair's goal list. */
export const goalListQuerySchema = pageQuerySchema.extend({ status: goalStatusSchema.optional() });
export type GoalListQuery = z.input<typeof goalListQuerySchema>;
