import type { OpenAPIHono } from '@hono/zod-openapi';
import { type CallerRole, type Me, meSchema } from '@rm-kit/core';
import { API_VERSION } from '../../app-version.js';
import { actorIn } from '../../auth/access.js';
import type { Row } from '../../db/schema.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonOf, jsonText } from '../../http/json-answer.js';
import { keptAnswers } from '../../http/kept-answers.js';
import { findOrganization, toOrganization } from '../organization/organization.store.js';
import { toPair } from '../pairs/pairs.store.js';
import { toPerson } from '../people/people.store.js';
import { getMeRoute } from './me.routes.js';
import { findSignedInPerson, organizationOf, pairsOf } from './me.store.js';

export function registerMe(app: OpenAPIHono<AppEnv>, options: { demo: boolean }) {
  /**
   * Each signed-in person's answer, for the rows it was made from; on PostgreSQL, for the rows
   * of the last several hundred people who asked, as they were (a few megabytes). One app's
   * own: the answer says whether it runs in demo mode, which no row says.
   */
  const meAnswers = keptAnswers({ byContent: 2_000_000 });
  app.openapi(getMeRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const baseOf = (organization: Row<'organizations'>) => {
      const { id, name, defaultLocale, settings } = toOrganization(organization);
      return {
        base: { organization: { id, name, defaultLocale }, demo: options.demo, apiVersion: API_VERSION },
        photoHosts: settings.photoHosts,
      };
    };
    if (caller.kind === 'service') {
      const { base } = baseOf(await findOrganization(db, caller.orgId));
      return json(c, meSchema.parse({ ...base, person: null, roles: ['service'], pairs: [] }), 200);
    }
    // Asked together: on PostgreSQL every page's first request waits for one round trip, not two.
    const [person, pairs] = await Promise.all([
      findSignedInPerson(db, caller.orgId, caller.personId),
      pairsOf(db, caller.orgId, caller.personId),
    ]);
    // The same rows, read again until the next commit, give the same answer (see keptAnswers).
    const answer = meAnswers([person, pairs], caller.isAdmin ? 'admin' : 'member', () => {
      const { base, photoHosts } = baseOf(organizationOf(person));
      const roles: CallerRole[] = [];
      if (caller.isAdmin) roles.push('admin');
      if (pairs.some((pair) => pair.mentorId === caller.personId)) roles.push('mentor');
      if (pairs.some((pair) => pair.menteeId === caller.personId)) roles.push('mentee');
      const me = meSchema.parse({
        ...base,
        // What this sign-in may do: an admin by the identity provider's app role is one here,
        // though the stored flag (what an admin set) stays false.
        person: { ...toPerson(person, photoHosts), isAdmin: caller.isAdmin },
        roles,
        pairs: pairs.map((pair) => toPair(pair, actorIn(pair, caller))),
      });
      return jsonOf(me);
    });
    return jsonText<Me, 200>(c, answer, 200);
  });
}
