import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { DemoAuthority } from '../../auth/demo-authority.js';
import type { Storage } from '../../db/database.js';
import { fromFlag } from '../../db/json.js';
import type { AppEnv } from '../../http/env.js';
import { Problem } from '../../http/problem.js';

const tokenRequest = z.strictObject({ email: z.email() });

/**
 * Demo mode only: the seeded people and a token for any of them, for the example
 * page's "view as" picker and for scripts. Never registered otherwise.
 */
export function registerDemo(app: OpenAPIHono<AppEnv>, storage: Storage, demo: DemoAuthority) {
  app.get('/demo/jwks.json', (c) => c.json(demo.jwks));

  app.get('/demo/people', async (c) => {
    const people = await storage.db
      .selectFrom('people')
      .leftJoin('pairs as mentoring', (join) =>
        join.onRef('mentoring.mentorId', '=', 'people.id').on('mentoring.deletedAt', 'is', null),
      )
      .leftJoin('pairs as mentored', (join) =>
        join.onRef('mentored.menteeId', '=', 'people.id').on('mentored.deletedAt', 'is', null),
      )
      .select([
        'people.id',
        'people.email',
        'people.displayName',
        'people.title',
        'people.careerStage',
        'people.isAdmin',
        'mentoring.id as mentorOf',
        'mentored.id as menteeOf',
      ])
      .where('people.deletedAt', 'is', null)
      .orderBy('people.displayName')
      .execute();
    const byId = new Map<
      string,
      {
        id: string;
        email: string;
        name: string;
        title: string | null;
        careerStage: string;
        roles: string[];
        pairIds: string[];
      }
    >();
    for (const row of people) {
      const entry = byId.get(row.id) ?? {
        id: row.id,
        email: row.email,
        name: row.displayName,
        title: row.title,
        careerStage: row.careerStage,
        roles: fromFlag(row.isAdmin) ? ['admin'] : [],
        pairIds: [],
      };
      if (row.mentorOf && !entry.pairIds.includes(row.mentorOf)) {
        entry.pairIds.push(row.mentorOf);
        if (!entry.roles.includes('mentor')) entry.roles.push('mentor');
      }
      if (row.menteeOf && !entry.pairIds.includes(row.menteeOf)) {
        entry.pairIds.push(row.menteeOf);
        if (!entry.roles.includes('mentee')) entry.roles.push('mentee');
      }
      byId.set(row.id, entry);
    }
    return c.json({ items: [...byId.values()] });
  });

  app.post('/demo/token', async (c) => {
    const parsed = tokenRequest.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) {
      throw new Problem('validation_failed', 'Send { "email": "…" } of a seeded person', {
        issues: [{ path: ['email'], message: 'A seeded person’s email' }],
      });
    }
    const person = await storage.db
      .selectFrom('people')
      .select(['id', 'email', 'displayName', 'externalId'])
      .where('email', '=', parsed.data.email.toLowerCase())
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (!person) throw new Problem('not_found', 'Nobody with that email in the demo data');
    const token = await demo.sign({
      sub: person.externalId ?? person.id,
      email: person.email,
      name: person.displayName,
    });
    return c.json({ token });
  });
}
