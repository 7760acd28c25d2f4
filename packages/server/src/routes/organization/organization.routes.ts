import { createRoute } from '@hono/zod-openapi';
import { organizationSchema, organizationUpdateSchema } from '@rm-kit/core';
import {
  bodyErrorResponses,
  errorResponses,
  ifMatchHeaders,
  jsonBody,
  jsonResponse,
} from '../../http/openapi.js';

const Organization = organizationSchema.meta({ id: 'Organization' });
const tags = ['Organization'];

export const getOrganizationRoute = createRoute({
  method: 'get',
  path: '/v1/organization',
  tags,
  summary: 'Your organisation',
  responses: { 200: jsonResponse(Organization, 'The organisation, with its ETag'), ...errorResponses() },
});

export const updateOrganizationRoute = createRoute({
  method: 'patch',
  path: '/v1/organization',
  tags,
  summary: "Change your organisation's name, default locale or settings",
  description:
    'Admins only. `settings` is merged: settings left out keep their value. Changing `settings.photoHosts` ' +
    'clears, in the same change, every stored `photoUrl` on a host no longer listed (each such person gets a new version).',
  request: {
    headers: ifMatchHeaders,
    body: jsonBody(organizationUpdateSchema.meta({ id: 'OrganizationUpdate' })),
  },
  responses: {
    200: jsonResponse(Organization, 'The changed organisation'),
    ...bodyErrorResponses(403, 409, 412, 422),
  },
});
