import { createRoute } from '@hono/zod-openapi';
import {
  idOf,
  listOf,
  pageQuerySchema,
  privateNoteCreateSchema,
  privateNoteSchema,
  privateNoteUpdateSchema,
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

const PrivateNote = privateNoteSchema.meta({ id: 'PrivateNote' });
const tags = ['Private notes'];
const sessionParams = pathId('sessionId', idOf('session'));
const noteParams = pathId('noteId', idOf('privateNote'));

export const createNoteRoute = createRoute({
  method: 'post',
  path: '/v1/sessions/{sessionId}/notes',
  tags,
  summary: 'Write a private note on a session',
  description: 'Either person of the pair may write one; only its author can ever read it back.',
  request: {
    params: sessionParams,
    headers: idempotencyHeaders,
    body: jsonBody(privateNoteCreateSchema.meta({ id: 'PrivateNoteCreate' })),
  },
  responses: { 201: jsonResponse(PrivateNote, 'The new note'), ...bodyErrorResponses(404, 409, 413, 422) },
});

export const listNotesRoute = createRoute({
  method: 'get',
  path: '/v1/sessions/{sessionId}/notes',
  tags,
  summary: 'Your own private notes on a session, oldest first',
  description: "Never the partner's notes: those are theirs alone.",
  request: { params: sessionParams, query: pageQuerySchema },
  responses: {
    200: jsonResponse(listOf(PrivateNote).meta({ id: 'PrivateNoteList' }), 'One page'),
    ...errorResponses(404),
  },
});

export const getNoteRoute = createRoute({
  method: 'get',
  path: '/v1/notes/{noteId}',
  tags,
  summary: 'One of your private notes',
  description: 'Anyone but the author, admins included, gets 404 as if the note did not exist.',
  request: { params: noteParams },
  responses: { 200: jsonResponse(PrivateNote, 'The note, with its ETag'), ...errorResponses(404) },
});

export const updateNoteRoute = createRoute({
  method: 'patch',
  path: '/v1/notes/{noteId}',
  tags,
  summary: 'Rewrite one of your private notes',
  request: {
    params: noteParams,
    headers: ifMatchHeaders,
    body: jsonBody(privateNoteUpdateSchema.meta({ id: 'PrivateNoteUpdate' })),
  },
  responses: {
    200: jsonResponse(PrivateNote, 'The changed note'),
    ...bodyErrorResponses(404, 409, 412, 422),
  },
});

export const deleteNoteRoute = createRoute({
  method: 'delete',
  path: '/v1/notes/{noteId}',
  tags,
  summary: 'Delete one of your private notes for good',
  description: 'Erased from storage, not just hidden: a private note its author deletes is gone.',
  request: { params: noteParams, headers: ifMatchHeaders },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(404, 409, 412, 422) },
});
