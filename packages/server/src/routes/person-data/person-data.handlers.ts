import type { OpenAPIHono } from '@hono/zod-openapi';
import { type PersonData, personDataSchema } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { type Caller, callerKey } from '../../auth/caller.js';
import type { Database, Row } from '../../db/schema.js';
import type { AppEnv } from '../../http/env.js';
import { json } from '../../http/json-answer.js';
import { forbidden, Problem } from '../../http/problem.js';
import { pairsOf } from '../me/me.store.js';
import { findOrganization, toOrganization } from '../organization/organization.store.js';
import { findVisiblePerson, toPerson } from '../people/people.store.js';
import { erasePersonRoute, exportMyDataRoute, exportPersonDataRoute } from './person-data.routes.js';
import { readSections } from './person-data.sections.js';
import { erasePerson, findPersonOfOrg } from './person-data.store.js';

/** Who asks about a person through /v1/people/{personId}: an admin, or the 403 or 404 anyone else gets. */
async function personForAdmin(db: Kysely<Database>, caller: Caller, personId: string, refusal: string) {
  if (!caller.isAdmin) {
    await findVisiblePerson(db, caller, personId);
    throw forbidden(refusal);
  }
  return findPersonOfOrg(db, caller.orgId, personId);
}

async function personData(db: Kysely<Database>, row: Row<'people'>, scope: PersonData['scope']) {
  const [organization, pairs] = await Promise.all([
    findOrganization(db, row.orgId),
    pairsOf(db, row.orgId, row.id),
  ]);
  const { photoHosts } = toOrganization(organization).settings;
  const sections = await readSections(db, { orgId: row.orgId, personId: row.id, pairs, scope });
  return personDataSchema.parse({
    format: 'rm-kit.person-data/1',
    scope,
    person: toPerson(row, photoHosts),
    organization: { id: organization.id, name: organization.name },
    sections,
  });
}

/** Saved, not shown: the day in the name tells one export from the next. */
const asFile = (prefix: string) => ({
  'Content-Disposition': `attachment; filename="${prefix}-${new Date().toISOString().slice(0, 10)}.json"`,
});

export function registerPersonData(app: OpenAPIHono<AppEnv>) {
  app.openapi(exportMyDataRoute, async (c) => {
    const caller = c.get('caller');
    if (caller.kind !== 'person') {
      throw forbidden('A service token is nobody: export a person with GET /v1/people/{personId}/export');
    }
    const db = c.get('db');
    const row = await findPersonOfOrg(db, caller.orgId, caller.personId);
    return json(c, await personData(db, row, 'self'), 200, asFile('rm-kit-my-data'));
  });

  app.openapi(exportPersonDataRoute, async (c) => {
    const db = c.get('db');
    const row = await personForAdmin(
      db,
      c.get('caller'),
      c.req.valid('param').personId,
      'Only an admin can export someone; your own data is at GET /v1/me/export',
    );
    return json(c, await personData(db, row, 'admin'), 200, asFile(`rm-kit-person-${row.id}`));
  });

  app.openapi(erasePersonRoute, async (c) => {
    const db = c.get('db');
    const caller = c.get('caller');
    const row = await personForAdmin(
      db,
      caller,
      c.req.valid('param').personId,
      'Only an admin can erase people',
    );
    if (caller.personId === row.id) {
      throw new Problem('unprocessable', 'You cannot erase your own account', {
        issues: [{ path: ['personId'], message: 'Ask another admin' }],
      });
    }
    return json(c, await erasePerson(db, row, callerKey(caller)), 200);
  });
}
