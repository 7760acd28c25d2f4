import { createRoute } from '@hono/zod-openapi';
import { idOf, programReportSchema } from '@rm-kit/core';
import { errorResponses, jsonResponse, pathId } from '../../http/openapi.js';

export const programReportRoute = createRoute({
  method: 'get',
  path: '/v1/programs/{programId}/report',
  tags: ['Reports'],
  summary: "A program's aggregate report for HR",
  description:
    'Admins and service tokens only. Pairs counted by status; feedback only as averages over groups of at ' +
    "least the organisation's minAggregateGroupSize answers, never one person's answer. Feedback figures " +
    'and their counts are released in steps: they stay as of `releasedAt` until at least minAggregateGroupSize ' +
    'answers of each kind that changed were added, changed or withdrawn, so two reports cannot be subtracted.',
  request: { params: pathId('programId', idOf('program')) },
  responses: {
    200: jsonResponse(programReportSchema.meta({ id: 'ProgramReport' }), 'The report'),
    ...errorResponses(403, 404),
  },
});
