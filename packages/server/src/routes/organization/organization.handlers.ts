import type { OpenAPIHono } from '@hono/zod-openapi';
import { organizationSchema } from '@rm-kit/core';
import { requireAdmin } from '../../auth/access.js';
import { nowIso, toJson } from '../../db/json.js';
import type { AppEnv } from '../../http/env.js';
import { assertWritten, checkIfMatch, etagOf } from '../../http/etag.js';
import { clearPhotosNotAllowed } from '../people/people.store.js';
import { getOrganizationRoute, updateOrganizationRoute } from './organization.routes.js';
import { findOrganization, toOrganization } from './organization.store.js';

export function registerOrganization(app: OpenAPIHono<AppEnv>) {
  app.openapi(getOrganizationRoute, async (c) => {
    const row = await findOrganization(c.get('db'), c.get('caller').orgId);
    return c.json(toOrganization(row), 200, { ETag: etagOf(row.version) });
  });

  app.openapi(updateOrganizationRoute, async (c) => {
    const caller = c.get('caller');
    requireAdmin(caller, 'Only an admin can change the organisation');
    const db = c.get('db');
    const row = await findOrganization(db, caller.orgId);
    checkIfMatch(c, row.version);
    const { settings, ...changes } = c.req.valid('json');
    const current = toOrganization(row);
    const now = nowIso();
    const next = organizationSchema.parse({
      ...current,
      ...changes,
      settings: { ...current.settings, ...settings },
      updatedAt: now,
      version: row.version + 1,
    });
    const result = await db
      .updateTable('organizations')
      .set({
        name: next.name,
        defaultLocale: next.defaultLocale,
        settings: toJson(next.settings),
        updatedAt: now,
        version: next.version,
      })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    assertWritten(result, row.version);
    if (settings?.photoHosts) await clearPhotosNotAllowed(db, caller.orgId, next.settings.photoHosts, now);
    return c.json(next, 200, { ETag: etagOf(next.version) });
  });
}
