import { createRoute } from '@hono/zod-openapi';
import {
  feedbackCreateSchema,
  feedbackListQuerySchema,
  feedbackSchema,
  feedbackUpdateSchema,
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

const Feedback = feedbackSchema.meta({ id: 'Feedback' });
const tags = ['Feedback'];
const pairParams = pathId('pairId', idOf('pair'));
const feedbackParams = pathId('feedbackId', idOf('feedback'));

export const createFeedbackRoute = createRoute({
  method: 'post',
  path: '/v1/pairs/{pairId}/feedback',
  tags,
  summary: 'Answer the feedback for a session, the mid-point or the end',
  description:
    'Only the two people of the pair, one answer each per session (or per mid-point and final). ' +
    'The answer is yours: the partner reads it only if you share it and they have answered the same too; ' +
    'admins only ever see aggregates.',
  request: {
    params: pairParams,
    headers: idempotencyHeaders,
    body: jsonBody(feedbackCreateSchema.meta({ id: 'FeedbackCreate' })),
  },
  responses: { 201: jsonResponse(Feedback, 'Your answer'), ...bodyErrorResponses(404, 409, 422) },
});

export const listFeedbackRoute = createRoute({
  method: 'get',
  path: '/v1/pairs/{pairId}/feedback',
  tags,
  summary: 'The feedback of a pair that you may read, oldest first',
  description:
    "Your own answers, and the partner's answers they shared about something you have answered too.",
  request: {
    params: pairParams,
    query: feedbackListQuerySchema,
  },
  responses: {
    200: jsonResponse(listOf(Feedback).meta({ id: 'FeedbackList' }), 'One page'),
    ...errorResponses(404),
  },
});

export const getFeedbackRoute = createRoute({
  method: 'get',
  path: '/v1/feedback/{feedbackId}',
  tags,
  summary: 'One answer',
  description:
    'Its author, or the partner once it is shared and they have answered the same; 404 for anyone else.',
  request: { params: feedbackParams },
  responses: { 200: jsonResponse(Feedback, 'The answer, with its ETag'), ...errorResponses(404) },
});

export const updateFeedbackRoute = createRoute({
  method: 'patch',
  path: '/v1/feedback/{feedbackId}',
  tags,
  summary: 'Change your answer, or whether your partner may read it',
  description: 'Its author only: a partner who may read it gets 403.',
  request: {
    params: feedbackParams,
    headers: ifMatchHeaders,
    body: jsonBody(feedbackUpdateSchema.meta({ id: 'FeedbackUpdate' })),
  },
  responses: {
    200: jsonResponse(Feedback, 'The changed answer'),
    ...bodyErrorResponses(403, 404, 409, 412, 422),
  },
});

export const deleteFeedbackRoute = createRoute({
  method: 'delete',
  path: '/v1/feedback/{feedbackId}',
  tags,
  summary: 'Withdraw your answer',
  description: 'Its author only. Erased from storage, and from every aggregate.',
  request: { params: feedbackParams, headers: ifMatchHeaders },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(403, 404, 409, 412, 422) },
});
