import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { DemoAuthority } from '../../auth/demo-authority.js';
import type { Storage } from '../../db/database.js';
import type { AppEnv } from '../../http/env.js';
import { json } from '../../http/json-answer.js';
import { Problem } from '../../http/problem.js';
import { demoPeople, findDemoPerson } from './demo.store.js';

const tokenRequest = z.strictObject({ email: z.email() });

/**
 * Demo mode only: the seeded people and a token for any of them, for the example
 * page's "view as" picker and for scripts. Never registered otherwise.
 */
export function registerDemo(app: OpenAPIHono<AppEnv>, storage: Storage, demo: DemoAuthority) {
  app.get('/demo/jwks.json', (c) => json(c, demo.jwks, 200));

  app.get('/demo/people', async (c) => json(c, { items: await demoPeople(storage.db) }, 200));

  app.post('/demo/token', async (c) => {
    const parsed = tokenRequest.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) {
      throw new Problem('validation_failed', 'Send { "email": "…" } of a seeded person', {
        issues: [{ path: ['email'], message: 'A seeded person’s email' }],
      });
    }
    const person = await findDemoPerson(storage.db, parsed.data.email);
    if (!person) throw new Problem('not_found', 'Nobody with that email in the demo data');
    const token = await demo.sign({
      sub: person.externalId ?? person.id,
      email: person.email,
      name: person.displayName,
    });
    return json(c, { token }, 200);
  });
}
