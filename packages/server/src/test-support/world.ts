import { type CareerStage, DEFAULT_TOPICS, defaultProgramMatching, newId } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { toFlag, toJson } from '../db/json.js';
import type { Database } from '../db/schema.js';
import type { TestApi } from './harness.js';

const stamp = '2026-01-05T09:00:00.000Z';
const stored = () => ({ createdAt: stamp, updatedAt: stamp, version: 1 });

export async function addOrg(db: Kysely<Database>, name: string) {
  const id = newId('organization');
  await db
    .insertInto('organizations')
    .values({ id, name, defaultLocale: 'en', settings: toJson({ minAggregateGroupSize: 3 }), ...stored() })
    .execute();
  return id;
}

export async function addPerson(
  db: Kysely<Database>,
  orgId: string,
  name: string,
  careerStage: CareerStage,
  options: { isAdmin?: boolean; managerId?: string; department?: string } = {},
) {
  const id = newId('person');
  await db
    .insertInto('people')
    .values({
      id,
      orgId,
      externalId: `sub-${id}`,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}.${id.slice(-6).toLowerCase()}@example.com`,
      displayName: name,
      title: null,
      department: options.department ?? 'Operations',
      managerId: options.managerId ?? null,
      careerStage,
      locale: 'en',
      languages: toJson(['en', 'it']),
      timeZone: 'Europe/Rome',
      photoUrl: null,
      isAdmin: toFlag(options.isAdmin ?? false),
      deletedAt: null,
      ...stored(),
    })
    .execute();
  return id;
}

async function addProgram(db: Kysely<Database>, orgId: string) {
  const id = newId('program');
  await db
    .insertInto('programs')
    .values({
      id,
      orgId,
      name: 'Digital Bridge',
      description: '',
      topics: toJson(DEFAULT_TOPICS.map((t) => t.key)),
      customTopics: toJson([]),
      startsOn: '2026-01-05',
      endsOn: '2026-12-18',
      cadenceDays: 14,
      sessionMinutes: 60,
      status: 'active',
      charter: toJson({ en: 'We keep what is said between us.', it: '' }),
      matching: toJson(defaultProgramMatching()),
      deletedAt: null,
      ...stored(),
    })
    .execute();
  return id;
}

/** A running pair written straight to the database, past the API's rules on how pairs are made. */
export async function addPair(
  db: Kysely<Database>,
  orgId: string,
  programId: string,
  mentorId: string,
  menteeId: string,
) {
  const id = newId('pair');
  await db
    .insertInto('pairs')
    .values({
      id,
      orgId,
      programId,
      mentorId,
      menteeId,
      status: 'active',
      topics: toJson(['social-media']),
      matchScore: 0.8,
      matchReasons: toJson([{ en: 'Different departments', it: 'Reparti diversi' }]),
      menteeConsentedAt: null,
      charterMentorAt: null,
      charterMenteeAt: null,
      override: toFlag(true),
      startedOn: '2026-01-05',
      resumedOn: null,
      endedOn: null,
      endedBy: null,
      deletedAt: null,
      ...stored(),
    })
    .execute();
  return id;
}

/**
 * Two organisations. In the first, an admin and two pairs (each a junior mentor with a
 * senior mentee); in the second, an admin and one pair. Every person has a token.
 */
export async function createWorld(api: Pick<TestApi, 'storage' | 'idp'>) {
  const db = api.storage.db;
  const orgId = await addOrg(db, 'Contoso');
  const otherOrgId = await addOrg(db, 'Fabrikam');
  const admin = await addPerson(db, orgId, 'Chiara Ferri', 'senior', { isAdmin: true, department: 'HR' });
  const mentee = await addPerson(db, orgId, 'Roberto Bianchi', 'executive', { department: 'Finance' });
  const mentor = await addPerson(db, orgId, 'Giulia Rossi', 'early', { department: 'Marketing' });
  const otherMentee = await addPerson(db, orgId, 'Helen Carter', 'executive', { department: 'Legal' });
  const otherMentor = await addPerson(db, orgId, 'Luca Moretti', 'early', { department: 'IT' });
  const otherOrgAdmin = await addPerson(db, otherOrgId, 'Sam Taylor', 'senior', { isAdmin: true });
  const otherOrgMentor = await addPerson(db, otherOrgId, 'Alex Kim', 'early');
  const otherOrgMentee = await addPerson(db, otherOrgId, 'Pat Jones', 'executive');
  const programId = await addProgram(db, orgId);
  const otherOrgProgramId = await addProgram(db, otherOrgId);
  const pairId = await addPair(db, orgId, programId, mentor, mentee);
  const otherPairId = await addPair(db, orgId, programId, otherMentor, otherMentee);
  const otherOrgPairId = await addPair(db, otherOrgId, otherOrgProgramId, otherOrgMentor, otherOrgMentee);

  const people = {
    admin,
    mentor,
    mentee,
    otherMentor,
    otherMentee,
    otherOrgAdmin,
    otherOrgMentor,
    otherOrgMentee,
  };
  const tokens = Object.fromEntries(
    await Promise.all(
      Object.entries(people).map(async ([role, id]) => [role, await api.idp.sign({ sub: `sub-${id}` })]),
    ),
  ) as Record<keyof typeof people, string>;

  return {
    orgId,
    otherOrgId,
    programId,
    otherOrgProgramId,
    pairId,
    otherPairId,
    otherOrgPairId,
    people,
    tokens,
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
