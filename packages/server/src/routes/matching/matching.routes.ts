import { createRoute } from '@hono/zod-openapi';
import {
  idOf,
  listOf,
  matchConstraintCreateSchema,
  matchConstraintListQuerySchema,
  matchConstraintSchema,
  matchProposalSetSchema,
  matchPublishSchema,
  pairBatchSchema,
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

const MatchConstraint = matchConstraintSchema.meta({ id: 'MatchConstraint' });
const tags = ['Matching'];
const programParams = pathId('programId', idOf('program'));

export const listConstraintsRoute = createRoute({
  method: 'get',
  path: '/v1/programs/{programId}/match-constraints',
  tags,
  summary: "A program's pins and bans",
  description: 'Admins only.',
  request: {
    params: programParams,
    query: matchConstraintListQuerySchema,
  },
  responses: {
    200: jsonResponse(listOf(MatchConstraint).meta({ id: 'MatchConstraintList' }), 'One page'),
    ...errorResponses(403, 404),
  },
});

export const createConstraintRoute = createRoute({
  method: 'post',
  path: '/v1/programs/{programId}/match-constraints',
  tags,
  summary: 'Pin or ban a mentor (junior) and a mentee (senior) for matching',
  description:
    'Admins only. Both must be enrolled in the program in those roles (422). One pin or ban per two people ' +
    '(409). A pin the rules forbid is kept, and matching reports it among its conflicts; a ban also refuses ' +
    'pairing the two by hand.',
  request: {
    params: programParams,
    headers: idempotencyHeaders,
    body: jsonBody(matchConstraintCreateSchema.meta({ id: 'MatchConstraintCreate' })),
  },
  responses: {
    201: jsonResponse(MatchConstraint, 'The new pin or ban'),
    ...bodyErrorResponses(403, 404, 409, 422),
  },
});

export const deleteConstraintRoute = createRoute({
  method: 'delete',
  path: '/v1/match-constraints/{constraintId}',
  tags,
  summary: 'Remove a pin or ban',
  description: 'Admins only.',
  request: { params: pathId('constraintId', idOf('matchConstraint')), headers: ifMatchHeaders },
  responses: { 204: { description: 'Removed' }, ...errorResponses(403, 404, 409, 412, 422) },
});

export const proposalsRoute = createRoute({
  method: 'get',
  path: '/v1/programs/{programId}/match-proposals',
  tags,
  summary: 'Propose pairs for a program, with reasons',
  description:
    'Admins only; computed afresh, nothing is stored. Candidates are the accepted enrolments of the program ' +
    'whose person is in no proposed, active or paused pair of it (a mentor: with a place free). The assignment ' +
    'maximises the total score by the program’s weights, never within one reporting line, across a ban, or, ' +
    'when the program separates them, within one department; pins are kept first when the rules allow.',
  request: { params: programParams },
  responses: {
    200: jsonResponse(matchProposalSetSchema.meta({ id: 'MatchProposalSet' }), 'The proposals'),
    ...errorResponses(403, 404),
  },
});

export const publishRoute = createRoute({
  method: 'post',
  path: '/v1/programs/{programId}/match-proposals/publish',
  tags,
  summary: 'Publish proposals as proposed pairs',
  description:
    'Admins only. Each pair is checked as one made by hand without override, together with the others sent; ' +
    'one that breaks a rule refuses them all (409 or 422, its issue at `pairs.<i>`). Each pair starts proposed, ' +
    'with its score and reasons, and becomes active once the mentee consents and both accept the charter.',
  request: {
    params: programParams,
    headers: idempotencyHeaders,
    body: jsonBody(matchPublishSchema.meta({ id: 'MatchPublish' })),
  },
  responses: {
    201: jsonResponse(pairBatchSchema.meta({ id: 'PairBatch' }), 'The new pairs, in the order given'),
    ...bodyErrorResponses(403, 404, 409, 422),
  },
});
