import type {
  CareerStage,
  EnrollmentStatus,
  FeedbackKind,
  GoalStatus,
  Locale,
  MatchConstraintKind,
  PairActor,
  PairRole,
  PairStatus,
  ProgramStatus,
  SessionFormat,
  SessionStatus,
  WebhookDeliveryStatus,
} from '@rm-kit/core';
import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * The tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns).
 * Arrays and objects are JSON text and booleans are 0/1 integers in both dialects, so
 * one set of queries and migrations serves SQLite and PostgreSQL alike. Instants are
 * ISO strings in UTC with milliseconds, which sort correctly as text.
 */
type Json = string;
type Flag = number;

interface Stored {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

interface TenantRow extends Stored {
  orgId: string;
}

interface SoftDeleted {
  deletedAt: string | null;
}

export interface OrganizationsTable extends Stored {
  name: string;
  defaultLocale: Locale;
  settings: Json;
}

export interface PeopleTable extends TenantRow, SoftDeleted {
  externalId: string | null;
  email: string;
  displayName: string;
  title: string | null;
  department: string;
  managerId: string | null;
  careerStage: CareerStage;
  locale: Locale;
  languages: Json;
  timeZone: string;
  photoUrl: string | null;
  isAdmin: Flag;
  /** When the person was erased (their identity removed, their pairs' history kept); null if never. */
  erasedAt: string | null;
  /** Who erased them: an admin's person id or a service token's id. */
  erasedBy: string | null;
}

export interface ProgramsTable extends TenantRow, SoftDeleted {
  name: string;
  description: string;
  topics: Json;
  customTopics: Json;
  startsOn: string;
  endsOn: string;
  cadenceDays: number;
  sessionMinutes: number;
  status: ProgramStatus;
  /** JSON: the charter per locale (`Charter`). */
  charter: Json;
  /** JSON: how matching weighs and what it forbids (`ProgramMatching`). */
  matching: Json;
}

export interface EnrollmentsTable extends TenantRow, SoftDeleted {
  programId: string;
  personId: string;
  role: PairRole;
  topics: Json;
  capacity: number;
  motivation: string;
  /** JSON array of BCP 47 tags. */
  languages: Json;
  /** JSON array of availability slots. */
  availability: Json;
  status: EnrollmentStatus;
}

export interface PairsTable extends TenantRow, SoftDeleted {
  programId: string;
  mentorId: string;
  menteeId: string;
  status: PairStatus;
  topics: Json;
  matchScore: number | null;
  /** JSON array of reasons, each `{ en, it }`. */
  matchReasons: Json;
  menteeConsentedAt: string | null;
  charterMentorAt: string | null;
  charterMenteeAt: string | null;
  override: Flag;
  startedOn: string | null;
  endedOn: string | null;
  endedBy: PairActor | null;
  resumedOn: string | null;
}

/** An admin's pin or ban on one mentor and one mentee of a program; one per two people. */
export interface MatchConstraintsTable extends TenantRow {
  programId: string;
  mentorId: string;
  menteeId: string;
  kind: MatchConstraintKind;
}

export interface GoalsTable extends TenantRow, SoftDeleted {
  pairId: string;
  owner: PairRole;
  title: string;
  topic: string | null;
  targetDate: string | null;
  status: GoalStatus;
  progress: number;
  /** The owner's self-assessment, 1-5, when the goal was set and now; null until given. */
  assessmentBefore: number | null;
  assessmentAfter: number | null;
  commitments: Json;
}

/** A goal an admin suggests to a program's pairs. */
export interface GoalTemplatesTable extends TenantRow, SoftDeleted {
  programId: string;
  /** The title per language, as core's goalTemplateTitleSchema. */
  title: Json;
  topic: string | null;
}

/** A pair's success story; its status follows from the agreements, the return note and the publication. */
export interface StoriesTable extends TenantRow {
  pairId: string;
  title: string;
  text: string;
  language: Locale;
  /** JSON: `{ text, by }` (core's StoryQuote), or null. */
  quote: Json | null;
  agreedMentorAt: string | null;
  agreedMenteeAt: string | null;
  returnNote: string | null;
  publishedAt: string | null;
  /** Who approved it: a person's id, or a service token's. */
  approvedBy: string | null;
}

export interface SessionsTable extends TenantRow, SoftDeleted {
  pairId: string;
  status: SessionStatus;
  scheduledAt: string | null;
  occurredAt: string | null;
  /** occurredAt ?? scheduledAt ?? createdAt: what the session log sorts by. */
  sortAt: string;
  durationMinutes: number | null;
  format: SessionFormat;
  topics: Json;
  summary: string;
  /** Why it was cancelled; null unless it is, and someone said why. */
  cancellationReason: string | null;
  actionItems: Json;
}

export interface PrivateNotesTable extends TenantRow {
  sessionId: string;
  authorId: string;
  text: string;
}

export interface FeedbackTable extends TenantRow {
  pairId: string;
  sessionId: string | null;
  /** The session id, or the kind for mid-point and final feedback: one answer per author each. */
  target: string;
  kind: FeedbackKind;
  authorId: string;
  authorRole: PairRole;
  usefulness: number;
  trust: number;
  preparation: number;
  recommend: number;
  learned: string;
  improve: string;
  shareWithPartner: Flag;
}

export interface ServiceTokensTable {
  id: string;
  orgId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface IdempotencyKeysTable {
  /** Who sent it: a person or service token id. Keys are private to their sender. */
  scope: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
  state: 'in-flight' | 'done';
  statusCode: number | null;
  responseBody: string | null;
  responseHeaders: Json | null;
  createdAt: string;
}

/** PostgreSQL returns a bigint as a string (it may exceed 2^53); read it through Number(). */
type BigIntColumn = ColumnType<number | string, number, number>;

/** A published live event (see events/event-log.ts): what changed, for whom, never the content. */
export interface EventsTable {
  /**
   * Position in the log: events are numbered in the order their transactions commit. On
   * PostgreSQL an event inserted without one is numbered by the database at commit.
   */
  seq: ColumnType<number | string, number | undefined, number>;
  id: string;
  type: string;
  orgId: string;
  pairId: string;
  mentorId: string;
  menteeId: string;
  entityId: string;
  version: number | null;
  at: string;
  /** JSON array of person ids, or null: see DomainEvent.onlyFor. */
  onlyFor: Json | null;
}

/** One row: the last `seq` handed out. Updating it is what orders concurrent commits. */
export interface EventCounterTable {
  id: number;
  lastSeq: BigIntColumn;
}

/**
 * The feedback figures last released for one aggregate (see aggregates/released-aggregate.ts),
 * so every report, on any process and after a restart, shows the same until the next release.
 */
export interface AggregateReleasesTable {
  orgId: string;
  /** Which aggregate: `program:<id>`, `pair-trust:<id>`. */
  scope: string;
  releasedAt: string;
  /** JSON: the answers the figures cover, by id (core's ReleaseCoverage). */
  covers: Json;
  /** JSON: the released figures, as the aggregate's own schema says. */
  figures: Json;
  /** Bumped by each release: a release is written only over the one it was computed from. */
  version: number;
}

/**
 * A person's link to a calendar feed (see migration 0012): of one of their pairs, or of all
 * their sessions. Only a SHA-256 of the link's secret is kept; a replaced or revoked link is deleted.
 */
export interface CalendarFeedsTable {
  orgId: string;
  personId: string;
  /** The pair id for a pair feed, `person` for the person's own: one link per person and scope. */
  scope: string;
  pairId: string | null;
  tokenHash: string;
  createdAt: string;
}

/** Demo mode's signing key (RMKIT_DEMO=1 only): the private JWK, so its tokens outlive a restart. */
export interface DemoSigningKeysTable {
  kid: string;
  privateJwk: string;
  createdAt: string;
}

/** An organisation's webhook subscription (migration 0013). */
export interface WebhooksTable extends TenantRow {
  url: string;
  /** JSON array of event types. */
  events: Json;
  description: string;
  active: Flag;
  /** Signs every delivery; kept as it is, since signing needs it. */
  secret: string;
  /** The secret a rotation replaced, which signs beside the new one until `previousSecretUntil`. */
  previousSecret: string | null;
  previousSecretUntil: string | null;
  secretRotatedAt: string | null;
}

/** The outbox: an event written in its write's transaction, with the body as signed and sent. */
export interface WebhookEventsTable {
  id: string;
  orgId: string;
  type: string;
  body: string;
  createdAt: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  orgId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  /** While delivering: when the process that claimed it is presumed gone, and another may take it. */
  leaseUntil: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A pair whose at-risk episode was announced; removed when the episode ends. */
export interface WebhookPairRisksTable {
  pairId: string;
  orgId: string;
  since: string;
  /** JSON array of the reasons announced. */
  reasons: Json;
}

export interface Database {
  organizations: OrganizationsTable;
  people: PeopleTable;
  programs: ProgramsTable;
  enrollments: EnrollmentsTable;
  pairs: PairsTable;
  matchConstraints: MatchConstraintsTable;
  goals: GoalsTable;
  goalTemplates: GoalTemplatesTable;
  stories: StoriesTable;
  sessions: SessionsTable;
  privateNotes: PrivateNotesTable;
  feedback: FeedbackTable;
  serviceTokens: ServiceTokensTable;
  idempotencyKeys: IdempotencyKeysTable;
  events: EventsTable;
  eventCounter: EventCounterTable;
  aggregateReleases: AggregateReleasesTable;
  demoSigningKeys: DemoSigningKeysTable;
  calendarFeeds: CalendarFeedsTable;
  webhooks: WebhooksTable;
  webhookEvents: WebhookEventsTable;
  webhookDeliveries: WebhookDeliveriesTable;
  webhookPairRisks: WebhookPairRisksTable;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
