import type {
  CalendarFeed,
  CalendarFeedLink,
  Enrollment,
  EnrollmentCreate,
  EnrollmentListQuery,
  EnrollmentUpdate,
  ExportQuery,
  Feedback,
  FeedbackCreate,
  FeedbackListQuery,
  FeedbackUpdate,
  Goal,
  GoalCreate,
  GoalListQuery,
  GoalTemplate,
  GoalTemplateCreate,
  GoalTemplateListQuery,
  GoalTemplateUpdate,
  GoalUpdate,
  List,
  MatchConstraint,
  MatchConstraintCreate,
  MatchConstraintListQuery,
  MatchProposalSet,
  MatchPublish,
  Me,
  Organization,
  OrganizationUpdate,
  Pair,
  PairBatch,
  PairCreate,
  PairListQuery,
  PairProgress,
  PairUpdate,
  Person,
  PersonCreate,
  PersonData,
  PersonErasure,
  PersonListQuery,
  PersonUpdate,
  PrivateNote,
  PrivateNoteCreate,
  PrivateNoteUpdate,
  Program,
  ProgramCreate,
  ProgramDashboard,
  ProgramListQuery,
  ProgramReport,
  ProgramUpdate,
  ServiceToken,
  ServiceTokenCreated,
  Session,
  SessionCreate,
  SessionListQuery,
  SessionUpdate,
  SharedStory,
  Story,
  StoryCreate,
  StoryListQuery,
  StoryReturn,
  StoryUpdate,
  Webhook,
  WebhookCreate,
  WebhookDelivery,
  WebhookDeliveryListQuery,
  WebhookUpdate,
  WebhookWithSecret,
} from '@rm-kit/core';
import { cacheScope, ReadCache } from './cache.js';
import { isOriginRefused, RmNetworkError } from './errors.js';
import { type EventsApi, liveEvents } from './events.js';
import { Outbox, type OutboxEntry, type OutboxEvents, provisionalId } from './outbox.js';
import type { OutboxOperation, OutboxWrite } from './outbox-writes.js';
import { type ListQuery, paginate } from './pagination.js';
import { sharedReads } from './shared-reads.js';
import { defaultStore, type KeyValueStore } from './store.js';
import {
  type Request,
  type RequestOptions,
  type RetryPolicy,
  send,
  type TransportOptions,
} from './transport.js';

export interface ClientOptions {
  /** Where the API is, e.g. `https://mentoring.contoso.com` (the SDK adds `/v1/…`). */
  baseUrl: string;
  /** A fixed bearer token… */
  token?: string;
  /** …or a function that returns a fresh one for each request (e.g. from MSAL). */
  getToken?: () => string | Promise<string>;
  /** Your own fetch (tests, proxies, instrumentation). Default: the global fetch. */
  fetch?: typeof fetch;
  /** Where the outbox and read cache live. Default: IndexedDB in browsers, memory in Node. */
  store?: KeyValueStore;
  /** Sent as Accept-Language. */
  locale?: string;
  /** Per-request timeout (default 15 000 ms). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How often the outbox retries while writes are waiting (default 15 000 ms; 0: only on `online` and `sync()`). */
  syncIntervalMs?: number;
  /**
   * How long an answer is given again to an identical read asked after it came (default 0:
   * every read not joining one on its way asks the server). A write through this client, a
   * live event or a reset of the event stream ends it sooner. `<rm-provider>` sets
   * 2 000 ms for the client it makes: elements that start one after another read the
   * signed-in person once.
   */
  reuseAnswersForMs?: number;
}

/**
 * A write the server has not answered yet: it waits in the outbox and goes out when it can.
 * Not the entity (the SDK does not guess what the server would make of the body): what was
 * sent, and what later writes need to follow it.
 */
export interface Queued<B> {
  pending: true;
  /** The entity's id: a create's provisional `pending_…` id (later writes may use it), or the id changed. */
  id: string;
  /** The outbox entry, for `retryWrite` and `discardWrite`. */
  outboxId: string;
  /** What was sent: a create's body, an update's changes. */
  body: B;
  /**
   * The version the entity will have once this write lands (1 for a create), so a change
   * queued after it carries the right If-Match; unknown for an update sent without one.
   */
  version: number | undefined;
  createdAt: string;
}

/** What a write resolves with: the server's entity, or, while it waits in the outbox, a `Queued` receipt. */
export type Written<T, B = unknown> = (T & { pending?: never }) | Queued<B>;

/** An API path with every id in it encoded, so no id can name another route. */
function apiPath(parts: TemplateStringsArray, ...ids: string[]): string {
  return parts.reduce(
    (path, part, i) => path + part + (i < ids.length ? encodeURIComponent(ids[i] ?? '') : ''),
    '',
  );
}

/** A new link to a calendar feed, with the whole URL to give a calendar app. */
export type CalendarLink = CalendarFeedLink & {
  /** The feed's address on this client's server: what to paste into Outlook or Google Calendar. */
  url: string;
};

/** An entity, or its id; an entity's version is sent as If-Match. */
export type Ref = string | { id: string; version?: number };

export interface ClientEventMap {
  'outbox-change': CustomEvent<OutboxEvents['outbox-change']>;
  synced: CustomEvent<OutboxEvents['synced']>;
  'sync-error': CustomEvent<OutboxEvents['sync-error']>;
  'sync-paused': CustomEvent<OutboxEvents['sync-paused']>;
}

type Query = Record<string, string | number | undefined>;

const refId = (ref: Ref) => (typeof ref === 'string' ? ref : ref.id);
const refVersion = (ref: Ref) => (typeof ref === 'string' ? undefined : ref.version);

/**
 * The rm-kit client. One namespace per resource; every write goes through the offline
 * outbox; reads fall back to the last good answer when the server cannot be reached.
 */
// Taken from EventTarget itself rather than named from the DOM library, so a Node project
// whose `lib` has no DOM type-checks the SDK's declarations too (@types/node declares EventTarget).
type Listener = Parameters<EventTarget['addEventListener']>[1];
type AddOptions = Parameters<EventTarget['addEventListener']>[2];
type RemoveOptions = Parameters<EventTarget['removeEventListener']>[2];

export class RmClient extends EventTarget {
  readonly baseUrl: string;
  private readonly transport: TransportOptions;
  private readonly outbox: Outbox;
  private readonly cache: ReadCache;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly onOnline = () => void this.sync();

  constructor(options: ClientOptions) {
    super();
    const getToken = options.getToken ?? (() => options.token ?? '');
    if (!options.getToken && !options.token)
      throw new TypeError('createClient needs a token or a getToken function');
    this.baseUrl = options.baseUrl;
    this.shared = sharedReads(options.reuseAnswersForMs);
    this.transport = {
      baseUrl: options.baseUrl,
      getToken,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      retry: { maxRetries: 2, baseDelayMs: 300, maxDelayMs: 5000, ...options.retry },
      timeoutMs: options.timeoutMs ?? 15_000,
      locale: options.locale,
      onChange: () => this.shared.forget(),
    };
    const store = options.store ?? defaultStore();
    this.cache = new ReadCache(store);
    this.outbox = new Outbox(
      store,
      this.transport,
      (type, detail) => this.dispatchEvent(new CustomEvent(type, { detail })),
      async () => cacheScope(await getToken()),
    );
    this.events = liveEvents(this.transport);
    const interval = options.syncIntervalMs ?? 15_000;
    if (interval > 0) {
      this.timer = setInterval(() => void this.sync(), interval);
      (this.timer as { unref?: () => void }).unref?.();
    }
    globalThis.addEventListener?.('online', this.onOnline);
    // Whatever a previous page left in the outbox goes out as soon as this client exists.
    queueMicrotask(() => void this.sync());
  }

  readonly events: EventsApi;
  /** Identical reads asked at once go out once (see sharedReads). */
  private readonly shared: ReturnType<typeof sharedReads>;

  override addEventListener<K extends keyof ClientEventMap>(
    type: K,
    listener: (event: ClientEventMap[K]) => void,
    options?: AddOptions,
  ): void;
  override addEventListener(type: string, listener: Listener, options?: AddOptions): void;
  override addEventListener(type: string, listener: Listener, options?: AddOptions): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof ClientEventMap>(
    type: K,
    listener: (event: ClientEventMap[K]) => void,
    options?: RemoveOptions,
  ): void;
  override removeEventListener(type: string, listener: Listener, options?: RemoveOptions): void;
  override removeEventListener(type: string, listener: Listener, options?: RemoveOptions): void {
    super.removeEventListener(type, listener, options);
  }

  /** Sends what waits in the outbox now (it also does so on `online`, on a timer, and at start). */
  sync(): Promise<void> {
    return this.outbox.flush().catch(() => {});
  }

  /**
   * The writes waiting in the outbox, and those the server refused (`state: 'failed'`); of
   * one operation only, typed by it, when given (`pendingWrites('goals.update')`).
   */
  pendingWrites(): Promise<OutboxEntry[]>;
  pendingWrites<K extends OutboxOperation>(operation: K): Promise<OutboxEntry<K>[]>;
  pendingWrites(operation?: OutboxOperation): Promise<OutboxEntry[]> {
    return operation ? this.queued(operation) : this.outbox.entries();
  }

  /** Sends a refused write again, with a corrected body if given. */
  retryWrite(entryId: string, body?: unknown): Promise<void> {
    return this.outbox.retry(entryId, body);
  }

  /** Gives up on a refused write. */
  discardWrite(entryId: string): Promise<void> {
    return this.outbox.discard(entryId);
  }

  /** Stops the timer and listeners; the outbox stays in the store for the next client. */
  close(): void {
    this.outbox.close();
    clearInterval(this.timer);
    globalThis.removeEventListener?.('online', this.onOnline);
  }

  private async read<T>(path: string, query: Query = {}, options: RequestOptions = {}): Promise<T> {
    const request: Request = { method: 'GET', path, query };
    const key = `${path}?${new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][])}`;
    const scope = cacheScope(await this.transport.getToken());
    try {
      // Remembered once, as the server answered: not again for each caller given a copy.
      return await this.shared.read(`${scope} ${key}`, options.signal, async (signal) => {
        const value = await send<T>(this.transport, request, { ...options, signal });
        this.cache.remember(scope, key, value);
        return value;
      });
    } catch (error) {
      // A refused origin is no network outage: an old copy would hide what to fix.
      if (error instanceof RmNetworkError && !isOriginRefused(error)) {
        const cached = await this.cache.recall<T>(scope, key);
        if (cached !== undefined) return cached;
      }
      throw error;
    }
  }

  /**
   * Queues a write and sends it: resolves with the server's entity `T`, or with a `Queued<B>`
   * receipt while the server cannot be reached.
   */
  private async write<T, B = undefined>(
    write: OutboxWrite & { body?: B },
    request: Request,
    options: RequestOptions & {
      /** The entity a queued update or remove names; a create gets a provisional id. */
      entityId?: string;
    } = {},
  ): Promise<Written<T, B>> {
    const id = write.operation.endsWith('.create') ? provisionalId() : undefined;
    const { idempotencyKey, ifMatch, entityId, ...firstAttempt } = options;
    const outcome = await this.outbox.submit<T & { pending?: never }>(
      {
        label: write.operation,
        write,
        request,
        ...(idempotencyKey ? { idempotencyKey } : {}),
        ...(ifMatch === undefined ? {} : { ifMatch }),
        ...(id ? { provisionalId: id } : {}),
      },
      firstAttempt,
    );
    if (outcome.status === 'sent') return outcome.result;
    return {
      pending: true,
      id: id ?? entityId ?? '',
      outboxId: outcome.entryId,
      body: write.body as B,
      // What the server will give the entity once this write lands (a create: 1; a change:
      // one more than it expects), so a further change queued after it carries the right If-Match.
      version: id ? 1 : ifMatch === undefined ? undefined : ifMatch + 1,
      createdAt: new Date().toISOString(),
    };
  }

  /** The signed-in person's queued writes of one operation, typed by it. */
  private async queued<K extends OutboxOperation>(operation: K): Promise<OutboxEntry<K>[]> {
    return (await this.outbox.entries()).filter(
      (entry): entry is OutboxEntry<K> => entry.label === operation,
    );
  }

  /**
   * Get, update and remove of one resource, read and changed by its own id; `update` and
   * `remove` name the queued write as the contract types it.
   */
  private entity<T, U>(
    itemPath: (id: string) => string,
    writes: {
      update: (id: string, body: U) => OutboxWrite & { body: U };
      remove: (id: string) => OutboxWrite<`${string}.remove` & OutboxOperation>;
    },
  ) {
    return {
      get: (ref: Ref, options?: RequestOptions) => this.read<T>(itemPath(refId(ref)), {}, options),
      update: (ref: Ref, changes: U, options: RequestOptions = {}) => {
        const ifMatch = options.ifMatch ?? refVersion(ref);
        const id = refId(ref);
        return this.write<T, U>(
          writes.update(id, changes),
          { method: 'PATCH', path: itemPath(id), body: changes },
          { ...options, entityId: id, ...(ifMatch === undefined ? {} : { ifMatch }) },
        );
      },
      /** Resolves once removed, or with a `Queued` receipt while the removal waits in the outbox. */
      remove: async (ref: Ref, options: RequestOptions = {}): Promise<Queued<undefined> | undefined> => {
        const ifMatch = options.ifMatch ?? refVersion(ref);
        const id = refId(ref);
        const written = await this.write<undefined>(
          writes.remove(id),
          { method: 'DELETE', path: itemPath(id) },
          { ...options, entityId: id, ...(ifMatch === undefined ? {} : { ifMatch }) },
        );
        return written?.pending ? written : undefined;
      },
    };
  }

  /** One page, and every item, of a collection, filtered as the contract types its query `Q`. */
  private collection<T, Q extends ListQuery>(path: string) {
    return {
      page: (query?: Q, options?: RequestOptions) => this.read<List<T>>(path, query, options),
      list: (query?: Q) => paginate<T, ListQuery>((q) => this.read<List<T>>(path, q), query ?? {}),
    };
  }

  /** The same, of a collection under a parent (a pair's sessions), whose id comes first. */
  private collectionOf<T, Q extends ListQuery>(pathOf: (parentId: string) => string) {
    return {
      page: (parentId: string, query?: Q, options?: RequestOptions) =>
        this.collection<T, Q>(pathOf(parentId)).page(query, options),
      list: (parentId: string, query?: Q) => this.collection<T, Q>(pathOf(parentId)).list(query),
    };
  }

  private readonly sessionsEntity = this.entity<Session, SessionUpdate>((id) => apiPath`v1/sessions/${id}`, {
    update: (id, body) => ({ operation: 'sessions.update', id, body }),
    remove: (id) => ({ operation: 'sessions.remove', id }),
  });
  private readonly goalsEntity = this.entity<Goal, GoalUpdate>((id) => apiPath`v1/goals/${id}`, {
    update: (id, body) => ({ operation: 'goals.update', id, body }),
    remove: (id) => ({ operation: 'goals.remove', id }),
  });
  private readonly goalTemplatesEntity = this.entity<GoalTemplate, GoalTemplateUpdate>(
    (id) => apiPath`v1/goal-templates/${id}`,
    {
      update: (id, body) => ({ operation: 'goalTemplates.update', id, body }),
      remove: (id) => ({ operation: 'goalTemplates.remove', id }),
    },
  );
  private readonly notesEntity = this.entity<PrivateNote, PrivateNoteUpdate>(
    (id) => apiPath`v1/notes/${id}`,
    {
      update: (id, body) => ({ operation: 'notes.update', id, body }),
      remove: (id) => ({ operation: 'notes.remove', id }),
    },
  );
  private readonly feedbackEntity = this.entity<Feedback, FeedbackUpdate>(
    (id) => apiPath`v1/feedback/${id}`,
    {
      update: (id, body) => ({ operation: 'feedback.update', id, body }),
      remove: (id) => ({ operation: 'feedback.remove', id }),
    },
  );
  private readonly pairsEntity = this.entity<Pair, PairUpdate>((id) => apiPath`v1/pairs/${id}`, {
    update: (id, body) => ({ operation: 'pairs.update', id, body }),
    remove: (id) => ({ operation: 'pairs.remove', id }),
  });
  private readonly peopleEntity = this.entity<Person, PersonUpdate>((id) => apiPath`v1/people/${id}`, {
    update: (id, body) => ({ operation: 'people.update', id, body }),
    remove: (id) => ({ operation: 'people.remove', id }),
  });
  private readonly programsEntity = this.entity<Program, ProgramUpdate>((id) => apiPath`v1/programs/${id}`, {
    update: (id, body) => ({ operation: 'programs.update', id, body }),
    remove: (id) => ({ operation: 'programs.remove', id }),
  });
  private readonly webhooksEntity = this.entity<Webhook, WebhookUpdate>((id) => apiPath`v1/webhooks/${id}`, {
    update: (id, body) => ({ operation: 'webhooks.update', id, body }),
    remove: (id) => ({ operation: 'webhooks.remove', id }),
  });
  private readonly enrollmentsEntity = this.entity<Enrollment, EnrollmentUpdate>(
    (id) => apiPath`v1/enrollments/${id}`,
    {
      update: (id, body) => ({ operation: 'enrollments.update', id, body }),
      remove: (id) => ({ operation: 'enrollments.remove', id }),
    },
  );

  readonly me = {
    /** Who you are: your person, organisation, roles and pairs. */
    get: (options?: RequestOptions) => this.read<Me>('v1/me', {}, options),
    /**
     * Everything stored about you (see personDataFile to save it). Read past the offline
     * cache: private notes and answers must not linger in the browser's storage.
     */
    export: (options?: RequestOptions) =>
      send<PersonData>(this.transport, { method: 'GET', path: 'v1/me/export' }, options),
  };

  readonly organization = {
    get: (options?: RequestOptions) => this.read<Organization>('v1/organization', {}, options),
    update: (changes: OrganizationUpdate, options: RequestOptions = {}) =>
      this.write<Organization, OrganizationUpdate>(
        { operation: 'organization.update', body: changes },
        { method: 'PATCH', path: 'v1/organization', body: changes },
        options,
      ),
  };

  readonly people = {
    ...this.collection<Person, PersonListQuery>('v1/people'),
    ...this.peopleEntity,
    /** What an admin may read about a person, as one document (admins and service tokens); never cached. */
    export: (personId: string, options?: RequestOptions) =>
      send<PersonData>(
        this.transport,
        { method: 'GET', path: apiPath`v1/people/${personId}/export` },
        options,
      ),
    /**
     * Erases a person (admins and service tokens). Sent at once, never queued in the outbox:
     * an erasure that cannot be undone is made while someone watches it succeed or fail.
     */
    erase: (personId: string, options?: RequestOptions) =>
      send<PersonErasure>(
        this.transport,
        { method: 'POST', path: apiPath`v1/people/${personId}/erasure`, body: { confirm: 'erase' } },
        options,
      ),
    create: (body: PersonCreate, options?: RequestOptions) =>
      this.write<Person, PersonCreate>(
        { operation: 'people.create', body },
        { method: 'POST', path: 'v1/people', body },
        options,
      ),
  };

  readonly programs = {
    ...this.collection<Program, ProgramListQuery>('v1/programs'),
    ...this.programsEntity,
    create: (body: ProgramCreate, options?: RequestOptions) =>
      this.write<Program, ProgramCreate>(
        { operation: 'programs.create', body },
        { method: 'POST', path: 'v1/programs', body },
        options,
      ),
  };

  readonly enrollments = {
    ...this.collectionOf<Enrollment, EnrollmentListQuery>(
      (programId) => apiPath`v1/programs/${programId}/enrollments`,
    ),
    ...this.enrollmentsEntity,
    create: (programId: string, body: EnrollmentCreate, options?: RequestOptions) =>
      this.write<Enrollment, EnrollmentCreate>(
        { operation: 'enrollments.create', programId, body },
        { method: 'POST', path: apiPath`v1/programs/${programId}/enrollments`, body },
        options,
      ),
  };

  readonly pairs = {
    ...this.collection<Pair, PairListQuery>('v1/pairs'),
    ...this.pairsEntity,
    create: (programId: string, body: PairCreate, options?: RequestOptions) =>
      this.write<Pair, PairCreate>(
        { operation: 'pairs.create', programId, body },
        { method: 'POST', path: apiPath`v1/programs/${programId}/pairs`, body },
        options,
      ),
    /** Accepts the pair charter for your own side. */
    acceptCharter: (pair: Ref, options: RequestOptions = {}) =>
      this.write<Pair>(
        { operation: 'pairs.acceptCharter', pairId: refId(pair) },
        { method: 'POST', path: apiPath`v1/pairs/${refId(pair)}/charter-acceptance` },
        { ...options, entityId: refId(pair) },
      ),
    /**
     * Agrees to the pair, as its mentee: with both charters accepted, a proposed pair becomes
     * active. The mentor is refused with `RmForbiddenError`.
     */
    consent: (pair: Ref, options: RequestOptions = {}) =>
      this.write<Pair>(
        { operation: 'pairs.consent', pairId: refId(pair) },
        { method: 'POST', path: apiPath`v1/pairs/${refId(pair)}/consent` },
        { ...options, entityId: refId(pair) },
      ),
    /**
     * Leaves the pair, without a reason (a no-fault exit): it is dissolved, and the other
     * member never reads who left.
     */
    decline: (pair: Ref, options: RequestOptions = {}) =>
      this.write<Pair>(
        { operation: 'pairs.decline', pairId: refId(pair) },
        { method: 'POST', path: apiPath`v1/pairs/${refId(pair)}/decline` },
        { ...options, entityId: refId(pair) },
      ),
    /** Whether your acceptance of this pair's charter waits in the outbox (or was refused there). */
    charterPending: async (pairId: string) =>
      (await this.queued('pairs.acceptCharter')).filter((entry) => entry.write.pairId === pairId),
    /** Sessions held vs expected, goals, at-risk: core's rules applied by the server. */
    progress: (pair: Ref, options?: RequestOptions) =>
      this.read<PairProgress>(apiPath`v1/pairs/${refId(pair)}/progress`, {}, options),
  };

  readonly sessions = {
    ...this.collectionOf<Session, SessionListQuery>((pairId) => apiPath`v1/pairs/${pairId}/sessions`),
    ...this.sessionsEntity,
    create: (pairId: string, body: SessionCreate, options?: RequestOptions) =>
      this.write<Session, SessionCreate>(
        { operation: 'sessions.create', pairId, body },
        { method: 'POST', path: apiPath`v1/pairs/${pairId}/sessions`, body },
        options,
      ),
    /** Sessions of this pair created offline that wait in the outbox, or that the server refused there. */
    pending: async (pairId: string) =>
      (await this.queued('sessions.create')).filter((entry) => entry.write.pairId === pairId),
  };

  readonly notes = {
    ...this.collectionOf<PrivateNote, ListQuery>((sessionId) => apiPath`v1/sessions/${sessionId}/notes`),
    ...this.notesEntity,
    create: (sessionId: string, body: PrivateNoteCreate, options?: RequestOptions) =>
      this.write<PrivateNote, PrivateNoteCreate>(
        { operation: 'notes.create', sessionId, body },
        { method: 'POST', path: apiPath`v1/sessions/${sessionId}/notes`, body },
        options,
      ),
  };

  readonly goals = {
    ...this.collectionOf<Goal, GoalListQuery>((pairId) => apiPath`v1/pairs/${pairId}/goals`),
    ...this.goalsEntity,
    create: (pairId: string, body: GoalCreate, options?: RequestOptions) =>
      this.write<Goal, GoalCreate>(
        { operation: 'goals.create', pairId, body },
        { method: 'POST', path: apiPath`v1/pairs/${pairId}/goals`, body },
        options,
      ),
    /** Goals of this pair created offline that wait in the outbox, or that the server refused there. */
    pending: async (pairId: string) =>
      (await this.queued('goals.create')).filter((entry) => entry.write.pairId === pairId),
  };

  /**
   * Goals an admin suggests to a program's pairs (a title per language, a topic): anyone who
   * sees the program reads them; only admins create, change (`update`) and withdraw (`remove`) them.
   */
  readonly goalTemplates = {
    ...this.collectionOf<GoalTemplate, GoalTemplateListQuery>(
      (programId) => apiPath`v1/programs/${programId}/goal-templates`,
    ),
    update: this.goalTemplatesEntity.update,
    remove: this.goalTemplatesEntity.remove,
    create: (programId: string, body: GoalTemplateCreate, options?: RequestOptions) =>
      this.write<GoalTemplate, GoalTemplateCreate>(
        { operation: 'goalTemplates.create', programId, body },
        { method: 'POST', path: apiPath`v1/programs/${programId}/goal-templates`, body },
        options,
      ),
  };

  readonly feedback = {
    ...this.collectionOf<Feedback, FeedbackListQuery>((pairId) => apiPath`v1/pairs/${pairId}/feedback`),
    ...this.feedbackEntity,
    create: (pairId: string, body: FeedbackCreate, options?: RequestOptions) =>
      this.write<Feedback, FeedbackCreate>(
        { operation: 'feedback.create', pairId, body },
        { method: 'POST', path: apiPath`v1/pairs/${pairId}/feedback`, body },
        options,
      ),
    /** Answers for this pair given offline that wait in the outbox, or that the server refused there. */
    pending: async (pairId: string) =>
      (await this.queued('feedback.create')).filter((entry) => entry.write.pairId === pairId),
  };

  /**
   * Success stories: a pair writes one, both sides agree to publish it, an admin approves it,
   * and the organisation reads it. Every change carries the version read as If-Match (pass
   * the story), so nobody agrees to, or approves, words they have not seen.
   */
  readonly stories = {
    /** The organisation's published stories (everyone), or `{ status: 'awaiting-approval' }` (admins). */
    ...this.collection<SharedStory, StoryListQuery>('v1/stories'),
    /** A pair's own stories, drafts included (its members only). */
    ofPair: this.collectionOf<Story, ListQuery>((pairId) => apiPath`v1/pairs/${pairId}/stories`),
    get: (ref: Ref, options?: RequestOptions) =>
      this.read<Story>(apiPath`v1/stories/${refId(ref)}`, {}, options),
    create: (pairId: string, body: StoryCreate, options?: RequestOptions) =>
      this.write<Story, StoryCreate>(
        { operation: 'stories.create', pairId, body },
        { method: 'POST', path: apiPath`v1/pairs/${pairId}/stories`, body },
        options,
      ),
    /** Changes the story; the other side's agreement is withdrawn by any change of its words. */
    update: (story: Ref, changes: StoryUpdate, options: RequestOptions = {}) =>
      this.storyWrite<Story, StoryUpdate>(story, 'PATCH', '', options, {
        operation: 'stories.update',
        id: refId(story),
        body: changes,
      }),
    /** Agrees to publish the story as read, for your own side. */
    agree: (story: Ref, options: RequestOptions = {}) =>
      this.storyWrite<Story>(story, 'POST', '/agreement', options, {
        operation: 'stories.agree',
        id: refId(story),
      }),
    /** Withdraws your agreement; a published story is taken down. */
    withdrawAgreement: (story: Ref, options: RequestOptions = {}) =>
      this.storyWrite<Story>(story, 'DELETE', '/agreement', options, {
        operation: 'stories.withdrawAgreement',
        id: refId(story),
      }),
    /** Publishes a story both sides agreed to (admins). */
    approve: (story: Ref, options: RequestOptions = {}) =>
      this.storyWrite<SharedStory>(story, 'POST', '/approval', options, {
        operation: 'stories.approve',
        id: refId(story),
      }),
    /** Returns a story to its pair with a note, or takes a published one down (admins). */
    return: (story: Ref, note: string, options: RequestOptions = {}) => {
      const body: StoryReturn = { note };
      return this.storyWrite<SharedStory, StoryReturn>(story, 'POST', '/return', options, {
        operation: 'stories.return',
        id: refId(story),
        body,
      });
    },
  };

  /** A write to one story, sent with the version read as If-Match. */
  private storyWrite<T, B = undefined>(
    story: Ref,
    method: 'POST' | 'PATCH' | 'DELETE',
    action: string,
    options: RequestOptions,
    write: OutboxWrite & { body?: B },
  ) {
    const ifMatch = options.ifMatch ?? refVersion(story);
    const id = refId(story);
    return this.write<T, B>(
      write,
      {
        method,
        path: `${apiPath`v1/stories/${id}`}${action}`,
        ...(write.body === undefined ? {} : { body: write.body }),
      },
      { ...options, entityId: id, ...(ifMatch === undefined ? {} : { ifMatch }) },
    );
  }

  /** Matching for program admins: proposals computed by the server, pins and bans, publishing. */
  readonly matching = {
    /** What matching proposes for a program now, with reasons, fairness and who is left out; stores nothing. */
    proposals: (programId: string, options?: RequestOptions) =>
      this.read<MatchProposalSet>(apiPath`v1/programs/${programId}/match-proposals`, {}, options),
    /** Makes each pair a proposed pair, all or none: one that breaks a rule refuses them all. */
    publish: (programId: string, pairs: MatchPublish['pairs'], options?: RequestOptions) => {
      const body: MatchPublish = { pairs };
      return this.write<PairBatch, MatchPublish>(
        { operation: 'matching.publish', programId, body },
        { method: 'POST', path: apiPath`v1/programs/${programId}/match-proposals/publish`, body },
        options,
      );
    },
    constraints: {
      page: (programId: string, query?: MatchConstraintListQuery, options?: RequestOptions) =>
        this.collection<MatchConstraint, MatchConstraintListQuery>(
          apiPath`v1/programs/${programId}/match-constraints`,
        ).page(query, options),
      list: (programId: string, query?: MatchConstraintListQuery) =>
        this.collection<MatchConstraint, MatchConstraintListQuery>(
          apiPath`v1/programs/${programId}/match-constraints`,
        ).list(query),
      /** Pins (propose them together) or bans (never) a mentor and a mentee of the program. */
      create: (programId: string, body: MatchConstraintCreate, options?: RequestOptions) =>
        this.write<MatchConstraint, MatchConstraintCreate>(
          { operation: 'matchConstraints.create', programId, body },
          { method: 'POST', path: apiPath`v1/programs/${programId}/match-constraints`, body },
          options,
        ),
      /** Resolves once removed, or with a `Queued` receipt while the removal waits in the outbox. */
      remove: async (ref: Ref, options: RequestOptions = {}): Promise<Queued<undefined> | undefined> => {
        const ifMatch = options.ifMatch ?? refVersion(ref);
        const id = refId(ref);
        const written = await this.write<undefined>(
          { operation: 'matchConstraints.remove', id },
          { method: 'DELETE', path: apiPath`v1/match-constraints/${id}` },
          { ...options, entityId: id, ...(ifMatch === undefined ? {} : { ifMatch }) },
        );
        return written?.pending ? written : undefined;
      },
    },
  };

  readonly reports = {
    /** A program's aggregates for HR (admins only). */
    program: (programId: string, options?: RequestOptions) =>
      this.read<ProgramReport>(apiPath`v1/programs/${programId}/report`, {}, options),
    /** A program's dashboard: applications, pairs, sessions, risk, goals, topics, feedback (admins only). */
    dashboard: (programId: string, options?: RequestOptions) =>
      this.read<ProgramDashboard>(apiPath`v1/programs/${programId}/dashboard`, {}, options),
    /**
     * The dashboard's pairs as CSV text, one a line, for a download. `semicolon` and a byte
     * order mark suit Excel in Italian. Never cached: an export is of now, or fails.
     */
    dashboardCsv: (
      programId: string,
      csv: Omit<ExportQuery, 'format'> = {},
      options?: RequestOptions,
    ): Promise<string> =>
      send<string>(
        this.transport,
        {
          method: 'GET',
          path: apiPath`v1/programs/${programId}/dashboard`,
          query: { format: 'csv', ...csv },
          accept: 'text/csv',
        },
        options,
      ),
  };

  /**
   * Links to calendar feeds (iCalendar) of your sessions: of one of your pairs, or of all of
   * them ("my"). A link is shown only when it is made, since only a hash of it is stored;
   * making one turns off the one you had. Sent at once and never queued offline: a link
   * that arrives later is of no use to someone waiting to paste it.
   */
  readonly calendar = {
    /** Whether you have a link to this pair's feed, and since when. */
    pairFeed: (pair: Ref, options?: RequestOptions) =>
      this.read<CalendarFeed>(apiPath`v1/pairs/${refId(pair)}/calendar-feed`, {}, options),
    /** Whether you have a link to the feed of all your sessions, and since when. */
    myFeed: (options?: RequestOptions) => this.read<CalendarFeed>('v1/me/calendar-feed', {}, options),
    newPairLink: (pair: Ref, options?: RequestOptions) =>
      this.newCalendarLink(apiPath`v1/pairs/${refId(pair)}/calendar-feed`, options),
    newMyLink: (options?: RequestOptions) => this.newCalendarLink('v1/me/calendar-feed', options),
    /** From now on your link to this pair's feed answers 404. */
    turnOffPairLink: (pair: Ref, options?: RequestOptions) =>
      send<undefined>(
        this.transport,
        { method: 'DELETE', path: apiPath`v1/pairs/${refId(pair)}/calendar-feed` },
        options,
      ),
    turnOffMyLink: (options?: RequestOptions) =>
      send<undefined>(this.transport, { method: 'DELETE', path: 'v1/me/calendar-feed' }, options),
  };

  private async newCalendarLink(path: string, options?: RequestOptions): Promise<CalendarLink> {
    const link = await send<CalendarFeedLink>(this.transport, { method: 'POST', path }, options);
    // Resolved as every API path is, so a server behind a path prefix gives a working link.
    const base = this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`;
    return { ...link, url: new URL(link.path.slice(1), base).toString() };
  }

  readonly serviceTokens = {
    page: (query?: ListQuery, options?: RequestOptions) =>
      this.read<List<ServiceToken>>('v1/service-tokens', query, options),
    create: (body: { name: string }, options: RequestOptions = {}) =>
      this.write<ServiceTokenCreated, { name: string }>(
        { operation: 'serviceTokens.create', body },
        { method: 'POST', path: 'v1/service-tokens', body },
        options,
      ),
    revoke: async (tokenId: string, options: RequestOptions = {}): Promise<void> => {
      await this.write<undefined>(
        { operation: 'serviceTokens.revoke', id: tokenId },
        { method: 'DELETE', path: apiPath`v1/service-tokens/${tokenId}` },
        { ...options, entityId: tokenId },
      );
    },
  };

  /**
   * The organisation's webhook subscriptions and their delivery logs (admins and service
   * tokens). A create or a rotation answers with the signing secret, the only time it is shown.
   */
  readonly webhooks = {
    ...this.collection<Webhook, ListQuery>('v1/webhooks'),
    ...this.webhooksEntity,
    create: (body: WebhookCreate, options?: RequestOptions) =>
      this.write<WebhookWithSecret, WebhookCreate>(
        { operation: 'webhooks.create', body },
        { method: 'POST', path: 'v1/webhooks', body },
        options,
      ),
    rotateSecret: (ref: Ref, options: RequestOptions = {}) => {
      const ifMatch = options.ifMatch ?? refVersion(ref);
      const id = refId(ref);
      return this.write<WebhookWithSecret>(
        { operation: 'webhooks.rotateSecret', id },
        { method: 'POST', path: apiPath`v1/webhooks/${id}/rotate-secret` },
        { ...options, entityId: id, ...(ifMatch === undefined ? {} : { ifMatch }) },
      );
    },
    /** Queues a test event for one subscription; follow it in its delivery log. */
    ping: (webhookId: string, options?: RequestOptions) =>
      this.write<WebhookDelivery>(
        { operation: 'webhooks.ping', id: webhookId },
        { method: 'POST', path: apiPath`v1/webhooks/${webhookId}/ping` },
        { ...options, entityId: webhookId },
      ),
    deliveries: this.collectionOf<WebhookDelivery, WebhookDeliveryListQuery>(
      (webhookId) => apiPath`v1/webhooks/${webhookId}/deliveries`,
    ),
    /** Sends a delivery's event again, as a new entry of the log. */
    redeliver: (deliveryId: string, options?: RequestOptions) =>
      this.write<WebhookDelivery>(
        { operation: 'webhookDeliveries.redeliver', id: deliveryId },
        { method: 'POST', path: apiPath`v1/webhook-deliveries/${deliveryId}/redeliver` },
        { ...options, entityId: deliveryId },
      ),
  };
}

export function createClient(options: ClientOptions): RmClient {
  return new RmClient(options);
}
