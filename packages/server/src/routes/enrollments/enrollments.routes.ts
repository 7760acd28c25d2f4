import { createRoute } from '@hono/zod-openapi';
import {
  enrollmentCreateSchema,
  enrollmentListQuerySchema,
  enrollmentSchema,
  enrollmentUpdateSchema,
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

const Enrollment = enrollmentSchema.meta({ id: 'Enrollment' });
const tags = ['Enrollments'];
const programParams = pathId('programId', idOf('program'));
const enrollmentParams = pathId('enrollmentId', idOf('enrollment'));

export const createEnrollmentRoute = createRoute({
  method: 'post',
  path: '/v1/programs/{programId}/enrollments',
  tags,
  summary: 'Enrol in a program, as mentor (junior) or mentee (senior)',
  description:
    'Members enrol themselves while the program is enrolling (422 otherwise), and their enrolment starts as applied. ' +
    "Admins enrol anyone, with any status. One enrolment per person and program (409). Languages left out are the person's own.",
  request: {
    params: programParams,
    headers: idempotencyHeaders,
    body: jsonBody(enrollmentCreateSchema.meta({ id: 'EnrollmentCreate' })),
  },
  responses: {
    201: jsonResponse(Enrollment, 'The new enrolment'),
    ...bodyErrorResponses(403, 404, 409, 413, 422),
  },
});

export const listEnrollmentsRoute = createRoute({
  method: 'get',
  path: '/v1/programs/{programId}/enrollments',
  tags,
  summary: "A program's enrolments",
  description: 'An admin sees every enrolment; anyone else sees only their own.',
  request: {
    params: programParams,
    query: enrollmentListQuerySchema,
  },
  responses: {
    200: jsonResponse(listOf(Enrollment).meta({ id: 'EnrollmentList' }), 'One page'),
    ...errorResponses(404),
  },
});

export const getEnrollmentRoute = createRoute({
  method: 'get',
  path: '/v1/enrollments/{enrollmentId}',
  tags,
  summary: 'One enrolment',
  request: { params: enrollmentParams },
  responses: { 200: jsonResponse(Enrollment, 'The enrolment, with its ETag'), ...errorResponses(404) },
});

export const updateEnrollmentRoute = createRoute({
  method: 'patch',
  path: '/v1/enrollments/{enrollmentId}',
  tags,
  summary: 'Change an enrolment',
  description:
    'The enrolled person changes their topics, motivation, capacity, languages and availability, and may withdraw; ' +
    'accepting or declining is for admins. Only an accepted enrolment is a candidate for matching.',
  request: {
    params: enrollmentParams,
    headers: ifMatchHeaders,
    body: jsonBody(enrollmentUpdateSchema.meta({ id: 'EnrollmentUpdate' })),
  },
  responses: {
    200: jsonResponse(Enrollment, 'The changed enrolment'),
    ...bodyErrorResponses(403, 404, 409, 412, 422),
  },
});

export const deleteEnrollmentRoute = createRoute({
  method: 'delete',
  path: '/v1/enrollments/{enrollmentId}',
  tags,
  summary: 'Remove an enrolment',
  description: 'Admins only. The person may enrol again later. To leave a program, withdraw instead.',
  request: { params: enrollmentParams, headers: ifMatchHeaders },
  responses: { 204: { description: 'Removed' }, ...errorResponses(403, 404, 409, 412, 422) },
});
