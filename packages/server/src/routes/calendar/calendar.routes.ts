import { createRoute, z } from '@hono/zod-openapi';
import { CALENDAR_FEED_FILE, calendarFeedLinkSchema, calendarFeedSchema, idOf } from '@rm-kit/core';
import { errorResponses, idempotencyHeaders, jsonResponse, pathId } from '../../http/openapi.js';

const CalendarFeed = calendarFeedSchema.meta({ id: 'CalendarFeed' });
const CalendarFeedLink = calendarFeedLinkSchema.meta({ id: 'CalendarFeedLink' });
const tags = ['Calendar feeds'];
const pairParams = pathId('pairId', idOf('pair'));

const shownOnce =
  'The answer holds the link, shown this once (only a hash of it is stored); any link you had to this feed stops working.';

export const getPairFeedRoute = createRoute({
  method: 'get',
  path: '/v1/pairs/{pairId}/calendar-feed',
  tags,
  summary: "Whether you have a link to the pair's calendar feed",
  description:
    'Each of the two people of the pair has a link of their own; the link itself is never shown again.',
  request: { params: pairParams },
  responses: { 200: jsonResponse(CalendarFeed, 'Your link, without its secret'), ...errorResponses(404) },
});

export const createPairFeedRoute = createRoute({
  method: 'post',
  path: '/v1/pairs/{pairId}/calendar-feed',
  tags,
  summary: "Make a new link to the pair's calendar feed",
  description: `Only the two people of the pair. ${shownOnce}`,
  request: { params: pairParams, headers: idempotencyHeaders },
  responses: { 201: jsonResponse(CalendarFeedLink, 'The new link'), ...errorResponses(404, 409, 422) },
});

export const revokePairFeedRoute = createRoute({
  method: 'delete',
  path: '/v1/pairs/{pairId}/calendar-feed',
  tags,
  summary: "Turn off your link to the pair's calendar feed",
  description: 'From now on the link answers 404. Turning off a link you do not have does nothing.',
  request: { params: pairParams, headers: idempotencyHeaders },
  responses: { 204: { description: 'Turned off' }, ...errorResponses(404, 409, 422) },
});

const personOnly = 'People only: a service token is nobody, and has no sessions of its own (403).';

export const getMyFeedRoute = createRoute({
  method: 'get',
  path: '/v1/me/calendar-feed',
  tags,
  summary: 'Whether you have a link to your own calendar feed (all your sessions)',
  description: personOnly,
  request: {},
  responses: { 200: jsonResponse(CalendarFeed, 'Your link, without its secret'), ...errorResponses(403) },
});

export const createMyFeedRoute = createRoute({
  method: 'post',
  path: '/v1/me/calendar-feed',
  tags,
  summary: 'Make a new link to your own calendar feed (all your sessions)',
  description: `${personOnly} ${shownOnce}`,
  request: { headers: idempotencyHeaders },
  responses: { 201: jsonResponse(CalendarFeedLink, 'The new link'), ...errorResponses(403, 409, 422) },
});

export const revokeMyFeedRoute = createRoute({
  method: 'delete',
  path: '/v1/me/calendar-feed',
  tags,
  summary: 'Turn off your link to your own calendar feed',
  description: `${personOnly} From now on the link answers 404.`,
  request: { headers: idempotencyHeaders },
  responses: { 204: { description: 'Turned off' }, ...errorResponses(403, 409, 422) },
});

// A token is neither needed nor read here, so none can be refused (no 401).
const { 401: _unauthorized, ...withoutTokenErrors } = errorResponses(404);

export const getFeedRoute = createRoute({
  method: 'get',
  path: '/v1/calendar/{feed}',
  tags,
  summary: 'A calendar feed (iCalendar), for calendar apps to subscribe to',
  description:
    'Public by design: calendar apps send no token, so the secret in the path is the credential. A link turned off, replaced or never made answers the same 404. Sessions only: when, how long and with whom, cancelled ones marked so; never a summary, note or feedback. Rate-limited per client address.',
  security: [],
  request: {
    params: z.object({
      feed: z
        .string()
        .regex(CALENDAR_FEED_FILE, 'A feed link ends in its secret and .ics')
        .openapi({ param: { name: 'feed', in: 'path' }, example: `${'A'.repeat(43)}.ics` }),
    }),
    headers: z.object({
      'if-none-match': z
        .string()
        .optional()
        .describe('The ETag of the copy you have: 304 if it is still current'),
    }),
  },
  responses: {
    200: {
      description: 'The feed, with its ETag',
      content: { 'text/calendar': { schema: z.string() } },
    },
    304: { description: 'The copy you have (If-None-Match) is current' },
    ...withoutTokenErrors,
  },
});
