import { createRoute } from '@hono/zod-openapi';
import {
  idOf,
  listOf,
  programCreateSchema,
  programListQuerySchema,
  programSchema,
  programUpdateSchema,
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

const Program = programSchema.meta({ id: 'Program' });
const tags = ['Programs'];
const programParams = pathId('programId', idOf('program'));

export const listProgramsRoute = createRoute({
  method: 'get',
  path: '/v1/programs',
  tags,
  summary: 'Programs you may see',
  description: 'An admin sees every program; anyone else sees those past their draft.',
  request: { query: programListQuerySchema },
  responses: {
    200: jsonResponse(listOf(Program).meta({ id: 'ProgramList' }), 'One page'),
    ...errorResponses(),
  },
});

export const createProgramRoute = createRoute({
  method: 'post',
  path: '/v1/programs',
  tags,
  summary: 'Start a program (a cohort)',
  description: 'Admins only. A new program is a draft, unseen by members, unless another status is given.',
  request: { headers: idempotencyHeaders, body: jsonBody(programCreateSchema.meta({ id: 'ProgramCreate' })) },
  responses: { 201: jsonResponse(Program, 'The new program'), ...bodyErrorResponses(403, 409, 413, 422) },
});

export const getProgramRoute = createRoute({
  method: 'get',
  path: '/v1/programs/{programId}',
  tags,
  summary: 'One program',
  request: { params: programParams },
  responses: { 200: jsonResponse(Program, 'The program, with its ETag'), ...errorResponses(404) },
});

export const updateProgramRoute = createRoute({
  method: 'patch',
  path: '/v1/programs/{programId}',
  tags,
  summary: 'Change a program',
  description:
    'Admins only. The status moves forward one step at a time (draft → enrolling → matching → active), or straight to closed; any other move is refused with 422.',
  request: {
    params: programParams,
    headers: ifMatchHeaders,
    body: jsonBody(programUpdateSchema.meta({ id: 'ProgramUpdate' })),
  },
  responses: {
    200: jsonResponse(Program, 'The changed program'),
    ...bodyErrorResponses(403, 404, 409, 412, 422),
  },
});

export const deleteProgramRoute = createRoute({
  method: 'delete',
  path: '/v1/programs/{programId}',
  tags,
  summary: 'Remove a program',
  description: 'Admins only. Kept in storage with its history, gone from every list and read.',
  request: { params: programParams, headers: ifMatchHeaders },
  responses: { 204: { description: 'Removed' }, ...errorResponses(403, 404, 409, 412, 422) },
});
