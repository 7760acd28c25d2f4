import {
  type List,
  newId,
  type PairRole,
  type SharedStory,
  type Story,
  type StoryCreate,
  type StoryUpdate,
  type storyListQuerySchema,
  storySchema,
  storyStatus,
} from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type * as z from 'zod';
import { findOwnPair, requireAdmin } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import { callerKey } from '../../auth/caller.js';
import { compiledQuery } from '../../db/compiled-queries.js';
import { fromJson, nowIso, toJson } from '../../db/json.js';
import { parsedOnce } from '../../db/parsed-once.js';
import type { Database, Row } from '../../db/schema.js';
import { updateVersioned } from '../../db/update-versioned.js';
import { type CursorPosition, readPage } from '../../http/pagination.js';
import { notFound, Problem } from '../../http/problem.js';
import { queueWebhook } from '../../webhooks/outbox.store.js';

/** A story as stored, with the names and titles of its pair's two people. */
type StoryRow = Row<'stories'> & {
  mentorName: string;
  mentorTitle: string | null;
  menteeName: string;
  menteeTitle: string | null;
};

/**
 * Stories with their people, of pairs and people that are still there: a removed pair's
 * story, or one naming a removed person, is shown to nobody.
 */
function storiesWithPeople(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('stories')
    .innerJoin('pairs', 'pairs.id', 'stories.pairId')
    .innerJoin('people as mentor', 'mentor.id', 'pairs.mentorId')
    .innerJoin('people as mentee', 'mentee.id', 'pairs.menteeId')
    .selectAll('stories')
    .select([
      'mentor.displayName as mentorName',
      'mentor.title as mentorTitle',
      'mentee.displayName as menteeName',
      'mentee.title as menteeTitle',
    ])
    .where('stories.orgId', '=', orgId)
    .where('pairs.deletedAt', 'is', null)
    .where('mentor.deletedAt', 'is', null)
    .where('mentee.deletedAt', 'is', null);
}

export const toStory = parsedOnce((row: StoryRow): Story => {
  const agreedAt = { mentor: row.agreedMentorAt, mentee: row.agreedMenteeAt };
  return storySchema.parse({
    id: row.id,
    orgId: row.orgId,
    pairId: row.pairId,
    title: row.title,
    text: row.text,
    language: row.language,
    quote: row.quote === null ? null : fromJson(row.quote),
    mentor: { displayName: row.mentorName, title: row.mentorTitle },
    mentee: { displayName: row.menteeName, title: row.menteeTitle },
    status: storyStatus({ agreedAt, returnNote: row.returnNote, publishedAt: row.publishedAt }),
    agreedAt,
    returnNote: row.returnNote,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  });
});

/** What the organisation reads of a story: no ids of the pair or its people. */
export function toSharedStory(story: Story): SharedStory {
  const { id, title, text, language, quote, mentor, mentee, status, publishedAt, version } = story;
  return { id, title, text, language, quote, mentor, mentee, status, publishedAt, version };
}

/** The columns of a story that a change may set; `approvedBy` goes with the publication. */
export function storyColumns(story: Story, approvedBy: string | null) {
  return {
    title: story.title,
    text: story.text,
    language: story.language,
    quote: story.quote === null ? null : toJson(story.quote),
    agreedMentorAt: story.agreedAt.mentor,
    agreedMenteeAt: story.agreedAt.mentee,
    returnNote: story.returnNote,
    publishedAt: story.publishedAt,
    approvedBy: story.publishedAt === null ? null : approvedBy,
    updatedAt: story.updatedAt,
    version: story.version,
  };
}

async function readStory(
  db: Kysely<Database>,
  orgId: string,
  storyId: string,
): Promise<StoryRow | undefined> {
  return storiesWithPeople(db, orgId).where('stories.id', '=', storyId).executeTakeFirst();
}

export async function insertStory(
  db: Kysely<Database>,
  pair: Row<'pairs'>,
  body: StoryCreate,
): Promise<Story> {
  const now = nowIso();
  const id = newId('story');
  await db
    .insertInto('stories')
    .values({
      id,
      orgId: pair.orgId,
      pairId: pair.id,
      title: body.title,
      text: body.text,
      language: body.language,
      quote: body.quote ? toJson(body.quote) : null,
      agreedMentorAt: null,
      agreedMenteeAt: null,
      returnNote: null,
      publishedAt: null,
      approvedBy: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  const row = await readStory(db, pair.orgId, id);
  if (!row) throw notFound('story');
  return toStory(row);
}

/** Every story of these pairs, in every state, as their members read them: for a person's own export. */
export async function storiesOfPairs(db: Kysely<Database>, orgId: string, pairIds: readonly string[]) {
  if (pairIds.length === 0) return [];
  const rows = await storiesWithPeople(db, orgId)
    .where('stories.pairId', 'in', pairIds)
    .orderBy('stories.id')
    .execute();
  return rows.map(toStory);
}

/** A pair's stories, newest first (ids sort by creation time). */
const storiesOfPair = (
  db: Kysely<Database>,
  { orgId, pairId, rows }: { orgId: string; pairId: string; rows: number },
) =>
  storiesWithPeople(db, orgId).where('stories.pairId', '=', pairId).orderBy('stories.id', 'desc').limit(rows);

/** The first page, which the pair's page reads as it opens: compiled once (see compiledQuery). */
const firstStoriesOfPair = compiledQuery(storiesOfPair);

/** One page of a pair's stories, newest first. */
export function listPairStories(
  db: Kysely<Database>,
  pair: Pick<Row<'pairs'>, 'id' | 'orgId'>,
  page: { limit: number; cursor?: string | undefined },
): Promise<List<Story>> {
  const read = (after: CursorPosition | null, rows: number) => {
    const values = { orgId: pair.orgId, pairId: pair.id, rows };
    if (!after) return firstStoriesOfPair.all(db, values);
    return storiesOfPair(db, values).where('stories.id', '<', after.id).execute();
  };
  return readPage(page, read, toStory);
}

/** The published stories, newest publication first. */
const publishedStories = (db: Kysely<Database>, { orgId, rows }: { orgId: string; rows: number }) =>
  storiesWithPeople(db, orgId)
    .where('stories.agreedMentorAt', 'is not', null)
    .where('stories.agreedMenteeAt', 'is not', null)
    .where('stories.publishedAt', 'is not', null)
    .orderBy('stories.publishedAt', 'desc')
    .orderBy('stories.id', 'desc')
    .limit(rows);

/** Their first page, which every page with the stories on it reads as it opens: compiled once. */
const firstPublishedStories = compiledQuery(publishedStories);

/**
 * One page of the organisation's stories beyond their pairs: the published ones, newest
 * publication first, for everyone; those both sides agreed to and no admin approved yet,
 * longest waiting first, for admins only (never a draft: an admin reads nothing a pair
 * has not agreed to show).
 */
export function listSharedStories(
  db: Kysely<Database>,
  caller: Caller,
  { status, ...page }: z.output<typeof storyListQuerySchema>,
): Promise<List<SharedStory>> {
  if (status === 'awaiting-approval') {
    requireAdmin(caller, 'Only admins approve stories, so only they read the ones waiting for it');
    const read = (after: CursorPosition | null, rows: number) => {
      let query = storiesWithPeople(db, caller.orgId)
        .where('stories.agreedMentorAt', 'is not', null)
        .where('stories.agreedMenteeAt', 'is not', null)
        .where('stories.publishedAt', 'is', null)
        .orderBy('stories.updatedAt')
        .orderBy('stories.id')
        .limit(rows);
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('stories.updatedAt', '>', after.sort),
            eb.and([eb('stories.updatedAt', '=', after.sort), eb('stories.id', '>', after.id)]),
          ]),
        );
      }
      return query.execute();
    };
    return readPage(
      page,
      read,
      (row) => toSharedStory(toStory(row)),
      (row) => ({ sort: row.updatedAt, id: row.id }),
    );
  }
  const read = (after: CursorPosition | null, rows: number) => {
    if (!after) return firstPublishedStories.all(db, { orgId: caller.orgId, rows });
    return publishedStories(db, { orgId: caller.orgId, rows })
      .where((eb) =>
        eb.or([
          eb('stories.publishedAt', '<', after.sort),
          eb.and([eb('stories.publishedAt', '=', after.sort), eb('stories.id', '<', after.id)]),
        ]),
      )
      .execute();
  };
  return readPage(
    page,
    read,
    (row) => toSharedStory(toStory(row)),
    (row) => ({ sort: row.publishedAt ?? row.updatedAt, id: row.id }),
  );
}

/** A story of one of the caller's own pairs, drafts included; anyone else gets the 404 of a story that does not exist. */
export async function findOwnStory(db: Kysely<Database>, caller: Caller, storyId: string) {
  const row = await readStory(db, caller.orgId, storyId);
  if (!row) throw notFound('story');
  try {
    const access = await findOwnPair(db, caller, row.pairId);
    return { row, story: toStory(row), ...access };
  } catch (error) {
    if (error instanceof Problem) throw notFound('story');
    throw error;
  }
}

/**
 * A story an admin may act on: one both sides agreed to, waiting or published. Others are
 * refused (403) before anything is read; a draft or a returned story is the 404 of one that
 * does not exist, as an admin never reads what a pair has not agreed to show.
 */
export async function findStoryForReview(db: Kysely<Database>, caller: Caller, storyId: string) {
  requireAdmin(caller, 'Only admins approve, return or take down stories');
  const row = await readStory(db, caller.orgId, storyId);
  if (!row) throw notFound('story');
  const story = toStory(row);
  if (story.status !== 'awaiting-approval' && story.status !== 'published') throw notFound('story');
  return { row, story };
}

const otherSide = (role: PairRole): PairRole => (role === 'mentor' ? 'mentee' : 'mentor');

/**
 * A member's change to the story. A change of what it says withdraws the other side's
 * agreement (they agreed to other words), and so takes a published story down until both
 * agree and an admin approves again; the writer's own agreement stands.
 */
export function updateStory(
  db: Kysely<Database>,
  { row, story }: { row: StoryRow; story: Story },
  role: PairRole,
  changes: StoryUpdate,
): Promise<Story> {
  const changed = Object.entries(changes).some(
    ([key, value]) => JSON.stringify(value) !== JSON.stringify(story[key as keyof StoryUpdate]),
  );
  const agreedAt = changed ? { ...story.agreedAt, [otherSide(role)]: null } : story.agreedAt;
  const publishedAt = changed ? null : story.publishedAt;
  return updateVersioned(db, 'stories', {
    entity: 'story',
    schema: storySchema,
    current: story,
    patch: {
      ...changes,
      agreedAt,
      publishedAt,
      status: storyStatus({ agreedAt, returnNote: story.returnNote, publishedAt }),
    },
    columns: (next) => storyColumns(next, row.approvedBy),
  });
}

/**
 * A member agrees to publish the story as it is now, or withdraws their agreement; a
 * withdrawal takes a published story down. Saying again what already holds changes nothing.
 */
export function setAgreement(
  db: Kysely<Database>,
  { row, story }: { row: StoryRow; story: Story },
  role: PairRole,
  agrees: boolean,
): Promise<Story> {
  if ((story.agreedAt[role] !== null) === agrees) return Promise.resolve(story);
  const agreedAt = { ...story.agreedAt, [role]: agrees ? nowIso() : null };
  const publishedAt = agrees ? story.publishedAt : null;
  return updateVersioned(db, 'stories', {
    entity: 'story',
    schema: storySchema,
    current: story,
    patch: {
      agreedAt,
      publishedAt,
      status: storyStatus({ agreedAt, returnNote: story.returnNote, publishedAt }),
    },
    columns: (next) => storyColumns(next, row.approvedBy),
  });
}

/**
 * An admin approves a story both sides agreed to: it is published for the organisation.
 * `db` is the request's transaction (every write runs in one, see http/idempotency.ts), so
 * what has to happen with a publication (a `story.published` webhook queued here) commits
 * with it or not at all. Approving a published story again changes nothing.
 */
export async function approveStory(
  db: Kysely<Database>,
  caller: Caller,
  { story }: { story: Story },
): Promise<Story> {
  if (story.status === 'published') return story;
  const published = await updateVersioned(db, 'stories', {
    entity: 'story',
    schema: storySchema,
    current: story,
    patch: { publishedAt: nowIso(), returnNote: null, status: 'published' },
    columns: (next) => storyColumns(next, callerKey(caller)),
    // Both agreements must still be there: a withdrawal that raced the approval wins.
    unchangedSince: (eb) =>
      eb.and([eb('agreedMentorAt', 'is not', null), eb('agreedMenteeAt', 'is not', null)]),
  });
  const pair = await db
    .selectFrom('pairs')
    .select(['orgId', 'programId'])
    .where('id', '=', published.pairId)
    .executeTakeFirstOrThrow();
  await queueWebhook(db, {
    orgId: pair.orgId,
    type: 'story.published',
    data: { storyId: published.id, pairId: published.pairId, programId: pair.programId },
  });
  return published;
}

/**
 * An admin returns a story to its pair with a note: from the approval queue, or from the
 * published ones (taking it down). Both agreements are withdrawn, so it is back with the
 * pair, and out of the admin's sight, until both agree again.
 */
export function returnStory(
  db: Kysely<Database>,
  { row, story }: { row: StoryRow; story: Story },
  note: string,
): Promise<Story> {
  const agreedAt = { mentor: null, mentee: null };
  return updateVersioned(db, 'stories', {
    entity: 'story',
    schema: storySchema,
    current: story,
    patch: { agreedAt, publishedAt: null, returnNote: note, status: 'returned' },
    columns: (next) => storyColumns(next, row.approvedBy),
  });
}
