import { createRoute, z } from '@hono/zod-openapi';
import { liveEventQuerySchema } from '@rm-kit/core';
import { errorResponses } from '../../http/openapi.js';

export const eventsRoute = createRoute({
  method: 'get',
  path: '/v1/events',
  tags: ['Live events'],
  summary: 'Live changes you may see, as Server-Sent Events',
  description: [
    'A stream of `pair.*`, `session.*`, `goal.*` and `feedback.*` events. Each event says what changed',
    '(`{ id, type, pairId, entityId, version, at }`), never its content: fetch the entity to read it, so every',
    'read goes through the same authorization. Members of a pair get its events, except that a `feedback.*`',
    'event reaches the partner only when they may read that answer (shared, and answered by them too);',
    'admins get `pair.*` events of their organisation. Reconnect with `Last-Event-ID` to receive what you missed,',
    'from any server process. `reset` says events may have been missed (the `Last-Event-ID` is unknown or older',
    'than the 24 h the server keeps events, or the server lost track of them): reload what you show. `shutdown`',
    'is the last message of a stopping process: reconnect at once with `Last-Event-ID`.',
  ].join(' '),
  request: {
    query: liveEventQuerySchema,
    headers: z.object({
      'last-event-id': z.string().max(64).optional().describe('The id of the last event received, to resume'),
    }),
  },
  responses: {
    200: {
      description: 'An endless text/event-stream',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    ...errorResponses(404),
  },
});
