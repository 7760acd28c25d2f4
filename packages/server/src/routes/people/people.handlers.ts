import type { OpenAPIHono } from '@hono/zod-openapi';
import { newId, type PersonUpdate, personSchema } from '@rm-kit/core';
import { nowIso } from '../../db/json.js';
import type { AppEnv } from '../../http/env.js';
import { etagOf, expectedVersion, stale } from '../../http/etag.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { forbidden } from '../../http/problem.js';
import {
  createPersonRoute,
  deletePersonRoute,
  getPersonRoute,
  listPeopleRoute,
  updatePersonRoute,
} from './people.routes.js';
import {
  checkManager,
  checkUnique,
  findVisiblePerson,
  nameOrEmailContains,
  personColumns,
  selfOrPartnerOf,
  toPerson,
} from './people.store.js';

/** What people may change about themselves; the rest (role, reporting line, identity) is the admin's. */
const SELF_EDITABLE: ReadonlySet<string> = new Set<keyof PersonUpdate>([
  'title',
  'locale',
  'languages',
  'timeZone',
  'photoUrl',
]);

export function registerPeople(app: OpenAPIHono<AppEnv>) {
  app.openapi(listPeopleRoute, async (c) => {
    const caller = c.get('caller');
    const { limit, cursor, department, careerStage, q } = c.req.valid('query');
    const after = decodeCursor(cursor);
    let query = c
      .get('db')
      .selectFrom('people')
      .selectAll()
      .where('people.orgId', '=', caller.orgId)
      .where('people.deletedAt', 'is', null)
      .orderBy('people.id')
      .limit(limit + 1);
    if (!caller.isAdmin) query = query.where(selfOrPartnerOf(caller.personId));
    if (department) query = query.where('people.department', '=', department);
    if (careerStage) query = query.where('people.careerStage', '=', careerStage);
    if (q) query = query.where(nameOrEmailContains(q));
    if (after) query = query.where('people.id', '>', after.id);
    const rows = await query.execute();
    return c.json(
      toPage(rows, limit, toPerson, (r) => ({ sort: r.id, id: r.id })),
      200,
    );
  });

  app.openapi(createPersonRoute, async (c) => {
    const caller = c.get('caller');
    if (!caller.isAdmin) throw forbidden('Only an admin can add people');
    const db = c.get('db');
    const body = c.req.valid('json');
    const email = body.email.toLowerCase();
    await checkUnique(db, caller.orgId, { email, externalId: body.externalId }, null);
    if (body.managerId) await checkManager(db, caller.orgId, null, body.managerId);
    const now = nowIso();
    const person = personSchema.parse({
      ...body,
      id: newId('person'),
      orgId: caller.orgId,
      email,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await db
      .insertInto('people')
      .values({
        id: person.id,
        orgId: person.orgId,
        createdAt: now,
        deletedAt: null,
        ...personColumns(person),
      })
      .execute();
    return c.json(person, 201, { ETag: etagOf(person.version), Location: `/v1/people/${person.id}` });
  });

  app.openapi(getPersonRoute, async (c) => {
    const row = await findVisiblePerson(c.get('db'), c.get('caller'), c.req.valid('param').personId);
    return c.json(toPerson(row), 200, { ETag: etagOf(row.version) });
  });

  app.openapi(updatePersonRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const row = await findVisiblePerson(db, caller, c.req.valid('param').personId);
    const changes = c.req.valid('json');
    if (!caller.isAdmin) {
      if (caller.personId !== row.id) throw forbidden('Only an admin can change someone else');
      const adminOnly = Object.keys(changes).filter((field) => !SELF_EDITABLE.has(field));
      if (adminOnly.length > 0) throw forbidden(`Only an admin can change ${adminOnly.join(', ')}`);
    }
    const expected = expectedVersion(c);
    if (expected !== null && expected !== row.version) throw stale(row.version);
    const email = changes.email?.toLowerCase();
    await checkUnique(db, caller.orgId, { email, externalId: changes.externalId }, row.id);
    if (changes.managerId) await checkManager(db, caller.orgId, row.id, changes.managerId);
    const now = nowIso();
    const current = toPerson(row);
    const next = personSchema.parse({
      ...current,
      ...changes,
      email: email ?? current.email,
      updatedAt: now,
      version: row.version + 1,
    });
    const result = await db
      .updateTable('people')
      .set(personColumns(next))
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw stale(row.version + 1);
    return c.json(next, 200, { ETag: etagOf(next.version) });
  });

  app.openapi(deletePersonRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const row = await findVisiblePerson(db, caller, c.req.valid('param').personId);
    if (!caller.isAdmin) throw forbidden('Only an admin can remove people');
    const expected = expectedVersion(c);
    if (expected !== null && expected !== row.version) throw stale(row.version);
    await db
      .updateTable('people')
      .set({ deletedAt: nowIso(), version: row.version + 1 })
      .where('id', '=', row.id)
      .execute();
    return c.body(null, 204);
  });
}
