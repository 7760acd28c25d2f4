import { createRoute } from '@hono/zod-openapi';
import {
  goalCreateSchema,
  goalListQuerySchema,
  goalSchema,
  goalUpdateSchema,
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

const Goal = goalSchema.meta({ id: 'Goal' });
const tags = ['Goals'];
const pairParams = pathId('pairId', idOf('pair'));
const goalParams = pathId('goalId', idOf('goal'));

export const createGoalRoute = createRoute({
  method: 'post',
  path: '/v1/pairs/{pairId}/goals',
  tags,
  summary: 'Set a goal for one side of the pair',
  description:
    'Only the two people of the pair. The topic must be one the program offers. An achieved goal is at 100% progress.',
  request: {
    params: pairParams,
    headers: idempotencyHeaders,
    body: jsonBody(goalCreateSchema.meta({ id: 'GoalCreate' })),
  },
  responses: { 201: jsonResponse(Goal, 'The new goal'), ...bodyErrorResponses(404, 409, 413, 422) },
});

export const listGoalsRoute = createRoute({
  method: 'get',
  path: '/v1/pairs/{pairId}/goals',
  tags,
  summary: "A pair's goals, oldest first",
  request: {
    params: pairParams,
    query: goalListQuerySchema,
  },
  responses: { 200: jsonResponse(listOf(Goal).meta({ id: 'GoalList' }), 'One page'), ...errorResponses(404) },
});

export const getGoalRoute = createRoute({
  method: 'get',
  path: '/v1/goals/{goalId}',
  tags,
  summary: 'One goal',
  request: { params: goalParams },
  responses: { 200: jsonResponse(Goal, 'The goal, with its ETag'), ...errorResponses(404) },
});

export const updateGoalRoute = createRoute({
  method: 'patch',
  path: '/v1/goals/{goalId}',
  tags,
  summary: 'Change a goal or record progress',
  description: 'Send only the fields to change. Setting status to "achieved" sets progress to 100.',
  request: {
    params: goalParams,
    headers: ifMatchHeaders,
    body: jsonBody(goalUpdateSchema.meta({ id: 'GoalUpdate' })),
  },
  responses: { 200: jsonResponse(Goal, 'The changed goal'), ...bodyErrorResponses(404, 409, 412, 422) },
});

export const deleteGoalRoute = createRoute({
  method: 'delete',
  path: '/v1/goals/{goalId}',
  tags,
  summary: 'Remove a goal',
  description: 'Kept in storage for history, gone from every list and read.',
  request: { params: goalParams, headers: ifMatchHeaders },
  responses: { 204: { description: 'Removed' }, ...errorResponses(404, 409, 412, 422) },
});
