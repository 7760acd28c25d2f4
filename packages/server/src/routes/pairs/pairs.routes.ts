import { createRoute, z } from '@hono/zod-openapi';
import {
  idOf,
  instantSchema,
  listOf,
  pairCreateSchema,
  pairListQuerySchema,
  pairProgressSchema,
  pairSchema,
  pairUpdateSchema,
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

const Pair = pairSchema.meta({ id: 'Pair' });
const tags = ['Pairs'];
const pairParams = pathId('pairId', idOf('pair'));

export const listPairsRoute = createRoute({
  method: 'get',
  path: '/v1/pairs',
  tags,
  summary: 'Pairs you may see',
  description: 'An admin sees every pair of the organisation; a mentor or mentee sees their own.',
  request: {
    query: pairListQuerySchema,
  },
  responses: { 200: jsonResponse(listOf(Pair).meta({ id: 'PairList' }), 'One page'), ...errorResponses() },
});

export const createPairRoute = createRoute({
  method: 'post',
  path: '/v1/programs/{programId}/pairs',
  tags,
  summary: 'Pair a mentor (junior) with a mentee (senior)',
  description: 'Admins only. Never within one reporting line.',
  request: {
    params: pathId('programId', idOf('program')),
    headers: idempotencyHeaders,
    body: jsonBody(pairCreateSchema.meta({ id: 'PairCreate' })),
  },
  responses: { 201: jsonResponse(Pair, 'The new pair'), ...bodyErrorResponses(403, 404, 409, 422) },
});

export const getPairRoute = createRoute({
  method: 'get',
  path: '/v1/pairs/{pairId}',
  tags,
  summary: 'One pair',
  request: { params: pairParams },
  responses: { 200: jsonResponse(Pair, 'The pair'), ...errorResponses(404) },
});

export const updatePairRoute = createRoute({
  method: 'patch',
  path: '/v1/pairs/{pairId}',
  tags,
  summary: "Change a pair's status, topics or dates",
  description: 'Admins only. Activating sets startedOn, completing or dissolving sets endedOn, unless given.',
  request: {
    params: pairParams,
    headers: ifMatchHeaders,
    body: jsonBody(pairUpdateSchema.meta({ id: 'PairUpdate' })),
  },
  responses: { 200: jsonResponse(Pair, 'The changed pair'), ...bodyErrorResponses(403, 404, 409, 412, 422) },
});

export const deletePairRoute = createRoute({
  method: 'delete',
  path: '/v1/pairs/{pairId}',
  tags,
  summary: 'Remove a pair',
  description: 'Admins only. Kept in storage with its history, gone from every list and read.',
  request: { params: pairParams, headers: ifMatchHeaders },
  responses: { 204: { description: 'Removed' }, ...errorResponses(403, 404, 409, 412, 422) },
});

export const acceptCharterRoute = createRoute({
  method: 'post',
  path: '/v1/pairs/{pairId}/charter-acceptance',
  tags,
  summary: 'Accept the pair charter, for your own side',
  request: { params: pairParams, headers: idempotencyHeaders },
  responses: { 200: jsonResponse(Pair, 'The pair, with your acceptance'), ...errorResponses(404, 409, 422) },
});

export const pairProgressRoute = createRoute({
  method: 'get',
  path: '/v1/pairs/{pairId}/progress',
  tags,
  summary: "A pair's progress: sessions held vs expected, goals, at-risk",
  request: {
    params: pairParams,
    query: z.object({
      at: instantSchema.optional().describe('Compute as of this instant (default: now)'),
    }),
  },
  responses: {
    200: jsonResponse(pairProgressSchema.meta({ id: 'PairProgress' }), 'Progress'),
    ...errorResponses(404),
  },
});
