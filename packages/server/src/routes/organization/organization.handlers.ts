import type { OpenAPIHono } from '@hono/zod-openapi';
import { requireAdmin } from '../../auth/access.js';
import type { AppEnv } from '../../http/env.js';
import { checkIfMatch, etagOf } from '../../http/etag.js';
import { json } from '../../http/json-answer.js';
import { clearPhotosNotAllowed } from '../people/people.store.js';
import { getOrganizationRoute, updateOrganizationRoute } from './organization.routes.js';
import { findOrganization, toOrganization, updateOrganization } from './organization.store.js';

export function registerOrganization(app: OpenAPIHono<AppEnv>) {
  app.openapi(getOrganizationRoute, async (c) => {
    const row = await findOrganization(c.get('db'), c.get('caller').orgId);
    return json(c, toOrganization(row), 200, { ETag: etagOf(row.version) });
  });

  app.openapi(updateOrganizationRoute, async (c) => {
    const caller = c.get('caller');
    requireAdmin(caller, 'Only an admin can change the organisation');
    const db = c.get('db');
    const row = await findOrganization(db, caller.orgId);
    checkIfMatch(c, row.version);
    const changes = c.req.valid('json');
    const organization = await updateOrganization(db, row, changes);
    if (changes.settings?.photoHosts) {
      await clearPhotosNotAllowed(db, caller.orgId, organization.settings.photoHosts, organization.updatedAt);
    }
    return json(c, organization, 200, { ETag: etagOf(organization.version) });
  });
}
