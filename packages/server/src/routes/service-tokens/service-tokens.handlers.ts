import { OpenAPIHono } from '@hono/zod-openapi';
import { serviceTokenCreatedSchema } from '@rm-kit/core';
import { everyOperation, requireAdmin } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import { createServiceToken } from '../../auth/service-tokens.js';
import type { AppEnv } from '../../http/env.js';
import { json } from '../../http/json-answer.js';
import { forbidden } from '../../http/problem.js';
import {
  createServiceTokenRoute,
  getServiceTokenRoute,
  listServiceTokensRoute,
  revokeServiceTokenRoute,
} from './service-tokens.routes.js';
import {
  findServiceToken,
  listServiceTokens,
  revokeServiceToken,
  toServiceToken,
} from './service-tokens.store.js';

/** Tokens are managed by people, so a leaked token cannot mint fresh ones or revoke the others. */
function requirePersonAdmin(caller: Caller) {
  if (caller.kind === 'service') {
    throw forbidden('A service token cannot manage service tokens: sign in as an admin');
  }
  requireAdmin(caller, 'Only an admin can manage service tokens');
}

/** The service tokens: a resource of admins, signed in as themselves, alone. */
export function serviceTokensApp() {
  const tokens = new OpenAPIHono<AppEnv>();
  tokens.use(everyOperation(requirePersonAdmin));

  tokens.openapi(createServiceTokenRoute, async (c) => {
    const { orgId } = c.get('caller');
    const db = c.get('db');
    const { name } = c.req.valid('json');
    const { id, token } = await createServiceToken(db, orgId, name);
    const { createdAt } = await findServiceToken(db, orgId, id);
    const created = serviceTokenCreatedSchema.parse({ id, name, token, createdAt });
    c.set('shownOnce', true);
    return json(c, created, 201, { Location: `/v1/service-tokens/${id}` });
  });

  tokens.openapi(listServiceTokensRoute, async (c) => {
    return json(c, await listServiceTokens(c.get('db'), c.get('caller').orgId, c.req.valid('query')), 200);
  });

  tokens.openapi(getServiceTokenRoute, async (c) => {
    const row = await findServiceToken(c.get('db'), c.get('caller').orgId, c.req.valid('param').tokenId);
    return json(c, toServiceToken(row), 200);
  });

  tokens.openapi(revokeServiceTokenRoute, async (c) => {
    const db = c.get('db');
    await revokeServiceToken(
      db,
      await findServiceToken(db, c.get('caller').orgId, c.req.valid('param').tokenId),
    );
    return c.body(null, 204);
  });

  return tokens;
}
