import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { findOwnPair } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import type { Database } from '../../db/schema.js';
import type { AppEnv } from '../../http/env.js';
import { json } from '../../http/json-answer.js';
import { forbidden } from '../../http/problem.js';
import {
  createMyFeedRoute,
  createPairFeedRoute,
  getMyFeedRoute,
  getPairFeedRoute,
  revokeMyFeedRoute,
  revokePairFeedRoute,
} from './calendar.routes.js';
import { type FeedOwner, findFeed, replaceFeed, revokeFeed } from './calendar.store.js';

/** The caller's own feed: a person's, since a service token has no sessions of its own. */
function ownFeed(caller: Caller): FeedOwner {
  if (caller.kind === 'service') throw forbidden('A service token has no calendar: sign in as a person');
  return { orgId: caller.orgId, personId: caller.personId, pairId: null };
}

/** The caller's link to a pair's feed: the pair's two people each have one; anyone else gets 404. */
async function pairFeed(db: Kysely<Database>, caller: Caller, pairId: string): Promise<FeedOwner> {
  const { pair } = await findOwnPair(db, caller, pairId);
  return { orgId: pair.orgId, personId: caller.personId ?? '', pairId: pair.id };
}

/** Managing one's links to calendar feeds (the feed itself is calendar-feed.handlers.ts). */
export function registerCalendarFeeds(app: OpenAPIHono<AppEnv>) {
  app.openapi(getPairFeedRoute, async (c) => {
    const db = c.get('db');
    const owner = await pairFeed(db, c.get('caller'), c.req.valid('param').pairId);
    return json(c, await findFeed(db, owner), 200);
  });

  app.openapi(createPairFeedRoute, async (c) => {
    const db = c.get('db');
    const owner = await pairFeed(db, c.get('caller'), c.req.valid('param').pairId);
    c.set('shownOnce', true);
    return json(c, await replaceFeed(db, owner), 201);
  });

  app.openapi(revokePairFeedRoute, async (c) => {
    const db = c.get('db');
    await revokeFeed(db, await pairFeed(db, c.get('caller'), c.req.valid('param').pairId));
    return c.body(null, 204);
  });

  app.openapi(getMyFeedRoute, async (c) =>
    json(c, await findFeed(c.get('db'), ownFeed(c.get('caller'))), 200),
  );

  app.openapi(createMyFeedRoute, async (c) => {
    const owner = ownFeed(c.get('caller'));
    c.set('shownOnce', true);
    return json(c, await replaceFeed(c.get('db'), owner), 201);
  });

  app.openapi(revokeMyFeedRoute, async (c) => {
    await revokeFeed(c.get('db'), ownFeed(c.get('caller')));
    return c.body(null, 204);
  });
}
