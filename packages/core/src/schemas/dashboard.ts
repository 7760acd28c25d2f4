import { idOf } from '../ids.js';
import { topicKeySchema } from '../topics.js';
import { AT_RISK_REASONS, ENROLLMENT_STATUSES } from '../vocabulary.js';
import { z } from '../zod.js';
import { calendarDateSchema, instantSchema } from './common.js';
import { pairStatusSchema } from './pair.js';
import { programReportSchema } from './report.js';

const count = z.int().min(0);
const share = z.number().min(0).max(1);

/**
 * One pair of the program as the dashboard lists it and its CSV (and `rm-kit export
 * sessions`) writes it: sessions and risk from the pair's sessions alone, as an admin may see them.
 */
export const pairRowSchema = z
  .strictObject({
    pairId: idOf('pair'),
    mentorName: z.string().describe('The mentor (junior) by display name'),
    menteeName: z.string().describe('The mentee (senior) by display name'),
    status: pairStatusSchema,
    startedOn: calendarDateSchema.nullable(),
    sessionsHeld: count,
    sessionsCancelled: count,
    sessionsPlanned: count,
    lastHeldAt: instantSchema.nullable(),
    cancelledInARow: count.describe('Cancellations since the latest held session; 2 flags an active pair'),
    atRisk: z.boolean(),
    atRiskReasons: z
      .array(z.enum(AT_RISK_REASONS))
      .describe("Never 'low-trust' here: that comes from answers an admin may not read"),
  })
  .describe('One pair of a program, as its dashboard lists it');
export type PairRow = z.infer<typeof pairRowSchema>;

const byRole = z.strictObject({ mentor: count, mentee: count });

/**
 * What `GET /v1/programs/{id}/dashboard` answers: the program's figures for its admins.
 * Nothing in it rests on one private answer: feedback is the report's released aggregate,
 * goals are counted over the whole program, and at-risk reasons come from sessions.
 */
export const programDashboardSchema = z
  .strictObject({
    programId: idOf('program'),
    enrollment: z.strictObject({
      byStatus: z.record(z.enum(ENROLLMENT_STATUSES), byRole).describe('Applications by status and role'),
      menteesAccepted: count,
      menteesMatched: count.describe('Accepted mentees in a pair that is not dissolved'),
      matchRate: share.nullable().describe('menteesMatched / menteesAccepted; null with no accepted mentee'),
    }),
    pairs: programReportSchema.shape.pairs,
    sessionsPerWeek: z
      .array(
        z.strictObject({
          weekOf: calendarDateSchema.describe('The Monday (UTC)'),
          held: count,
          cancelled: count,
        }),
      )
      .max(26)
      .describe("From the program's start to this week, the latest 26 weeks at most"),
    pairRows: z.array(pairRowSchema),
    goals: z
      .strictObject({ achieved: count, inPlay: count, completion: share.nullable() })
      .describe("The program's goals together: achieved / (all - dropped); never one pair's"),
    topics: z
      .array(
        z.strictObject({
          key: topicKeySchema,
          labels: z.strictObject({ en: z.string(), it: z.string() }),
          wanted: count.describe('Mentees (applied or accepted) who want to learn it'),
          offered: count.describe('Mentors (applied or accepted) who offer to teach it'),
          covered: count.describe('Held sessions that covered it'),
        }),
      )
      .describe("The program's topics, and any other one asked for, offered or covered"),
    feedback: programReportSchema.shape.feedback,
  })
  .describe("A program's dashboard for its admins");
export type ProgramDashboard = z.infer<typeof programDashboardSchema>;

export const CSV_DELIMITERS = { comma: ',', semicolon: ';' } as const;

/** How a dashboard or report is answered: JSON, or CSV for a spreadsheet. */
export const exportQuerySchema = z.strictObject({
  format: z.enum(['json', 'csv']).default('json'),
  delimiter: z
    .enum(['comma', 'semicolon'])
    .default('comma')
    .describe(
      'CSV only: semicolon (and decimal commas) for spreadsheets in Italian and other such languages',
    ),
  bom: z
    .enum(['true', 'false'])
    .default('false')
    .describe('CSV only: start with a UTF-8 byte order mark, for Excel'),
});
export type ExportQuery = z.input<typeof exportQuerySchema>;
