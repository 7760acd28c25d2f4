import {
  type Enrollment,
  enrollmentSchema,
  type Feedback,
  type FeedbackKind,
  feedbackSchema,
  type Goal,
  type GoalTemplate,
  goalSchema,
  goalTemplateSchema,
  type IdKind,
  newId,
  type Organization,
  organizationSchema,
  PAIR_ROLES,
  type Pair,
  type PairRole,
  type Person,
  type Program,
  pairSchema,
  personSchema,
  programSchema,
  type Session,
  type Story,
  sessionSchema,
  storySchema,
  storyStatus,
} from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { toFlag, toJson } from '../db/json.js';
import type { Database, NewRow } from '../db/schema.js';
import { enrollmentRow } from '../routes/enrollments/enrollments.store.js';
import { targetOf } from '../routes/feedback/feedback.store.js';
import { pairRow } from '../routes/pairs/pairs.store.js';
import { personColumns } from '../routes/people/people.store.js';
import { programRow } from '../routes/programs/programs.store.js';
import { sortKey } from '../routes/sessions/sessions.store.js';
import { storyColumns } from '../routes/stories/stories.store.js';
import { type AnswerSpec, PAIRS } from './demo-pairs.js';
import { PEOPLE, type PersonKey } from './demo-people.js';
import { CHARTER, DIGITAL_BRIDGE, GREEN_LEADERS, type ProgramSpec } from './demo-programs.js';
import { STORIES } from './demo-stories.js';
import { seedDemoWebhook } from './demo-webhooks.js';

/**
 * Fixed, unlike every other id here: finding it is how a restart knows the demo is
 * already there, so restarting a demo server never doubles its data.
 */
export const DEMO_ORG_ID = 'org_00000000000000000000000DEM';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Juniors tend to answer right after a session and executives the next morning; spreading
 * the answers out also gives the "latest three answers" trust rule a real order.
 */
const ANSWER_DELAY_HOURS: Record<PairRole, number> = { mentor: 3, mentee: 20 };

/** Days and instants counted from today (UTC), so the demo looks current whenever it is seeded. */
function clock(now: Date) {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    day: (days: number) => new Date(midnight + days * DAY_MS).toISOString().slice(0, 10),
    at: (days: number, hours: number) => new Date(midnight + days * DAY_MS + hours * HOUR_MS).toISOString(),
  };
}

const later = (instant: string, hours: number) =>
  new Date(Date.parse(instant) + hours * HOUR_MS).toISOString();
const idAt = (kind: IdKind, createdAt: string) => newId(kind, Date.parse(createdAt));
const stored = (createdAt: string) => ({ orgId: DEMO_ORG_ID, createdAt, updatedAt: createdAt, version: 1 });

interface Demo {
  organization: Organization;
  people: Person[];
  programs: Program[];
  enrollments: Enrollment[];
  pairs: Pair[];
  sessions: Session[];
  goals: Goal[];
  goalTemplates: GoalTemplate[];
  feedback: Feedback[];
  stories: Story[];
}

/** Every entity goes through its core schema, so a change in the contract breaks the seed loudly. */
function buildDemo(now: Date): Demo {
  const { day, at } = clock(now);
  const founded = at(-120, 8);
  const organization = organizationSchema.parse({
    id: DEMO_ORG_ID,
    name: 'Contoso Italia',
    defaultLocale: 'it',
    settings: { minAggregateGroupSize: 3 },
    createdAt: founded,
    updatedAt: founded,
    version: 1,
  });

  const joined = at(-118, 8);
  const personId = Object.fromEntries(PEOPLE.map((p) => [p.key, idAt('person', joined)])) as Record<
    PersonKey,
    string
  >;
  const people = PEOPLE.map((spec) => {
    const email = `${spec.name.toLowerCase().replace(' ', '.')}@contoso.example`;
    return personSchema.parse({
      id: personId[spec.key],
      ...stored(joined),
      // Demo tokens carry the external id as their subject.
      externalId: email,
      email,
      displayName: spec.name,
      title: spec.title,
      department: spec.department,
      managerId: spec.manager === null ? null : personId[spec.manager],
      careerStage: spec.stage,
      locale: spec.locale,
      languages: [...spec.languages],
      timeZone: 'timeZone' in spec ? spec.timeZone : 'Europe/Rome',
      photoUrl: null,
      isAdmin: 'admin' in spec,
    });
  });

  const programOf = (spec: ProgramSpec) => {
    const createdAt = at(spec.createdDay, 9);
    const startsOn = day(spec.startDay);
    return programSchema.parse({
      id: idAt('program', createdAt),
      ...stored(createdAt),
      name: `${spec.name} ${startsOn.slice(0, 4)}`,
      description: spec.description,
      topics: spec.topics,
      customTopics: spec.customTopics,
      startsOn,
      endsOn: day(spec.endDay),
      cadenceDays: 14,
      sessionMinutes: spec.sessionMinutes,
      status: spec.status,
      charter: CHARTER,
      matching: spec.matching,
    });
  };
  const languagesOf = new Map<PersonKey, readonly string[]>(PEOPLE.map((p) => [p.key, p.languages]));
  const enrolled = (program: Program, spec: ProgramSpec) =>
    spec.enrollments.map((e, i) => {
      const createdAt = at(spec.firstEnrollmentDay + i, 10);
      return enrollmentSchema.parse({
        id: idAt('enrollment', createdAt),
        ...stored(createdAt),
        programId: program.id,
        personId: personId[e.who],
        role: e.role,
        topics: e.topics,
        capacity: e.capacity ?? 1,
        motivation: e.motivation,
        languages: [...(languagesOf.get(e.who) ?? [])],
        availability: e.availability ?? [],
        status: e.status ?? 'accepted',
      });
    });

  const digitalBridge = programOf(DIGITAL_BRIDGE);
  const greenLeaders = programOf(GREEN_LEADERS);
  const demo: Demo = {
    organization,
    people,
    programs: [digitalBridge, greenLeaders],
    enrollments: [...enrolled(digitalBridge, DIGITAL_BRIDGE), ...enrolled(greenLeaders, GREEN_LEADERS)],
    pairs: [],
    sessions: [],
    goals: [],
    goalTemplates: [digitalBridge, greenLeaders].flatMap((program, i) =>
      ([DIGITAL_BRIDGE, GREEN_LEADERS][i]?.goalTemplates ?? []).map((template) =>
        goalTemplateSchema.parse({
          id: idAt('goalTemplate', program.createdAt),
          ...stored(program.createdAt),
          programId: program.id,
          ...template,
        }),
      ),
    ),
    feedback: [],
    stories: [],
  };

  const answer = (
    pair: Pair,
    side: PairRole,
    target: { kind: FeedbackKind; sessionId: string | null },
    createdAt: string,
    spec: AnswerSpec,
  ) =>
    feedbackSchema.parse({
      id: idAt('feedback', createdAt),
      ...stored(createdAt),
      pairId: pair.id,
      ...target,
      authorId: side === 'mentor' ? pair.mentorId : pair.menteeId,
      authorRole: side,
      ratings: { usefulness: spec.ratings[0], trust: spec.ratings[1], preparation: spec.ratings[2] },
      recommend: spec.recommend,
      learned: spec.learned ?? '',
      improve: spec.improve ?? '',
      shareWithPartner: spec.shared,
    });

  // Nothing in the demo may look created after `now`, so rows planned ahead were made yesterday at the latest.
  const yesterday = Date.parse(at(-1, 17));

  for (const spec of PAIRS) {
    const history = spec.history;
    const proposedAt = at(spec.proposedDay, 11);
    const pair = pairSchema.parse({
      id: idAt('pair', proposedAt),
      ...stored(proposedAt),
      programId: digitalBridge.id,
      mentorId: personId[spec.mentor],
      menteeId: personId[spec.mentee],
      status: spec.status,
      topics: spec.topics,
      matchScore: spec.matchScore,
      matchReasons: spec.matchReasons,
      menteeConsentedAt: history ? at(history.startedDay - 3, 12) : null,
      charterAcceptedAt: history
        ? { mentor: at(history.startedDay - 2, 10), mentee: at(history.startedDay - 1, 16) }
        : { mentor: null, mentee: null },
      override: false,
      startedOn: history ? day(history.startedDay) : null,
      resumedOn: null,
      endedOn: history?.endedDay === undefined ? null : day(history.endedDay),
      endedBy: history?.endedDay === undefined ? null : 'admin',
    });
    demo.pairs.push(pair);
    if (!history) continue;

    for (const s of history.sessions) {
      const when = at(s.day, s.hour);
      const held = s.status === 'held';
      const createdAt = held
        ? later(when, 2)
        : new Date(Math.min(Date.parse(when) - 7 * DAY_MS, yesterday)).toISOString();
      const session = sessionSchema.parse({
        id: idAt('session', createdAt),
        ...stored(createdAt),
        pairId: pair.id,
        status: s.status,
        scheduledAt: when,
        occurredAt: held ? when : null,
        durationMinutes: s.minutes,
        format: s.format,
        topics: s.topics,
        summary: s.summary,
        cancellationReason: null,
        actionItems: (s.actions ?? []).map(([text, owner, done], i) => ({
          id: `ai_${i + 1}`,
          text,
          owner,
          done,
        })),
      });
      demo.sessions.push(session);
      for (const side of PAIR_ROLES) {
        const reply = s.feedback?.[side];
        if (!reply) continue;
        const target = { kind: 'session' as const, sessionId: session.id };
        demo.feedback.push(answer(pair, side, target, later(when, ANSWER_DELAY_HOURS[side]), reply));
      }
    }

    const goalsSet = at(history.startedDay + 1, 10);
    for (const [i, g] of history.goals.entries()) {
      demo.goals.push(
        goalSchema.parse({
          // A millisecond apart, so the list shows them in the order they are written here.
          id: newId('goal', Date.parse(goalsSet) + i),
          ...stored(goalsSet),
          pairId: pair.id,
          owner: g.owner,
          title: g.title,
          topic: g.topic,
          targetDate: g.targetDay === undefined ? null : day(g.targetDay),
          status: g.status,
          progress: g.progress,
          assessmentBefore: g.assessed?.[0] ?? null,
          assessmentAfter: g.assessed?.[1] ?? null,
          commitments: (g.commitments ?? []).map(([text, done], i) => ({ id: `cm_${i + 1}`, text, done })),
        }),
      );
    }

    for (const p of history.phaseAnswers ?? []) {
      demo.feedback.push(
        answer(pair, p.side, { kind: p.kind, sessionId: null }, at(p.day, p.hour), p.answer),
      );
    }
  }

  for (const spec of STORIES) {
    const pair = demo.pairs.find((p) => p.mentorId === personId[spec.mentor]);
    const person = (id: string | undefined) => people.find((p) => p.id === id);
    const [mentor, mentee] = [person(pair?.mentorId), person(pair?.menteeId)];
    if (!pair || !mentor || !mentee) throw new Error(`No pair of ${spec.mentor} for a demo story`);
    const agreedAt = {
      mentor: spec.agreed.mentor === undefined ? null : at(spec.agreed.mentor, 9),
      mentee: spec.agreed.mentee === undefined ? null : at(spec.agreed.mentee, 18),
    };
    const publishedAt = spec.publishedDay === undefined ? null : at(spec.publishedDay, 11);
    const writtenAt = at(spec.writtenDay, 16);
    demo.stories.push(
      storySchema.parse({
        id: idAt('story', writtenAt),
        ...stored(writtenAt),
        updatedAt: publishedAt ?? agreedAt.mentee ?? agreedAt.mentor ?? writtenAt,
        pairId: pair.id,
        title: spec.title,
        text: spec.text,
        language: spec.language,
        quote: spec.quote ?? null,
        mentor: { displayName: mentor.displayName, title: mentor.title },
        mentee: { displayName: mentee.displayName, title: mentee.title },
        status: storyStatus({ agreedAt, returnNote: null, publishedAt }),
        agreedAt,
        returnNote: null,
        publishedAt,
      }),
    );
  }
  return demo;
}

// Rows through the stores' own mappers where a store has one, so the demo is stored exactly
// as the API stores what it is sent.
const organizationRow = (o: Organization): NewRow<'organizations'> => ({
  ...o,
  settings: toJson(o.settings),
});

const personRow = (p: Person): NewRow<'people'> => ({
  id: p.id,
  orgId: p.orgId,
  createdAt: p.createdAt,
  deletedAt: null,
  ...personColumns(p),
});

const goalRow = (g: Goal): NewRow<'goals'> => ({ ...g, commitments: toJson(g.commitments), deletedAt: null });

const goalTemplateRow = (t: GoalTemplate): NewRow<'goalTemplates'> => ({
  ...t,
  title: toJson(t.title),
  deletedAt: null,
});

const storyRow =
  (approvedBy: string) =>
  (s: Story): NewRow<'stories'> => ({
    id: s.id,
    orgId: s.orgId,
    pairId: s.pairId,
    createdAt: s.createdAt,
    ...storyColumns(s, approvedBy),
  });

const sessionRow = (s: Session): NewRow<'sessions'> => ({
  ...s,
  sortAt: sortKey(s, s.createdAt),
  topics: toJson(s.topics),
  actionItems: toJson(s.actionItems),
  deletedAt: null,
});

const feedbackRow = ({ ratings, shareWithPartner, ...f }: Feedback): NewRow<'feedback'> => ({
  ...f,
  ...ratings,
  target: targetOf(f),
  shareWithPartner: toFlag(shareWithPartner),
});

/**
 * Seeds Contoso Italia: 16 people, an active program with six pairs at different stages
 * (healthy, quiet for six weeks, losing trust, proposed, paused, completed), their success
 * stories (two published, one waiting for approval, one draft) and a second
 * program taking applications, ready for matching. Does nothing when the demo organisation
 * already exists.
 */
export async function seedDemo(db: Kysely<Database>, now: Date = new Date()): Promise<void> {
  const demo = buildDemo(now);
  await db.transaction().execute(async (trx) => {
    // Inserting the organisation doubles as the "already seeded?" check, and stays right
    // when two demo servers start on one PostgreSQL database at the same moment.
    const org = await trx
      .insertInto('organizations')
      .values(organizationRow(demo.organization))
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (org.numInsertedOrUpdatedRows === 0n) return;
    await trx.insertInto('people').values(demo.people.map(personRow)).execute();
    await trx.insertInto('programs').values(demo.programs.map(programRow)).execute();
    await trx.insertInto('enrollments').values(demo.enrollments.map(enrollmentRow)).execute();
    await trx.insertInto('pairs').values(demo.pairs.map(pairRow)).execute();
    await trx.insertInto('sessions').values(demo.sessions.map(sessionRow)).execute();
    await trx.insertInto('goals').values(demo.goals.map(goalRow)).execute();
    await trx.insertInto('goalTemplates').values(demo.goalTemplates.map(goalTemplateRow)).execute();
    await trx.insertInto('feedback').values(demo.feedback.map(feedbackRow)).execute();
    await seedDemoWebhook(trx, { orgId: DEMO_ORG_ID, ...demo }, now);
    const lead = demo.people.find((p) => p.isAdmin)?.id ?? '';
    await trx
      .insertInto('stories')
      .values(demo.stories.map(storyRow(lead)))
      .execute();
  });
}
