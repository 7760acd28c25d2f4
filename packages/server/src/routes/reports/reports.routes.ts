import { createRoute, z } from '@hono/zod-openapi';
import { exportQuerySchema, idOf, programDashboardSchema, programReportSchema } from '@rm-kit/core';
import { errorResponses, pathId } from '../../http/openapi.js';

/** A 200 answered as JSON, or as CSV with `?format=csv`. */
function jsonOrCsv<T extends z.ZodType>(schema: T, description: string, csv: string) {
  return {
    description,
    content: {
      'application/json': { schema },
      'text/csv': { schema: z.string().openapi({ description: csv }) },
    },
  } as const;
}

export const programReportRoute = createRoute({
  method: 'get',
  path: '/v1/programs/{programId}/report',
  tags: ['Reports'],
  summary: "A program's aggregate report for HR",
  description:
    'Admins and service tokens only. Pairs counted by status; feedback only as averages over groups of at ' +
    "least the organisation's minAggregateGroupSize answers, never one person's answer. Feedback figures " +
    'and their counts are released in steps: they stay as of `releasedAt` until at least minAggregateGroupSize ' +
    'answers of each kind that changed were added, changed or withdrawn, so two reports cannot be subtracted. ' +
    'With `?format=csv`, the same figures as CSV, one a line.',
  request: { params: pathId('programId', idOf('program')), query: exportQuerySchema },
  responses: {
    200: jsonOrCsv(
      programReportSchema.meta({ id: 'ProgramReport' }),
      'The report',
      'figure,group,value: one figure a line; cells that a spreadsheet would run as formulas are neutralised',
    ),
    ...errorResponses(403, 404),
  },
});

export const programDashboardRoute = createRoute({
  method: 'get',
  path: '/v1/programs/{programId}/dashboard',
  tags: ['Reports'],
  summary: "A program's dashboard for its admins",
  description:
    'Admins and service tokens only. Applications by status and role and the match rate, pairs by status, ' +
    'held and cancelled sessions per week, each pair with its sessions and why it is at risk (from its ' +
    "sessions alone: never 'low-trust', which comes from answers an admin may not read), goal completion " +
    "over the whole program (never one pair's), topics wanted, offered and covered, and the feedback " +
    'figures exactly as the report releases them. With `?format=csv`, the pairs as CSV, one a line.',
  request: { params: pathId('programId', idOf('program')), query: exportQuerySchema },
  responses: {
    200: jsonOrCsv(
      programDashboardSchema.meta({ id: 'ProgramDashboard' }),
      'The dashboard',
      'The columns of pairRows, one pair a line; cells that a spreadsheet would run as formulas are neutralised',
    ),
    ...errorResponses(403, 404),
  },
});
