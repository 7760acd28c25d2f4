import { createRoute } from '@hono/zod-openapi';
import { meSchema } from '@rm-kit/core';
import { errorResponses, jsonResponse } from '../../http/openapi.js';

export const getMeRoute = createRoute({
  method: 'get',
  path: '/v1/me',
  tags: ['Me'],
  summary: 'Who you are: your profile, organisation, roles and pairs',
  description: 'What a widget reads first, to know what to show. For a service token, `person` is null.',
  responses: { 200: jsonResponse(meSchema.meta({ id: 'Me' }), 'You'), ...errorResponses() },
});
