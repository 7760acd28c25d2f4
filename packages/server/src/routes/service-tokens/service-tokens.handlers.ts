import type { OpenAPIHono } from '@hono/zod-openapi';
import { serviceTokenCreatedSchema } from '@rm-kit/core';
import { requireAdmin } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import { createServiceToken } from '../../auth/service-tokens.js';
import { nowIso } from '../../db/json.js';
import type { AppEnv } from '../../http/env.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { forbidden } from '../../http/problem.js';
import {
  createServiceTokenRoute,
  getServiceTokenRoute,
  listServiceTokensRoute,
  revokeServiceTokenRoute,
} from './service-tokens.routes.js';
import { findServiceToken, toServiceToken } from './service-tokens.store.js';

/** Tokens are managed by people, so a leaked token cannot mint fresh ones or revoke the others. */
function requirePersonAdmin(caller: Caller) {
  if (caller.kind === 'service') {
    throw forbidden('A service token cannot manage service tokens: sign in as an admin');
  }
  requireAdmin(caller, 'Only an admin can manage service tokens');
}

export function registerServiceTokens(app: OpenAPIHono<AppEnv>) {
  app.openapi(createServiceTokenRoute, async (c) => {
    const caller = c.get('caller');
    requirePersonAdmin(caller);
    const db = c.get('db');
    const { name } = c.req.valid('json');
    const { id, token } = await createServiceToken(db, caller.orgId, name);
    const { createdAt } = await findServiceToken(db, caller.orgId, id);
    const created = serviceTokenCreatedSchema.parse({ id, name, token, createdAt });
    c.set('shownOnce', true);
    return c.json(created, 201, { Location: `/v1/service-tokens/${id}` });
  });

  app.openapi(listServiceTokensRoute, async (c) => {
    const caller = c.get('caller');
    requirePersonAdmin(caller);
    const { limit, cursor } = c.req.valid('query');
    const after = decodeCursor(cursor);
    let query = c
      .get('db')
      .selectFrom('serviceTokens')
      .selectAll()
      .where('orgId', '=', caller.orgId)
      .orderBy('id')
      .limit(limit + 1);
    if (after) query = query.where('id', '>', after.id);
    const rows = await query.execute();
    return c.json(
      toPage(rows, limit, toServiceToken, (r) => ({ sort: r.id, id: r.id })),
      200,
    );
  });

  app.openapi(getServiceTokenRoute, async (c) => {
    const caller = c.get('caller');
    requirePersonAdmin(caller);
    const row = await findServiceToken(c.get('db'), caller.orgId, c.req.valid('param').tokenId);
    return c.json(toServiceToken(row), 200);
  });

  app.openapi(revokeServiceTokenRoute, async (c) => {
    const caller = c.get('caller');
    requirePersonAdmin(caller);
    const db = c.get('db');
    const row = await findServiceToken(db, caller.orgId, c.req.valid('param').tokenId);
    // Revoking twice keeps the first time, which is when access really ended.
    if (row.revokedAt === null) {
      await db.updateTable('serviceTokens').set({ revokedAt: nowIso() }).where('id', '=', row.id).execute();
    }
    return c.body(null, 204);
  });
}
