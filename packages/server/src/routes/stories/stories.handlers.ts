import type { OpenAPIHono } from '@hono/zod-openapi';
import { findOwnPair, readOfOwnPair } from '../../auth/access.js';
import type { AppEnv } from '../../http/env.js';
import { checkIfMatch, etagOf } from '../../http/etag.js';
import { json } from '../../http/json-answer.js';
import {
  agreeStoryRoute,
  approveStoryRoute,
  createStoryRoute,
  getStoryRoute,
  listPairStoriesRoute,
  listStoriesRoute,
  returnStoryRoute,
  updateStoryRoute,
  withdrawAgreementRoute,
} from './stories.routes.js';
import {
  approveStory,
  findOwnStory,
  findStoryForReview,
  insertStory,
  listPairStories,
  listSharedStories,
  returnStory,
  setAgreement,
  toSharedStory,
  updateStory,
} from './stories.store.js';

export function registerStories(app: OpenAPIHono<AppEnv>) {
  app.openapi(createStoryRoute, async (c) => {
    const db = c.get('db');
    const { pair } = await findOwnPair(db, c.get('caller'), c.req.valid('param').pairId);
    const story = await insertStory(db, pair, c.req.valid('json'));
    return json(c, story, 201, { ETag: etagOf(story.version), Location: `/v1/stories/${story.id}` });
  });

  app.openapi(listPairStoriesRoute, async (c) => {
    const db = c.get('db');
    const caller = c.get('caller');
    const { pairId } = c.req.valid('param');
    // A pair the caller may see is in their organisation.
    const page = await readOfOwnPair(db, caller, pairId, () =>
      listPairStories(db, { id: pairId, orgId: caller.orgId }, c.req.valid('query')),
    );
    return json(c, page, 200);
  });

  app.openapi(listStoriesRoute, async (c) => {
    return json(c, await listSharedStories(c.get('db'), c.get('caller'), c.req.valid('query')), 200);
  });

  app.openapi(getStoryRoute, async (c) => {
    const { story } = await findOwnStory(c.get('db'), c.get('caller'), c.req.valid('param').storyId);
    return json(c, story, 200, { ETag: etagOf(story.version) });
  });

  app.openapi(updateStoryRoute, async (c) => {
    const db = c.get('db');
    const found = await findOwnStory(db, c.get('caller'), c.req.valid('param').storyId);
    checkIfMatch(c, found.story.version);
    const story = await updateStory(db, found, found.role, c.req.valid('json'));
    return json(c, story, 200, { ETag: etagOf(story.version) });
  });

  for (const [route, agrees] of [
    [agreeStoryRoute, true],
    [withdrawAgreementRoute, false],
  ] as const) {
    app.openapi(route, async (c) => {
      const db = c.get('db');
      const found = await findOwnStory(db, c.get('caller'), c.req.valid('param').storyId);
      checkIfMatch(c, found.story.version);
      const story = await setAgreement(db, found, found.role, agrees);
      return json(c, story, 200, { ETag: etagOf(story.version) });
    });
  }

  app.openapi(approveStoryRoute, async (c) => {
    const db = c.get('db');
    const caller = c.get('caller');
    const found = await findStoryForReview(db, caller, c.req.valid('param').storyId);
    checkIfMatch(c, found.story.version);
    const story = await approveStory(db, caller, found);
    return json(c, toSharedStory(story), 200, { ETag: etagOf(story.version) });
  });

  app.openapi(returnStoryRoute, async (c) => {
    const db = c.get('db');
    const found = await findStoryForReview(db, c.get('caller'), c.req.valid('param').storyId);
    checkIfMatch(c, found.story.version);
    const story = await returnStory(db, found, c.req.valid('json').note);
    return json(c, toSharedStory(story), 200, { ETag: etagOf(story.version) });
  });
}
