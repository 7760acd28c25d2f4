import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { callerKey } from '../auth/caller.js';
import { compiledQuery } from '../db/compiled-queries.js';
import { withDirectWrites } from '../db/direct-writes.js';
import type { Database, Row } from '../db/schema.js';
import { SENT_AHEAD } from '../db/sent-ahead.js';
import type { EventBus } from '../events/event-bus.js';
import type { AppEnv } from './env.js';
import { Problem } from './problem.js';

const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
/** Whether a request is a write: run in a transaction of its own, committed before it is answered. */
export const isWrite = (method: string) => UNSAFE.has(method);
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** A key an older server left in flight this long ago belongs to a request that died; its write rolled back. */
const ABANDONED_AFTER_MS = 60_000;
const REPLAYED_HEADERS = ['content-type', 'etag', 'location'];

class RolledBack extends Error {}

/** Where a refusal rolls back to, keeping the key's claim; run as they are, nothing to build. */
const SAVEPOINT = CompiledQuery.raw(`savepoint handler ${SENT_AHEAD}`);
const ROLLBACK_TO_SAVEPOINT = CompiledQuery.raw('rollback to savepoint handler');

type KeyClaim = {
  scope: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
  createdAt: string;
};

/** The queries every keyed write runs, compiled once (building them was a tenth of a write's time). */
const claim = compiledQuery((db: Kysely<Database>, claimed: KeyClaim) =>
  db
    .insertInto('idempotencyKeys')
    .values({
      scope: claimed.scope,
      key: claimed.key,
      method: claimed.method,
      path: claimed.path,
      requestHash: claimed.requestHash,
      createdAt: claimed.createdAt,
      state: 'in-flight',
      statusCode: null,
      responseBody: null,
      responseHeaders: null,
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing()),
);
const claimedRow = compiledQuery((db: Kysely<Database>, { scope, key }: { scope: string; key: string }) =>
  db.selectFrom('idempotencyKeys').selectAll().where('scope', '=', scope).where('key', '=', key),
);
const store = compiledQuery(
  (
    db: Kysely<Database>,
    answer: {
      scope: string;
      key: string;
      statusCode: number;
      responseBody: string | null;
      responseHeaders: string;
    },
  ) =>
    db
      .updateTable('idempotencyKeys')
      .set({
        state: 'done',
        statusCode: answer.statusCode,
        responseBody: answer.responseBody,
        responseHeaders: answer.responseHeaders,
      })
      .where('scope', '=', answer.scope)
      .where('key', '=', answer.key)
      // The write's events and COMMIT follow it; nothing reads what it returns.
      .modifyEnd(sql.raw(SENT_AHEAD)),
);

/**
 * What makes two requests "the same" for an Idempotency-Key: method, path, query string,
 * If-Match and body. A key sent again with any of them changed answers 422.
 */
export function hashRequest(request: {
  method: string;
  path: string;
  /** The query string as sent, with its `?`; empty when there is none. */
  query: string;
  ifMatch: string | null;
  body: string;
}): string {
  return createHash('sha256')
    .update(`${request.method} ${request.path}${request.query}\n`)
    .update(`If-Match: ${request.ifMatch ?? ''}\n`)
    .update(request.body)
    .digest('hex');
}

/**
 * Runs every write in one transaction, logs its events in that transaction and delivers
 * them to this process's streams after commit (other processes hear of them then). With
 * an `Idempotency-Key`, the key is claimed and the first response stored in that same
 * transaction, so a retry gets the stored answer and the write happens exactly once: the
 * same key with another body answers 422, and a retry arriving while the first request
 * runs waits for its answer and gets it. A request that dies (a crash, a lost connection,
 * a 5xx) takes its claim with it when its transaction rolls back, so a retry after a
 * restart goes through at once.
 */
export function transactionalWrites(
  db: Kysely<Database>,
  bus: EventBus,
  retentionHours: number,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('events', []);
    if (!isWrite(c.req.method)) {
      c.set('db', db);
      await next();
      return;
    }

    const key = c.req.header('Idempotency-Key');
    if (key !== undefined && !KEY_FORMAT.test(key)) {
      throw new Problem('validation_failed', 'Idempotency-Key must be 1-255 visible ASCII characters', {
        issues: [{ path: ['Idempotency-Key'], message: 'Use a UUID or another unique string' }],
      });
    }
    const scope = callerKey(c.get('caller'));
    const requestHash = hashRequest({
      method: c.req.method,
      path: c.req.path,
      query: new URL(c.req.url).search,
      ifMatch: c.req.header('If-Match') ?? null,
      body: await c.req.text(),
    });

    let logged = false;
    try {
      const replay = await db.transaction().execute((trx) =>
        withDirectWrites(db, trx, async () => {
          if (key !== undefined) {
            const answer = await claimKey(
              trx,
              { scope, key, method: c.req.method, path: c.req.path, requestHash },
              retentionHours,
            );
            if (answer) return answer;
            // A refusal undoes the write but keeps the claim, to store the refusal under it.
            await trx.executeQuery(SAVEPOINT);
          }
          c.set('db', trx);
          await next();
          if (c.error || c.res.status >= 400) {
            // A refusal is an answer too (replayed like any other), but a server error is not:
            // rolling it all back frees the key for a retry.
            if (key === undefined || c.res.status >= 500) throw new RolledBack();
            await trx.executeQuery(ROLLBACK_TO_SAVEPOINT);
            await storeResponse(trx, scope, key, c.res, false);
            return null;
          }
          if (key !== undefined) await storeResponse(trx, scope, key, c.res, c.get('shownOnce') === true);
          const events = c.get('events');
          if (events.length > 0) await bus.append(trx, events);
          logged = events.length > 0;
          return null;
        }),
      );
      if (replay) return replay;
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
      return;
    } finally {
      c.set('db', db);
    }
    if (logged) await bus.deliverNew();
  };
}

/**
 * Claims the key for this request within its transaction (null: go ahead), or answers in
 * its place: the stored response, 409 while a request holds it in flight, 422 when it was
 * used for another request. A claim is visible to others only once its write commits: on
 * PostgreSQL a request with the same key waits on the claim's row until then and finds
 * the answer; on SQLite requests take the one connection in turn.
 *
 * Keys stored `in-flight` were claimed outside the write's transaction, by servers before
 * this one; one may still be running during a rolling upgrade, so such a key answers 409
 * until it is abandoned, and only one of several requests arriving together may take it over.
 */
async function claimKey(
  db: Kysely<Database>,
  request: { scope: string; key: string; method: string; path: string; requestHash: string },
  retentionHours: number,
): Promise<Response | null> {
  // A takeover lost to a concurrent request, or a row deleted under us (pruned, or an older
  // server freeing a key after a 5xx), is looked at afresh; a few rounds settle it.
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = new Date();
    const claimed = {
      ...request,
      state: 'in-flight' as const,
      statusCode: null,
      responseBody: null,
      responseHeaders: null,
      createdAt: now.toISOString(),
    };
    const inserted = await claim.execute(db, { ...request, createdAt: claimed.createdAt });
    if (Number(inserted.numAffectedRows ?? 0n) === 1) return null;

    const existing = await claimedRow.first(db, request);
    if (!existing) continue; // freed since the insert: claim it again
    const age = now.getTime() - Date.parse(existing.createdAt);
    const expired = age > retentionHours * 3_600_000;
    const abandoned = existing.state === 'in-flight' && age > ABANDONED_AFTER_MS;
    if (expired || abandoned) {
      // Take it over only if nobody else did since we read it: the row must be unchanged.
      const taken = await db
        .updateTable('idempotencyKeys')
        .set(claimed)
        .where('scope', '=', request.scope)
        .where('key', '=', request.key)
        .where('createdAt', '=', existing.createdAt)
        .where('state', '=', existing.state)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) return null;
      continue; // another request took it over (or it vanished): see what it holds now
    }
    return answerFor(existing, request.requestHash);
  }
  throw inUse();
}

function inUse(): Problem {
  return new Problem(
    'idempotency_key_in_use',
    'A request with this Idempotency-Key is still being processed',
    {
      headers: { 'Retry-After': '1' },
    },
  );
}

/** The answer to a request whose key is held: 422 for another request, 409 while in flight, else a replay. */
function answerFor(existing: Row<'idempotencyKeys'>, requestHash: string): Response {
  if (existing.requestHash !== requestHash) {
    throw new Problem('idempotency_key_reused', 'This Idempotency-Key was used for a different request', {
      issues: [{ path: ['Idempotency-Key'], message: 'Use a new key for a new request' }],
    });
  }
  if (existing.state === 'in-flight') throw inUse();
  const headers = new Headers(JSON.parse(existing.responseHeaders ?? '{}') as Record<string, string>);
  headers.set('Idempotent-Replayed', 'true');
  // Returned as it is, past the header the app gives every answer it builds (see no-store.ts).
  headers.set('Cache-Control', 'no-store');
  return new Response(existing.responseBody, { status: existing.statusCode ?? 200, headers });
}

/**
 * What a replay of an answer that held a secret shown once (a new service token) answers
 * instead: the secret must not sit in this table.
 */
function secretNotKept(response: Response) {
  const location = response.headers.get('location');
  return JSON.stringify({
    error: {
      code: 'conflict',
      message: `The first request with this key succeeded${location ? ` (${location})` : ''}, but what it returned is shown only once. Revoke it and create another if it was lost.`,
    },
  });
}

async function storeResponse(
  db: Kysely<Database>,
  scope: string,
  key: string,
  response: Response,
  shownOnce: boolean,
) {
  if (response.ok && shownOnce) {
    await db
      .updateTable('idempotencyKeys')
      .set({
        state: 'done',
        statusCode: 409,
        responseBody: secretNotKept(response),
        responseHeaders: JSON.stringify({ 'content-type': 'application/json' }),
      })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
    return;
  }
  const headers = Object.fromEntries(
    REPLAYED_HEADERS.flatMap((name) => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  await store.execute(db, {
    scope,
    key,
    statusCode: response.status,
    responseBody: response.status === 204 ? null : await bodyText(response),
    responseHeaders: JSON.stringify(headers),
  });
}

/**
 * The text of an answer the app built, leaving it to be sent. @hono/node-server's Response
 * keeps a string body as given, under a symbol it does not export, and writes it straight
 * to the socket; cloning it built a whole web Response and streamed both copies, about a
 * tenth of a keyed write's time. Any other Response is cloned.
 */
function bodyText(response: Response): Promise<string> {
  const kept = Object.getOwnPropertySymbols(response).find((symbol) => symbol.description === 'cache');
  const cache: unknown = kept && (response as unknown as Record<symbol, unknown>)[kept];
  if (Array.isArray(cache) && typeof cache[1] === 'string') return Promise.resolve(cache[1]);
  return response.clone().text();
}

/** Forgets keys past their retention, so the table does not grow for ever. */
export async function pruneIdempotencyKeys(db: Kysely<Database>, retentionHours: number): Promise<void> {
  const cutoff = new Date(Date.now() - retentionHours * 3_600_000).toISOString();
  await db.deleteFrom('idempotencyKeys').where('createdAt', '<', cutoff).execute();
}
