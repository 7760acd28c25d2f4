import { FEEDBACK_KINDS, PAIR_STATUSES } from '../vocabulary.js';
import { z } from '../zod.js';
import { instantSchema } from './common.js';

const average = z.number().min(0).max(10);

export const ratingSummarySchema = z.strictObject({
  answers: z.int().min(0),
  usefulness: average,
  trust: average,
  preparation: average,
  recommend: average,
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

/**
 * Feedback figures over one set of answers. Averages appear only over groups of at least
 * `minGroupSize` answers, and the break-down by kind only when no group in it is smaller.
 */
export const feedbackFiguresSchema = z.strictObject({
  answers: z.int().min(0).describe('How many answers the released figures cover'),
  overall: ratingSummarySchema.nullable().describe('null until there are minGroupSize answers'),
  byKind: z
    .record(z.enum(FEEDBACK_KINDS), ratingSummarySchema.nullable())
    .nullable()
    .describe('null while any kind with answers has fewer than minGroupSize'),
});
export type FeedbackFigures = z.infer<typeof feedbackFiguresSchema>;

/**
 * What `GET /v1/programs/{id}/report` answers. Feedback figures are released in steps: they
 * move only once at least `minGroupSize` answers of each kind that changed were added,
 * changed or withdrawn since `releasedAt`, so no single answer can be worked out by
 * subtracting one report from another.
 */
export const programReportSchema = z
  .strictObject({
    pairs: z.strictObject({
      total: z.int().min(0),
      byStatus: z.record(z.enum(PAIR_STATUSES), z.int().min(0)),
    }),
    feedback: feedbackFiguresSchema.extend({
      minGroupSize: z.int().min(1).describe('The smallest group averaged, and the step figures move by'),
      releasedAt: instantSchema
        .nullable()
        .describe('When the figures were last released; null while too few answers came in'),
    }),
  })
  .describe("A program's aggregate report for HR");
export type ProgramReport = z.infer<typeof programReportSchema>;
