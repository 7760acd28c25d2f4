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
  description:
    'Admins only. Both need an accepted enrolment of the program in those roles, and the mentor a free place, ' +
    'unless `override` (stored on the pair); refused with 422 otherwise. Never within one reporting line, across ' +
    'an admin’s ban, or within one department when the program separates them (422). A mentee is in one ' +
    'proposed, active or paused pair per program, and a mentor in at most as many as their capacity (409). ' +
    'The pair starts proposed (active only with `override`), scored by the program’s weights when both are enrolled.',
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
  description:
    'A member pauses an active pair or resumes a paused one; everything else is for admins (403). An admin ' +
    'also completes or dissolves a pair. A proposed pair becomes active only by the mentee’s consent and both ' +
    'charters, never by this (409); a completed or dissolved pair is final (409). Resuming sets startedOn, ' +
    'unless given, and resumedOn to today; completing or dissolving sets endedOn, unless given.',
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
  description:
    'Members only. The acceptance that completes a proposed pair’s consent and charters makes it active, ' +
    'started today. Refused with 409 once the pair is completed or dissolved.',
  request: { params: pairParams, headers: idempotencyHeaders },
  responses: { 200: jsonResponse(Pair, 'The pair, with your acceptance'), ...errorResponses(404, 409, 422) },
});

export const consentRoute = createRoute({
  method: 'post',
  path: '/v1/pairs/{pairId}/consent',
  tags,
  summary: 'Agree to this pair, as its mentee (senior)',
  description:
    'The mentee of the pair only (403 for its mentor). With both charters accepted, a proposed pair becomes ' +
    'active, started today. Refused with 409 once the pair is completed or dissolved.',
  request: { params: pairParams, headers: idempotencyHeaders },
  responses: {
    200: jsonResponse(Pair, 'The pair, with your consent'),
    ...errorResponses(403, 404, 409, 422),
  },
});

export const declineRoute = createRoute({
  method: 'post',
  path: '/v1/pairs/{pairId}/decline',
  tags,
  summary: 'Leave this pair, without giving a reason',
  description:
    'Either member, from a proposed, active or paused pair: it is dissolved today, and both people are back ' +
    'in the pool (their enrolments stay accepted). A no-fault exit: no reason is asked, and the other member ' +
    'never reads who left (`endedBy` is null for them). Refused with 409 once the pair is completed or dissolved.',
  request: {
    params: pairParams,
    headers: idempotencyHeaders,
    body: {
      required: false,
      description: 'Nothing, or `{}`: no reason is asked',
      content: { 'application/json': { schema: z.strictObject({}).meta({ id: 'PairDecline' }) } },
    },
  },
  responses: { 200: jsonResponse(Pair, 'The dissolved pair'), ...bodyErrorResponses(404, 409, 422) },
});

export const pairProgressRoute = createRoute({
  method: 'get',
  path: '/v1/pairs/{pairId}/progress',
  tags,
  summary: "A pair's progress: sessions held vs expected, goals, at-risk",
  description: 'A paused pair owes no sessions: it is never at risk for not meeting while paused.',
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
