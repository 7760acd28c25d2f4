import type { PairActor, PairRole } from '@rm-kit/core';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Kysely } from 'kysely';
import { PAIR_COLUMNS } from '../db/columns.js';
import { compiledQuery } from '../db/compiled-queries.js';
import type { Database, Row } from '../db/schema.js';
import type { AppEnv } from '../http/env.js';
import { forbidden, notFound } from '../http/problem.js';
import type { Caller } from './caller.js';

export type PairAccess = { pair: Row<'pairs'>; role: PairRole | 'admin' };

/**
 * The one admin-only check, so every route refuses alike: a 403 with `refusal`, which says
 * what only an admin (or a service token, which acts with an admin's reach) may do.
 */
export function requireAdmin(caller: Caller, refusal: string) {
  if (!caller.isAdmin) throw forbidden(refusal);
}

/**
 * A rule for every operation of a resource, as middleware on its sub-app (`use(everyOperation(...))`):
 * `check` refuses a caller before their request is read. A request that reaches no
 * operation (only middleware matched its method and path) passes untouched, so it keeps
 * the 405 or 404 that anyone gets.
 */
export function everyOperation(check: (caller: Caller) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (matchedRoutes(c).some((route) => route.method !== 'ALL')) check(c.get('caller'));
    await next();
  };
}

/** The person on one side of a pair: the caller, for the side they were let in on. */
export function memberId(pair: Pick<Row<'pairs'>, 'mentorId' | 'menteeId'>, role: PairRole): string {
  return role === 'mentor' ? pair.mentorId : pair.menteeId;
}

/** The person on the other side of a pair. */
export function partnerId(pair: Pick<Row<'pairs'>, 'mentorId' | 'menteeId'>, role: PairRole): string {
  return role === 'mentor' ? pair.menteeId : pair.mentorId;
}

/** The caller's side in a pair, if they are in it. */
export function sideIn(pair: Pick<Row<'pairs'>, 'mentorId' | 'menteeId'>, caller: Caller): PairRole | null {
  if (caller.personId === pair.mentorId) return 'mentor';
  if (caller.personId === pair.menteeId) return 'mentee';
  return null;
}

/**
 * Who a caller is to a pair they may see, for what they may read of it and do to it: an
 * admin (or a service token) acts as one, even in their own pair; anyone else as their side.
 */
export function actorIn(pair: Pick<Row<'pairs'>, 'mentorId' | 'menteeId'>, caller: Caller): PairActor {
  if (caller.isAdmin) return 'admin';
  const side = sideIn(pair, caller);
  if (!side) throw notFound('pair');
  return side;
}

/** Read by nearly every request about a pair. */
const pairById = compiledQuery((db: Kysely<Database>, { pairId, orgId }: { pairId: string; orgId: string }) =>
  db
    .selectFrom('pairs')
    .select(PAIR_COLUMNS)
    .where('id', '=', pairId)
    .where('orgId', '=', orgId)
    .where('deletedAt', 'is', null),
);

/**
 * A pair the caller may see: their own, or, when `admins` is set, any pair of their
 * organisation for an admin. Anything else is the same 404 as a pair that does not exist.
 */
export async function findPair(
  db: Kysely<Database>,
  caller: Caller,
  pairId: string,
  options: { admins: boolean },
): Promise<PairAccess> {
  const pair = await pairById.first(db, { pairId, orgId: caller.orgId });
  if (pair) {
    const side = sideIn(pair, caller);
    if (side) return { pair, role: side };
    if (options.admins && caller.isAdmin) return { pair, role: 'admin' };
  }
  throw notFound('pair');
}

/** A pair the caller is a member of: for what only the two of them may read or write. */
export async function findOwnPair(db: Kysely<Database>, caller: Caller, pairId: string) {
  const access = await findPair(db, caller, pairId, { admins: false });
  return access as { pair: Row<'pairs'>; role: PairRole };
}

/**
 * What `read` finds about a pair only its two members may read, read while the pair is checked
 * (on PostgreSQL one round trip instead of two) and given only once the pair is the caller's:
 * otherwise the pair's refusal, whatever the read found or failed with.
 */
export async function readOfOwnPair<T>(
  db: Kysely<Database>,
  caller: Caller,
  pairId: string,
  read: () => Promise<T>,
): Promise<T> {
  const [access, found] = await Promise.allSettled([findOwnPair(db, caller, pairId), read()]);
  if (access.status === 'rejected') throw access.reason;
  if (found.status === 'rejected') throw found.reason;
  return found.value;
}
