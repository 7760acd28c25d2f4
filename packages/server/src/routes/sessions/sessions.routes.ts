import { createRoute } from '@hono/zod-openapi';
import {
  idOf,
  listOf,
  sessionCreateSchema,
  sessionListQuerySchema,
  sessionSchema,
  sessionUpdateSchema,
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

const Session = sessionSchema.meta({ id: 'Session' });
const tags = ['Sessions'];

export const createSessionRoute = createRoute({
  method: 'post',
  path: '/v1/pairs/{pairId}/sessions',
  tags,
  summary: 'Log a held session or plan one',
  description: 'Only the two people of the pair can write to its log.',
  request: {
    params: pathId('pairId', idOf('pair')),
    headers: idempotencyHeaders,
    body: jsonBody(sessionCreateSchema.meta({ id: 'SessionCreate' })),
  },
  responses: { 201: jsonResponse(Session, 'The new session'), ...bodyErrorResponses(404, 409, 413, 422) },
});

export const listSessionsRoute = createRoute({
  method: 'get',
  path: '/v1/pairs/{pairId}/sessions',
  tags,
  summary: "A pair's sessions, newest first",
  request: {
    params: pathId('pairId', idOf('pair')),
    query: sessionListQuerySchema,
  },
  responses: {
    200: jsonResponse(listOf(Session).meta({ id: 'SessionList' }), 'One page'),
    ...errorResponses(404),
  },
});

const sessionParams = pathId('sessionId', idOf('session'));

export const getSessionRoute = createRoute({
  method: 'get',
  path: '/v1/sessions/{sessionId}',
  tags,
  summary: 'One session',
  request: { params: sessionParams },
  responses: { 200: jsonResponse(Session, 'The session, with its ETag'), ...errorResponses(404) },
});

export const updateSessionRoute = createRoute({
  method: 'patch',
  path: '/v1/sessions/{sessionId}',
  tags,
  summary: 'Change a session',
  description:
    'Send only the fields to change. `actionItems` replaces the whole list; keep the ids of existing items.',
  request: {
    params: sessionParams,
    headers: ifMatchHeaders,
    body: jsonBody(sessionUpdateSchema.meta({ id: 'SessionUpdate' })),
  },
  responses: { 200: jsonResponse(Session, 'The changed session'), ...bodyErrorResponses(404, 409, 412, 422) },
});

export const deleteSessionRoute = createRoute({
  method: 'delete',
  path: '/v1/sessions/{sessionId}',
  tags,
  summary: 'Remove a session from the log',
  description: 'Kept in storage for history, gone from every list and read.',
  request: { params: sessionParams, headers: ifMatchHeaders },
  responses: { 204: { description: 'Removed' }, ...errorResponses(404, 409, 412, 422) },
});
