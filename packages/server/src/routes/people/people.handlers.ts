import type { OpenAPIHono } from '@hono/zod-openapi';
import { type PersonUpdate, photoUrlAllowed } from '@rm-kit/core';
import { requireAdmin } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import { fromFlag } from '../../db/json.js';
import type { Row } from '../../db/schema.js';
import { softDelete } from '../../db/soft-delete.js';
import type { AppEnv } from '../../http/env.js';
import { checkIfMatch, etagOf } from '../../http/etag.js';
import { json } from '../../http/json-answer.js';
import { forbidden, Problem } from '../../http/problem.js';
import { photoHostsOf } from '../organization/organization.store.js';
import {
  createPersonRoute,
  deletePersonRoute,
  getPersonRoute,
  listPeopleRoute,
  updatePersonRoute,
} from './people.routes.js';
import {
  addPerson,
  asSeenAfterErasure,
  checkManager,
  checkUnique,
  findVisiblePerson,
  listVisiblePeople,
  readerLocale,
  toPerson,
  updatePerson,
} from './people.store.js';

/** What people may change about themselves; the rest (role, reporting line, identity) is the admin's. */
const SELF_EDITABLE: ReadonlySet<string> = new Set<keyof PersonUpdate>([
  'title',
  'locale',
  'languages',
  'timeZone',
  'photoUrl',
]);

/**
 * What even an admin may not change, beyond what SELF_EDITABLE already keeps from
 * everyone else. Sign-in finds a person by externalId, or, before their first sign-in,
 * by email: whoever could change either could bind someone's account to a token they
 * hold, and read that person's private notes and unshared feedback, which nobody else
 * may read, admins included.
 */
function checkProtectedChanges(caller: Caller, row: Row<'people'>, changes: PersonUpdate, email?: string) {
  const identity: ('externalId' | 'email')[] = [];
  if (changes.externalId !== undefined && changes.externalId !== row.externalId) identity.push('externalId');
  if (email !== undefined && email !== row.email) identity.push('email');
  if (identity.length > 0) {
    // Once someone has signed in, their account stays theirs: not even an admin re-binds it.
    if (row.externalId !== null) {
      throw new Problem('unprocessable', 'This person has signed in: their sign-in identity is fixed', {
        issues: identity.map((field) => ({
          path: [field],
          message: 'Cannot change once the person has signed in',
        })),
      });
    }
    // Before then, pre-provisioning is an admin's act, made by someone who answers for
    // it: a service token is a script, whose leak must not hand out accounts.
    if (caller.kind !== 'person') {
      throw forbidden(`Only an admin, not a service token, can change ${identity.join(', ')}`);
    }
  }
  if (changes.isAdmin !== undefined && changes.isAdmin !== fromFlag(row.isAdmin)) {
    // An admin can mint service tokens: a service token must not be able to make one.
    if (caller.kind !== 'person') throw forbidden('Only an admin, not a service token, can change isAdmin');
    // Nobody drops their own admin rights, so the last admin cannot lock everyone out by
    // accident; another admin can.
    if (caller.personId === row.id) {
      throw new Problem('unprocessable', 'You cannot change your own admin rights', {
        issues: [{ path: ['isAdmin'], message: 'Ask another admin' }],
      });
    }
  }
}

/**
 * Refuses a photo the organisation does not allow (core's photoUrlAllowed), for everyone who
 * sets one: an admin, a service token, or the person themselves. The message lists the hosts,
 * so whoever is refused knows where a photo may live, or that an admin must allow a host first.
 */
function checkPhotoUrl(photoUrl: string, photoHosts: readonly string[]) {
  if (photoUrlAllowed(photoUrl, photoHosts)) return;
  const allowed =
    photoHosts.length === 0
      ? 'The organisation allows no photo hosts yet (an admin lists them in settings.photoHosts)'
      : `Use an https URL on one of: ${photoHosts.join(', ')}`;
  throw new Problem('validation_failed', 'This photo URL is not on a host the organisation allows', {
    issues: [{ path: ['photoUrl'], message: allowed }],
  });
}

export function registerPeople(app: OpenAPIHono<AppEnv>) {
  app.openapi(listPeopleRoute, async (c) => {
    return json(c, await listVisiblePeople(c.get('db'), c.get('caller'), c.req.valid('query')), 200);
  });

  app.openapi(createPersonRoute, async (c) => {
    const caller = c.get('caller');
    requireAdmin(caller, 'Only an admin can add people');
    const db = c.get('db');
    const body = c.req.valid('json');
    // As for a change (checkProtectedChanges): a service token cannot make an admin.
    if (body.isAdmin && caller.kind !== 'person') {
      throw forbidden('Only an admin, not a service token, can add an admin');
    }
    if (body.photoUrl) checkPhotoUrl(body.photoUrl, await photoHostsOf(db, caller.orgId));
    await checkUnique(
      db,
      caller.orgId,
      { email: body.email.toLowerCase(), externalId: body.externalId },
      null,
    );
    if (body.managerId) await checkManager(db, caller.orgId, null, body.managerId);
    const person = await addPerson(db, caller.orgId, body);
    return json(c, person, 201, { ETag: etagOf(person.version), Location: `/v1/people/${person.id}` });
  });

  app.openapi(getPersonRoute, async (c) => {
    const db = c.get('db');
    const caller = c.get('caller');
    // Asked together: on PostgreSQL one round trip, not two, for each person a pair's page shows.
    const [row, photoHosts] = await Promise.all([
      findVisiblePerson(db, caller, c.req.valid('param').personId, { erased: true }),
      photoHostsOf(db, caller.orgId),
    ]);
    const person = toPerson(row, photoHosts);
    const shown = row.erasedAt === null ? person : asSeenAfterErasure(person, await readerLocale(db, caller));
    return json(c, shown, 200, { ETag: etagOf(row.version) });
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
    const email = changes.email?.toLowerCase();
    checkProtectedChanges(caller, row, changes, email);
    const photoHosts = await photoHostsOf(db, caller.orgId);
    if (changes.photoUrl) checkPhotoUrl(changes.photoUrl, photoHosts);
    checkIfMatch(c, row.version);
    await checkUnique(db, caller.orgId, { email, externalId: changes.externalId }, row.id);
    if (changes.managerId) await checkManager(db, caller.orgId, row.id, changes.managerId);
    const person = await updatePerson(db, row, photoHosts, changes);
    return json(c, person, 200, { ETag: etagOf(person.version) });
  });

  app.openapi(deletePersonRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const row = await findVisiblePerson(db, caller, c.req.valid('param').personId);
    requireAdmin(caller, 'Only an admin can remove people');
    checkIfMatch(c, row.version);
    await softDelete(db, 'people', row);
    return c.body(null, 204);
  });
}
