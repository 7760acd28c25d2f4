import type { Database, Row } from './schema.js';

type Missing<T extends keyof Database, L extends readonly string[]> = Exclude<keyof Row<T>, L[number]>;

/**
 * Every column of a table, by name, checked by the type checker: a column left out names
 * itself in the error. PostgreSQL keeps a statement prepared only when it names what it
 * returns (see prepared-statements.ts), so the reads a page asks as it opens (`/v1/me`, a
 * pair, its people, program, goals, feedback, sessions and notes; a program's enrolments,
 * pairs, constraints, goal templates and released figures) select these instead of `*`.
 */
function everyColumn<T extends keyof Database>() {
  return <const L extends readonly (keyof Row<T> & string)[]>(
    columns: L & ([Missing<T, L>] extends [never] ? unknown : { missing: Missing<T, L> }),
  ): L => columns;
}

/** The columns every stored row has (schema.ts's Stored), then those of a row of an organisation's (TenantRow). */
const STORED = ['id', 'createdAt', 'updatedAt', 'version'] as const;
const TENANT_ROW = [...STORED, 'orgId'] as const;

export const ORGANIZATION_COLUMNS = everyColumn<'organizations'>()([
  ...STORED,
  'name',
  'defaultLocale',
  'settings',
]);

export const PERSON_COLUMNS = everyColumn<'people'>()([
  ...TENANT_ROW,
  'deletedAt',
  'externalId',
  'email',
  'displayName',
  'title',
  'department',
  'managerId',
  'careerStage',
  'locale',
  'languages',
  'timeZone',
  'photoUrl',
  'isAdmin',
  'erasedAt',
  'erasedBy',
]);

export const PAIR_COLUMNS = everyColumn<'pairs'>()([
  ...TENANT_ROW,
  'deletedAt',
  'programId',
  'mentorId',
  'menteeId',
  'status',
  'topics',
  'matchScore',
  'matchReasons',
  'menteeConsentedAt',
  'charterMentorAt',
  'charterMenteeAt',
  'override',
  'startedOn',
  'endedOn',
  'endedBy',
  'resumedOn',
]);

export const SESSION_COLUMNS = everyColumn<'sessions'>()([
  ...TENANT_ROW,
  'deletedAt',
  'pairId',
  'status',
  'scheduledAt',
  'occurredAt',
  'sortAt',
  'durationMinutes',
  'format',
  'topics',
  'summary',
  'cancellationReason',
  'actionItems',
]);

export const PROGRAM_COLUMNS = everyColumn<'programs'>()([
  ...TENANT_ROW,
  'deletedAt',
  'name',
  'description',
  'topics',
  'customTopics',
  'startsOn',
  'endsOn',
  'cadenceDays',
  'sessionMinutes',
  'status',
  'charter',
  'matching',
]);

export const GOAL_COLUMNS = everyColumn<'goals'>()([
  ...TENANT_ROW,
  'deletedAt',
  'pairId',
  'owner',
  'title',
  'topic',
  'targetDate',
  'status',
  'progress',
  'assessmentBefore',
  'assessmentAfter',
  'commitments',
]);

export const FEEDBACK_COLUMNS = everyColumn<'feedback'>()([
  ...TENANT_ROW,
  'pairId',
  'sessionId',
  'target',
  'kind',
  'authorId',
  'authorRole',
  'usefulness',
  'trust',
  'preparation',
  'recommend',
  'learned',
  'improve',
  'shareWithPartner',
]);

export const NOTE_COLUMNS = everyColumn<'privateNotes'>()([...TENANT_ROW, 'sessionId', 'authorId', 'text']);

export const ENROLLMENT_COLUMNS = everyColumn<'enrollments'>()([
  ...TENANT_ROW,
  'deletedAt',
  'programId',
  'personId',
  'role',
  'topics',
  'capacity',
  'motivation',
  'languages',
  'availability',
  'status',
]);

export const MATCH_CONSTRAINT_COLUMNS = everyColumn<'matchConstraints'>()([
  ...TENANT_ROW,
  'programId',
  'mentorId',
  'menteeId',
  'kind',
]);

export const GOAL_TEMPLATE_COLUMNS = everyColumn<'goalTemplates'>()([
  ...TENANT_ROW,
  'deletedAt',
  'programId',
  'title',
  'topic',
]);

export const AGGREGATE_RELEASE_COLUMNS = everyColumn<'aggregateReleases'>()([
  'orgId',
  'scope',
  'releasedAt',
  'covers',
  'figures',
  'version',
]);
