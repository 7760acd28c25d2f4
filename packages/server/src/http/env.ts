import type { HttpBindings } from '@hono/node-server';
import type { RequestIdVariables } from 'hono/request-id';
import type { Kysely } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/schema.js';
import type { DomainEvent } from '../events/event-bus.js';

/** What every handler finds on the context. */
export interface AppEnv {
  /** The Node request and response under a real server; absent when a test calls `app.request()`. */
  Bindings: Partial<HttpBindings>;
  Variables: RequestIdVariables & {
    caller: Caller;
    /** The database, or the open transaction of an idempotent write. */
    db: Kysely<Database>;
    /** Events to publish once the request's writes are committed. */
    events: DomainEvent[];
    /** The answer holds a secret shown once (a new service token): an idempotent replay must not repeat it. */
    shownOnce?: boolean;
    /** The answer is an event stream, which never ends on its own (see everyAnswer). */
    eventStream?: boolean;
  };
}
