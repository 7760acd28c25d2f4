import type {
  Enrollment,
  EnrollmentCreate,
  EnrollmentUpdate,
  Feedback,
  FeedbackCreate,
  FeedbackUpdate,
  Goal,
  GoalCreate,
  GoalUpdate,
  List,
  Me,
  Organization,
  OrganizationUpdate,
  Pair,
  PairCreate,
  PairProgress,
  PairUpdate,
  Person,
  PersonCreate,
  PersonUpdate,
  PrivateNote,
  PrivateNoteCreate,
  PrivateNoteUpdate,
  Program,
  ProgramCreate,
  ProgramReport,
  ProgramUpdate,
  ServiceToken,
  ServiceTokenCreated,
  Session,
  SessionCreate,
  SessionUpdate,
} from '@rm-kit/core';
import { cacheScope, ReadCache } from './cache.js';
import { RmNetworkError } from './errors.js';
import { type EventsApi, liveEvents } from './events.js';
import { Outbox, type OutboxEntry, type OutboxEvents, provisionalId } from './outbox.js';
import { type ListQuery, paginate } from './pagination.js';
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
}

/** What a write resolves with: the entity, marked `pending` while it waits in the outbox. */
export type Written<T> = T & { pending?: true };

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
    this.transport = {
      baseUrl: options.baseUrl,
      getToken,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      retry: { maxRetries: 2, baseDelayMs: 300, maxDelayMs: 5000, ...options.retry },
      timeoutMs: options.timeoutMs ?? 15_000,
      locale: options.locale,
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

  override addEventListener<K extends keyof ClientEventMap>(
    type: K,
    listener: (event: ClientEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof ClientEventMap>(
    type: K,
    listener: (event: ClientEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener, options);
  }

  /** Sends what waits in the outbox now (it also does so on `online`, on a timer, and at start). */
  sync(): Promise<void> {
    return this.outbox.flush().catch(() => {});
  }

  /** The writes waiting in the outbox, and those the server refused (`state: 'failed'`). */
  pendingWrites(): Promise<OutboxEntry[]> {
    return this.outbox.entries();
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
      const value = await send<T>(this.transport, request, options);
      // Remembering is a convenience: a full or private-mode IndexedDB must not fail a good read.
      await this.cache.remember(scope, key, value).catch(() => {});
      return value;
    } catch (error) {
      if (error instanceof RmNetworkError) {
        const cached = await this.cache.recall<T>(scope, key);
        if (cached !== undefined) return cached;
      }
      throw error;
    }
  }

  private async write<T>(
    label: string,
    request: Request,
    options: RequestOptions & { provisional?: () => T },
  ): Promise<Written<T>> {
    const id = request.method === 'POST' && options.provisional ? provisionalId() : undefined;
    const { idempotencyKey, ifMatch, provisional: _provisional, ...firstAttempt } = options;
    const outcome = await this.outbox.submit<T>(
      {
        label,
        request,
        ...(idempotencyKey ? { idempotencyKey } : {}),
        ...(ifMatch === undefined ? {} : { ifMatch }),
        ...(id ? { provisionalId: id } : {}),
      },
      firstAttempt,
    );
    if (outcome.status === 'sent') return outcome.result as Written<T>;
    const now = new Date().toISOString();
    const base = options.provisional?.() ?? ({} as T);
    return { createdAt: now, updatedAt: now, ...base, ...(id ? { id } : {}), pending: true } as Written<T>;
  }

  private resource<T extends { id: string; version: number }, C, U>(
    label: string,
    itemPath: (id: string) => string,
  ) {
    return {
      get: (ref: Ref, options?: RequestOptions) => this.read<T>(itemPath(refId(ref)), {}, options),
      update: (ref: Ref, changes: U, options: RequestOptions = {}) => {
        const ifMatch = options.ifMatch ?? refVersion(ref);
        return this.write<T>(
          `${label}.update`,
          { method: 'PATCH', path: itemPath(refId(ref)), body: changes },
          {
            ...options,
            ...(ifMatch === undefined ? {} : { ifMatch }),
            // The version the server will give it once this change lands, so a further change
            // queued offline carries the right If-Match.
            provisional: () =>
              ({
                ...(typeof ref === 'object' ? ref : { id: ref }),
                ...changes,
                ...(ifMatch === undefined ? {} : { version: ifMatch + 1 }),
              }) as unknown as T,
          },
        );
      },
      remove: (ref: Ref, options: RequestOptions = {}) => {
        const ifMatch = options.ifMatch ?? refVersion(ref);
        return this.write<void>(
          `${label}.remove`,
          { method: 'DELETE', path: itemPath(refId(ref)) },
          {
            ...options,
            ...(ifMatch === undefined ? {} : { ifMatch }),
          },
        ).then(() => undefined);
      },
      /** Internal to namespaces: a create under a collection path. */
      createAt: (path: string, body: C, extra: Partial<T>, options: RequestOptions = {}) =>
        this.write<T>(
          `${label}.create`,
          { method: 'POST', path, body },
          {
            ...options,
            // Version 1: what the server gives a new entity, so a change queued after this
            // create carries the right If-Match.
            provisional: () => ({ ...body, ...extra, version: 1 }) as unknown as T,
          },
        ),
      /** Internal to namespaces: one page and every item of a collection. */
      listAt: (path: string) => ({
        page: (query: ListQuery = {}, options?: RequestOptions) => this.read<List<T>>(path, query, options),
        list: (query: ListQuery = {}) => paginate<T>((q) => this.read<List<T>>(path, q), query),
      }),
    };
  }

  private readonly sessionsResource = this.resource<Session, SessionCreate, SessionUpdate>(
    'sessions',
    (id) => `v1/sessions/${id}`,
  );
  private readonly goalsResource = this.resource<Goal, GoalCreate, GoalUpdate>(
    'goals',
    (id) => `v1/goals/${id}`,
  );
  private readonly notesResource = this.resource<PrivateNote, PrivateNoteCreate, PrivateNoteUpdate>(
    'notes',
    (id) => `v1/notes/${id}`,
  );
  private readonly feedbackResource = this.resource<Feedback, FeedbackCreate, FeedbackUpdate>(
    'feedback',
    (id) => `v1/feedback/${id}`,
  );
  private readonly pairsResource = this.resource<Pair, PairCreate, PairUpdate>(
    'pairs',
    (id) => `v1/pairs/${id}`,
  );
  private readonly peopleResource = this.resource<Person, PersonCreate, PersonUpdate>(
    'people',
    (id) => `v1/people/${id}`,
  );
  private readonly programsResource = this.resource<Program, ProgramCreate, ProgramUpdate>(
    'programs',
    (id) => `v1/programs/${id}`,
  );
  private readonly enrollmentsResource = this.resource<Enrollment, EnrollmentCreate, EnrollmentUpdate>(
    'enrollments',
    (id) => `v1/enrollments/${id}`,
  );

  readonly me = {
    /** Who you are: your person, organisation, roles and pairs. */
    get: (options?: RequestOptions) => this.read<Me>('v1/me', {}, options),
  };

  readonly organization = {
    get: (options?: RequestOptions) => this.read<Organization>('v1/organization', {}, options),
    update: (changes: OrganizationUpdate, options: RequestOptions = {}) =>
      this.write<Organization>(
        'organization.update',
        { method: 'PATCH', path: 'v1/organization', body: changes },
        options,
      ),
  };

  readonly people = {
    ...this.peopleResource.listAt('v1/people'),
    get: this.peopleResource.get,
    create: (body: PersonCreate, options?: RequestOptions) =>
      this.peopleResource.createAt('v1/people', body, {}, options),
    update: this.peopleResource.update,
    remove: this.peopleResource.remove,
  };

  readonly programs = {
    ...this.programsResource.listAt('v1/programs'),
    get: this.programsResource.get,
    create: (body: ProgramCreate, options?: RequestOptions) =>
      this.programsResource.createAt('v1/programs', body, {}, options),
    update: this.programsResource.update,
    remove: this.programsResource.remove,
  };

  readonly enrollments = {
    page: (programId: string, query?: ListQuery, options?: RequestOptions) =>
      this.enrollmentsResource.listAt(`v1/programs/${programId}/enrollments`).page(query, options),
    list: (programId: string, query?: ListQuery) =>
      this.enrollmentsResource.listAt(`v1/programs/${programId}/enrollments`).list(query),
    get: this.enrollmentsResource.get,
    create: (programId: string, body: EnrollmentCreate, options?: RequestOptions) =>
      this.enrollmentsResource.createAt(`v1/programs/${programId}/enrollments`, body, { programId }, options),
    update: this.enrollmentsResource.update,
    remove: this.enrollmentsResource.remove,
  };

  readonly pairs = {
    ...this.pairsResource.listAt('v1/pairs'),
    get: this.pairsResource.get,
    create: (programId: string, body: PairCreate, options?: RequestOptions) =>
      this.pairsResource.createAt(`v1/programs/${programId}/pairs`, body, { programId }, options),
    update: this.pairsResource.update,
    remove: this.pairsResource.remove,
    /** Accepts the pair charter for your own side. */
    acceptCharter: (pair: Ref, options: RequestOptions = {}) =>
      this.write<Pair>(
        'pairs.acceptCharter',
        { method: 'POST', path: `v1/pairs/${refId(pair)}/charter-acceptance` },
        options,
      ),
    /** Sessions held vs expected, goals, at-risk: core's rules applied by the server. */
    progress: (pair: Ref, options?: RequestOptions) =>
      this.read<PairProgress>(`v1/pairs/${refId(pair)}/progress`, {}, options),
  };

  readonly sessions = {
    page: (pairId: string, query?: ListQuery, options?: RequestOptions) =>
      this.sessionsResource.listAt(`v1/pairs/${pairId}/sessions`).page(query, options),
    list: (pairId: string, query?: ListQuery) =>
      this.sessionsResource.listAt(`v1/pairs/${pairId}/sessions`).list(query),
    get: this.sessionsResource.get,
    create: (pairId: string, body: SessionCreate, options?: RequestOptions) =>
      this.sessionsResource.createAt(
        `v1/pairs/${pairId}/sessions`,
        body,
        { pairId } as Partial<Session>,
        options,
      ),
    update: this.sessionsResource.update,
    remove: this.sessionsResource.remove,
  };

  readonly notes = {
    page: (sessionId: string, query?: ListQuery, options?: RequestOptions) =>
      this.notesResource.listAt(`v1/sessions/${sessionId}/notes`).page(query, options),
    list: (sessionId: string, query?: ListQuery) =>
      this.notesResource.listAt(`v1/sessions/${sessionId}/notes`).list(query),
    get: this.notesResource.get,
    create: (sessionId: string, body: PrivateNoteCreate, options?: RequestOptions) =>
      this.notesResource.createAt(`v1/sessions/${sessionId}/notes`, body, { sessionId }, options),
    update: this.notesResource.update,
    remove: this.notesResource.remove,
  };

  readonly goals = {
    page: (pairId: string, query?: ListQuery, options?: RequestOptions) =>
      this.goalsResource.listAt(`v1/pairs/${pairId}/goals`).page(query, options),
    list: (pairId: string, query?: ListQuery) =>
      this.goalsResource.listAt(`v1/pairs/${pairId}/goals`).list(query),
    get: this.goalsResource.get,
    create: (pairId: string, body: GoalCreate, options?: RequestOptions) =>
      this.goalsResource.createAt(`v1/pairs/${pairId}/goals`, body, { pairId } as Partial<Goal>, options),
    update: this.goalsResource.update,
    remove: this.goalsResource.remove,
  };

  readonly feedback = {
    page: (pairId: string, query?: ListQuery, options?: RequestOptions) =>
      this.feedbackResource.listAt(`v1/pairs/${pairId}/feedback`).page(query, options),
    list: (pairId: string, query?: ListQuery) =>
      this.feedbackResource.listAt(`v1/pairs/${pairId}/feedback`).list(query),
    get: this.feedbackResource.get,
    create: (pairId: string, body: FeedbackCreate, options?: RequestOptions) =>
      this.feedbackResource.createAt(
        `v1/pairs/${pairId}/feedback`,
        body,
        { pairId } as Partial<Feedback>,
        options,
      ),
    update: this.feedbackResource.update,
    remove: this.feedbackResource.remove,
  };

  readonly reports = {
    /** A program's aggregates for HR (admins only). */
    program: (programId: string, options?: RequestOptions) =>
      this.read<ProgramReport>(`v1/programs/${programId}/report`, {}, options),
  };

  readonly serviceTokens = {
    page: (query?: ListQuery, options?: RequestOptions) =>
      this.read<List<ServiceToken>>('v1/service-tokens', query, options),
    create: (body: { name: string }, options: RequestOptions = {}) =>
      this.write<ServiceTokenCreated>(
        'serviceTokens.create',
        { method: 'POST', path: 'v1/service-tokens', body },
        options,
      ),
    revoke: (tokenId: string, options: RequestOptions = {}) =>
      this.write<void>(
        'serviceTokens.revoke',
        { method: 'DELETE', path: `v1/service-tokens/${tokenId}` },
        options,
      ).then(() => undefined),
  };
}

export function createClient(options: ClientOptions): RmClient {
  return new RmClient(options);
}
