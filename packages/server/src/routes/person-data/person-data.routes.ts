import { createRoute, z } from '@hono/zod-openapi';
import { idOf, personDataSchema, personErasureRequestSchema, personErasureSchema } from '@rm-kit/core';
import {
  bodyErrorResponses,
  errorResponses,
  idempotencyHeaders,
  jsonBody,
  pathId,
} from '../../http/openapi.js';

const PersonData = personDataSchema.meta({ id: 'PersonData' });
const tags = ['Person data'];
const personParams = pathId('personId', idOf('person'));

/** A JSON answer meant to be saved as a file: the browser offers to save it rather than show it. */
const attachment = (description: string) => ({
  description,
  headers: z.object({
    'Content-Disposition': z
      .string()
      .openapi({ example: 'attachment; filename="rm-kit-data-2026-05-04.json"' })
      .describe('attachment, with a file name carrying the day of the export'),
  }),
  content: { 'application/json': { schema: PersonData } },
});

export const exportMyDataRoute = createRoute({
  method: 'get',
  path: '/v1/me/export',
  tags,
  summary: 'Everything stored about you, as a JSON file',
  description:
    "Your profile, enrolments, pairs, your pairs' sessions and goals, your private notes and your own feedback answers; never the other person's notes or answers. A service token is nobody and has nothing of its own (403).",
  responses: { 200: attachment('Your data (scope "self")'), ...errorResponses(403) },
});

export const exportPersonDataRoute = createRoute({
  method: 'get',
  path: '/v1/people/{personId}/export',
  tags,
  summary: 'What an admin may read about a person, as a JSON file',
  description:
    "Admins and service tokens (others 403, or 404 for someone they may not see); removed and erased people too. The profile, enrolments and pairs: what an admin may read anywhere else. A person's notes, answers and their pairs' logs and goals are in their own export (GET /v1/me/export) alone, which only they can take.",
  request: { params: personParams },
  responses: { 200: attachment('The person\'s data (scope "admin")'), ...errorResponses(403, 404) },
});

export const erasePersonRoute = createRoute({
  method: 'post',
  path: '/v1/people/{personId}/erasure',
  tags,
  summary: "Erase a person: their identity goes, their pairs' history stays",
  description:
    'Admins and service tokens; not your own account (422). Removes name, email, sign-in identity, title, photo, manager and languages (the person can no longer sign in or be found), deletes their private notes, empties the free text of their answers and enrolments and unshares their answers; their pairs, sessions, goals and ratings stay under "Former participant", so released aggregates do not move. Recorded with when and by whom. Asked again: the same record, nothing more removed.',
  request: {
    params: personParams,
    headers: idempotencyHeaders,
    body: jsonBody(personErasureRequestSchema.meta({ id: 'PersonErasureRequest' })),
  },
  responses: {
    200: {
      description: 'The erasure, as recorded',
      content: { 'application/json': { schema: personErasureSchema.meta({ id: 'PersonErasure' }) } },
    },
    ...bodyErrorResponses(403, 404, 422),
  },
});
