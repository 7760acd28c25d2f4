import * as z from 'zod';
import { FEEDBACK_KINDS, PAIR_STATUSES } from '../vocabulary.js';

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
 * What `GET /v1/programs/{id}/report` answers. Averages appear only over groups of at
 * least `minGroupSize` answers, and the break-down by kind only when no group in it is
 * smaller, so no single answer can be worked out by subtraction.
 */
export const programReportSchema = z
  .strictObject({
    pairs: z.strictObject({
      total: z.int().min(0),
      byStatus: z.record(z.enum(PAIR_STATUSES), z.int().min(0)),
    }),
    feedback: z.strictObject({
      minGroupSize: z.int().min(1),
      answers: z.int().min(0),
      overall: ratingSummarySchema.nullable().describe('null until there are minGroupSize answers'),
      byKind: z
        .record(z.enum(FEEDBACK_KINDS), ratingSummarySchema.nullable())
        .nullable()
        .describe('null while any kind with answers has fewer than minGroupSize'),
    }),
  })
  .describe("A program's aggregate report for HR");
export type ProgramReport = z.infer<typeof programReportSchema>;
