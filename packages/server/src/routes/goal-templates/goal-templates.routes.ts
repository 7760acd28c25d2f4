import { createRoute } from '@hono/zod-openapi';
import {
  goalTemplateCreateSchema,
  goalTemplateListQuerySchema,
  goalTemplateSchema,
  goalTemplateUpdateSchema,
  idOf,
  listOf,
} from '@rm-kit/core';
import {
  bodyErrorResponses,
  errorResponses,
  idempotencyHeaders,
  ifMatchHeaders,
  jsonBody,
  jsonResponse,
  pathId,
} from '../../http/openapi.js';

const GoalTemplate = goalTemplateSchema.meta({ id: 'GoalTemplate' });
const tags = ['Goals'];
const programParams = pathId('programId', idOf('program'));
const templateParams = pathId('templateId', idOf('goalTemplate'));

export const listGoalTemplatesRoute = createRoute({
  method: 'get',
  path: '/v1/programs/{programId}/goal-templates',
  tags,
  summary: "A program's suggested goals, oldest first",
  description:
    'Anyone who may see the program: its pairs start goals of their own from these. Admins propose them, and never read the goals a pair sets.',
  request: { params: programParams, query: goalTemplateListQuerySchema },
  responses: {
    200: jsonResponse(listOf(GoalTemplate).meta({ id: 'GoalTemplateList' }), 'One page'),
    ...errorResponses(404),
  },
});

export const createGoalTemplateRoute = createRoute({
  method: 'post',
  path: '/v1/programs/{programId}/goal-templates',
  tags,
  summary: "Suggest a goal to a program's pairs",
  description:
    'Admins only. The title in at least one language; the topic must be one the program offers (422).',
  request: {
    params: programParams,
    headers: idempotencyHeaders,
    body: jsonBody(goalTemplateCreateSchema.meta({ id: 'GoalTemplateCreate' })),
  },
  responses: {
    201: jsonResponse(GoalTemplate, 'The new suggestion'),
    ...bodyErrorResponses(403, 404, 409, 413, 422),
  },
});

export const updateGoalTemplateRoute = createRoute({
  method: 'patch',
  path: '/v1/goal-templates/{templateId}',
  tags,
  summary: 'Change a suggested goal',
  description:
    'Admins only. A title changes only the languages given. Goals already started from it keep theirs.',
  request: {
    params: templateParams,
    headers: ifMatchHeaders,
    body: jsonBody(goalTemplateUpdateSchema.meta({ id: 'GoalTemplateUpdate' })),
  },
  responses: {
    200: jsonResponse(GoalTemplate, 'The changed suggestion'),
    ...bodyErrorResponses(403, 404, 409, 412, 422),
  },
});

export const deleteGoalTemplateRoute = createRoute({
  method: 'delete',
  path: '/v1/goal-templates/{templateId}',
  tags,
  summary: 'Withdraw a suggested goal',
  description: 'Admins only. Goals already started from it stay as they are.',
  request: { params: templateParams, headers: ifMatchHeaders },
  responses: { 204: { description: 'Withdrawn' }, ...errorResponses(403, 404, 409, 412, 422) },
});
