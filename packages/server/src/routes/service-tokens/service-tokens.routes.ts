import { createRoute } from '@hono/zod-openapi';
import {
  idOf,
  listOf,
  pageQuerySchema,
  serviceTokenCreatedSchema,
  serviceTokenCreateSchema,
  serviceTokenSchema,
} from '@rm-kit/core';
import {
  bodyErrorResponses,
  errorResponses,
  idempotencyHeaders,
  jsonBody,
  jsonResponse,
  pathId,
} from '../../http/openapi.js';

// Paths are under /v1/service-tokens, where routes/index.ts mounts the resource.
const ServiceToken = serviceTokenSchema.meta({ id: 'ServiceToken' });
const tags = ['Service tokens'];

export const createServiceTokenRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a token for a script or another server',
  description:
    'Admins only, signed in as themselves: a service token cannot make another. The answer holds the token, shown this once.',
  request: {
    headers: idempotencyHeaders,
    body: jsonBody(serviceTokenCreateSchema.meta({ id: 'ServiceTokenCreate' })),
  },
  responses: {
    201: jsonResponse(
      serviceTokenCreatedSchema.meta({ id: 'ServiceTokenCreated' }),
      'The new token, with its value',
    ),
    ...bodyErrorResponses(403, 409, 413, 422),
  },
});

export const listServiceTokensRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: "The organisation's service tokens, revoked ones included",
  description: 'Admins only, signed in as themselves. Token values are never shown again.',
  request: { query: pageQuerySchema },
  responses: {
    200: jsonResponse(listOf(ServiceToken).meta({ id: 'ServiceTokenList' }), 'One page'),
    ...errorResponses(403),
  },
});

const tokenParams = pathId('tokenId', idOf('serviceToken'));

export const getServiceTokenRoute = createRoute({
  method: 'get',
  path: '/{tokenId}',
  tags,
  summary: 'One service token, without its value',
  description: 'Admins only, signed in as themselves.',
  request: { params: tokenParams },
  responses: { 200: jsonResponse(ServiceToken, 'The token'), ...errorResponses(403, 404) },
});

export const revokeServiceTokenRoute = createRoute({
  method: 'delete',
  path: '/{tokenId}',
  tags,
  summary: 'Revoke a service token',
  description: 'Admins only, signed in as themselves. From now on the token is refused with 401.',
  request: { params: tokenParams, headers: idempotencyHeaders },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(403, 404, 409, 422) },
});
