import { createRoute } from '@hono/zod-openapi';
import {
  idOf,
  listOf,
  personCreateSchema,
  personListQuerySchema,
  personSchema,
  personUpdateSchema,
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

const Person = personSchema.meta({ id: 'Person' });
const tags = ['People'];
const personParams = pathId('personId', idOf('person'));

export const listPeopleRoute = createRoute({
  method: 'get',
  path: '/v1/people',
  tags,
  summary: 'People you may see',
  description:
    'An admin sees everyone in the organisation; anyone else sees themselves and their pair partners.',
  request: {
    query: personListQuerySchema,
  },
  responses: {
    200: jsonResponse(listOf(Person).meta({ id: 'PersonList' }), 'One page'),
    ...errorResponses(),
  },
});

export const createPersonRoute = createRoute({
  method: 'post',
  path: '/v1/people',
  tags,
  summary: 'Add someone to the organisation',
  description:
    "Admins only; a service token may not add an admin (403). The email is stored in lower case and is unique in the organisation. A photoUrl must be https on a host in the organisation's settings.photoHosts (else 400 on photoUrl).",
  request: {
    headers: idempotencyHeaders,
    body: jsonBody(personCreateSchema.meta({ id: 'PersonCreate' })),
  },
  responses: { 201: jsonResponse(Person, 'The new person'), ...bodyErrorResponses(403, 409, 413, 422) },
});

export const getPersonRoute = createRoute({
  method: 'get',
  path: '/v1/people/{personId}',
  tags,
  summary: 'One person',
  description:
    'Admins read anyone; anyone else reads themselves and their pair partners. An erased person is still found by the people of their pairs and by admins, as "Former participant" (in the reader\'s language) with no identity left.',
  request: { params: personParams },
  responses: { 200: jsonResponse(Person, 'The person, with its ETag'), ...errorResponses(404) },
});

export const updatePersonRoute = createRoute({
  method: 'patch',
  path: '/v1/people/{personId}',
  tags,
  summary: 'Change a person',
  description:
    "Admins change any field, except: email and externalId only until the person first signs in (afterwards 422, for everyone) and never with a service token (403); isAdmin never with a service token (403), and never your own (422). People change their own title, locale, languages, timeZone and photoUrl; any other field is refused with 403. A photoUrl must be https on a host in the organisation's settings.photoHosts, whoever sets it (else 400 on photoUrl).",
  request: {
    params: personParams,
    headers: ifMatchHeaders,
    body: jsonBody(personUpdateSchema.meta({ id: 'PersonUpdate' })),
  },
  responses: {
    200: jsonResponse(Person, 'The changed person'),
    ...bodyErrorResponses(403, 404, 409, 412, 422),
  },
});

export const deletePersonRoute = createRoute({
  method: 'delete',
  path: '/v1/people/{personId}',
  tags,
  summary: 'Remove someone from the organisation',
  description: 'Admins only. Kept in storage for the history of their pairs; they can no longer sign in.',
  request: { params: personParams, headers: ifMatchHeaders },
  responses: { 204: { description: 'Removed' }, ...errorResponses(403, 404, 409, 412, 422) },
});
