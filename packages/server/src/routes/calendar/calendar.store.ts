import { createHash, randomBytes } from 'node:crypto';
import type { CalendarFeed, CalendarFeedLink, CalendarFeedScope, SessionStatus } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { nowIso } from '../../db/json.js';
import type { Database } from '../../db/schema.js';

/** Whose feed a link opens: a person's, of one pair or of all their pairs. */
export interface FeedOwner {
  orgId: string;
  personId: string;
  /** The pair of a pair feed; null for the person's own feed. */
  pairId: string | null;
}

/**
 * Only a SHA-256 of a secret is stored and looked up. A fast hash is enough: the secret is
 * 256 random bits, not a password. And since what is compared in the index is a hash, a
 * caller who times the lookup learns nothing about how close a guess came.
 */
function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

const scopeKey = (owner: Pick<FeedOwner, 'pairId'>) => owner.pairId ?? 'person';
const scopeOf = (owner: Pick<FeedOwner, 'pairId'>): CalendarFeedScope => (owner.pairId ? 'pair' : 'person');

/** The owner's link to this feed, as they may see it: whether it works and since when. */
export async function findFeed(db: Kysely<Database>, owner: FeedOwner): Promise<CalendarFeed> {
  const row = await db
    .selectFrom('calendarFeeds')
    .select('createdAt')
    .where('personId', '=', owner.personId)
    .where('scope', '=', scopeKey(owner))
    .executeTakeFirst();
  return {
    scope: scopeOf(owner),
    pairId: owner.pairId,
    active: row !== undefined,
    createdAt: row?.createdAt ?? null,
  };
}

/** Turns the owner's link to this feed off: its secret opens nothing from now on. */
export async function revokeFeed(db: Kysely<Database>, owner: FeedOwner): Promise<void> {
  await db
    .deleteFrom('calendarFeeds')
    .where('personId', '=', owner.personId)
    .where('scope', '=', scopeKey(owner))
    .execute();
}

/** A new link to this feed, in place of the owner's old one (which stops working). */
export async function replaceFeed(db: Kysely<Database>, owner: FeedOwner): Promise<CalendarFeedLink> {
  await revokeFeed(db, owner);
  const secret = randomBytes(32).toString('base64url');
  const createdAt = nowIso();
  await db
    .insertInto('calendarFeeds')
    .values({
      orgId: owner.orgId,
      personId: owner.personId,
      scope: scopeKey(owner),
      pairId: owner.pairId,
      tokenHash: hashSecret(secret),
      createdAt,
    })
    .execute();
  return { scope: scopeOf(owner), pairId: owner.pairId, createdAt, path: `/v1/calendar/${secret}.ics` };
}

/**
 * Whose feed a secret opens, if any: one indexed lookup, the same for a secret never made
 * and one revoked (deleted), so neither answer nor timing tells them apart. A person
 * removed from the organisation has no feed any more.
 */
export async function findFeedOwner(db: Kysely<Database>, secret: string): Promise<FeedOwner | undefined> {
  return db
    .selectFrom('calendarFeeds')
    .innerJoin('people', 'people.id', 'calendarFeeds.personId')
    .select(['calendarFeeds.orgId', 'calendarFeeds.personId', 'calendarFeeds.pairId'])
    .where('calendarFeeds.tokenHash', '=', hashSecret(secret))
    .where('people.deletedAt', 'is', null)
    .executeTakeFirst();
}

/** One session as a feed shows it: when, how long, and with whom; nothing written in it. */
export interface FeedSession {
  id: string;
  status: SessionStatus;
  startsAt: string;
  durationMinutes: number;
  partnerName: string;
  updatedAt: string;
  version: number;
}

/**
 * The sessions a feed shows: those of the owner's pair (a pair feed) or of every pair they
 * are in (their own feed), while the owner is still one of its two people and the pair is
 * neither removed nor dissolved. A dissolved pair's feed is empty, and a person who left a
 * pair no longer finds its sessions in their own feed; a completed pair keeps its history.
 * Only the columns a calendar needs are read: never a summary, action item, note or feedback.
 */
export async function feedSessions(db: Kysely<Database>, owner: FeedOwner): Promise<FeedSession[]> {
  let query = db
    .selectFrom('sessions')
    .innerJoin('pairs', 'pairs.id', 'sessions.pairId')
    .innerJoin('programs', 'programs.id', 'pairs.programId')
    .innerJoin('people as mentor', 'mentor.id', 'pairs.mentorId')
    .innerJoin('people as mentee', 'mentee.id', 'pairs.menteeId')
    .select([
      'sessions.id',
      'sessions.status',
      'sessions.sortAt',
      'sessions.durationMinutes',
      'sessions.updatedAt',
      'sessions.version',
      'programs.sessionMinutes',
      'pairs.mentorId',
      'mentor.displayName as mentorName',
      'mentee.displayName as menteeName',
    ])
    .where('sessions.orgId', '=', owner.orgId)
    .where('sessions.deletedAt', 'is', null)
    .where('pairs.deletedAt', 'is', null)
    .where('pairs.status', '!=', 'dissolved')
    .where((eb) =>
      eb.or([eb('pairs.mentorId', '=', owner.personId), eb('pairs.menteeId', '=', owner.personId)]),
    )
    .orderBy('sessions.sortAt')
    .orderBy('sessions.id');
  if (owner.pairId) query = query.where('pairs.id', '=', owner.pairId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    startsAt: row.sortAt,
    durationMinutes: row.durationMinutes ?? row.sessionMinutes,
    partnerName: row.mentorId === owner.personId ? row.menteeName : row.mentorName,
    updatedAt: row.updatedAt,
    version: row.version,
  }));
}

/** The other person of a pair feed's pair, to name the calendar; undefined once the pair is removed. */
export async function partnerName(db: Kysely<Database>, owner: FeedOwner): Promise<string | undefined> {
  const pair = await db
    .selectFrom('pairs')
    .innerJoin('people as mentor', 'mentor.id', 'pairs.mentorId')
    .innerJoin('people as mentee', 'mentee.id', 'pairs.menteeId')
    .select(['pairs.mentorId', 'mentor.displayName as mentorName', 'mentee.displayName as menteeName'])
    .where('pairs.id', '=', owner.pairId ?? '')
    .where('pairs.orgId', '=', owner.orgId)
    .where('pairs.deletedAt', 'is', null)
    .executeTakeFirst();
  if (!pair) return undefined;
  return pair.mentorId === owner.personId ? pair.menteeName : pair.mentorName;
}

/** The person's links, as they may see them (never a secret): for their own data export. */
export async function feedsOfPerson(
  db: Kysely<Database>,
  orgId: string,
  personId: string,
): Promise<CalendarFeed[]> {
  const rows = await db
    .selectFrom('calendarFeeds')
    .select(['scope', 'createdAt'])
    .where('orgId', '=', orgId)
    .where('personId', '=', personId)
    .orderBy('createdAt')
    .execute();
  return rows.map((row) => {
    const pairId = row.scope === 'person' ? null : row.scope;
    return { scope: scopeOf({ pairId }), pairId, active: true, createdAt: row.createdAt };
  });
}

/** Turns off every link of the person: an erased person's feeds open nothing. */
export async function revokeFeedsOfPerson(
  db: Kysely<Database>,
  orgId: string,
  personId: string,
): Promise<void> {
  await db.deleteFrom('calendarFeeds').where('orgId', '=', orgId).where('personId', '=', personId).execute();
}
