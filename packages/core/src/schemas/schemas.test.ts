import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { issuesFrom } from '../errors.js';
import { newId } from '../ids.js';
import { textIn } from '../vocabulary.js';
import { enrollmentCreateSchema, enrollmentSchema, pairRoleSchema } from './enrollment.js';
import { feedbackCreateSchema, feedbackSchema } from './feedback.js';
import { goalCreateSchema, goalSchema, goalUpdateSchema } from './goal.js';
import { organizationSchema, organizationSettingsSchema, organizationUpdateSchema } from './organization.js';
import { pairCreateSchema, pairSchema } from './pair.js';
import { personCreateSchema, personSchema } from './person.js';
import { privateNoteSchema } from './private-note.js';
import { canMoveProgram, charterFrom, matchingFrom, programCreateSchema, programSchema } from './program.js';
import { sessionCreateSchema, sessionSchema, sessionUpdateSchema } from './session.js';

const stamp = '2026-03-02T09:30:00Z';
const stored = { createdAt: stamp, updatedAt: stamp, version: 1 };
const orgId = newId('organization');

function paths(result: { success: boolean; error?: z.ZodError }) {
  return result.error ? issuesFrom(result.error).map((i) => i.path.join('.')) : [];
}

describe('the contract', () => {
  it('has a schema for every entity of the domain, with the fields the contract fixes', () => {
    const fixed = {
      session: [
        sessionSchema,
        [
          'id',
          'pairId',
          'status',
          'scheduledAt',
          'occurredAt',
          'durationMinutes',
          'format',
          'topics',
          'summary',
          'actionItems',
          'version',
          'createdAt',
          'updatedAt',
        ],
      ],
      pair: [
        pairSchema,
        [
          'id',
          'programId',
          'mentorId',
          'menteeId',
          'status',
          'matchScore',
          'matchReasons',
          'charterAcceptedAt',
          'startedOn',
          'endedOn',
          'version',
        ],
      ],
      feedback: [
        feedbackSchema,
        [
          'id',
          'pairId',
          'sessionId',
          'kind',
          'authorRole',
          'ratings',
          'recommend',
          'learned',
          'improve',
          'shareWithPartner',
        ],
      ],
      person: [
        personSchema,
        [
          'id',
          'externalId',
          'email',
          'displayName',
          'title',
          'department',
          'managerId',
          'careerStage',
          'locale',
        ],
      ],
    } as const;
    for (const [schema, fields] of Object.values(fixed)) {
      const shape = (schema as unknown as { shape: Record<string, unknown> }).shape;
      expect(Object.keys(shape)).toEqual(expect.arrayContaining([...fields]));
    }
    const tenantScoped = [
      personSchema,
      programSchema,
      enrollmentSchema,
      pairSchema,
      goalSchema,
      sessionSchema,
      privateNoteSchema,
      feedbackSchema,
    ];
    for (const schema of [organizationSchema, ...tenantScoped]) {
      expect(Object.keys(schema.shape)).toEqual(
        expect.arrayContaining(['id', 'createdAt', 'updatedAt', 'version']),
      );
    }
    for (const schema of tenantScoped) expect(Object.keys(schema.shape)).toContain('orgId');
  });

  it('says in the schema itself that the mentor is the junior and the mentee the senior', () => {
    expect(pairRoleSchema.description).toMatch(/mentor = the junior.*mentee = the senior/);
    expect(pairSchema.shape.mentorId.description).toMatch(/junior/);
    expect(pairSchema.shape.menteeId.description).toMatch(/senior/);
    const json = JSON.stringify(z.toJSONSchema(enrollmentCreateSchema, { io: 'input' }));
    expect(json).toContain('For a mentor (junior): topics they can teach');
  });

  it('fills the defaults a user would expect when creating a program', () => {
    const program = programCreateSchema.parse({
      name: 'Digital Bridge 2026',
      startsOn: '2026-02-01',
      endsOn: '2026-07-31',
    });
    expect(program).toMatchObject({ cadenceDays: 14, sessionMinutes: 60, status: 'draft', customTopics: [] });
    expect(program.topics).toContain('sustainability');
    expect(program.topics).toContain('leadership');
  });

  it('rejects a program that ends before it starts or offers a topic nobody defined', () => {
    const result = programCreateSchema.safeParse({
      name: 'Backwards',
      startsOn: '2026-07-01',
      endsOn: '2026-01-01',
      topics: ['sustainability', 'underwater-basket-weaving'],
    });
    expect(paths(result)).toEqual(['endsOn', 'topics.1']);
  });

  it('accepts a custom topic once it has English and Italian labels', () => {
    const result = programCreateSchema.safeParse({
      name: 'Green Ops',
      startsOn: '2026-02-01',
      endsOn: '2026-07-31',
      topics: ['sustainability', 'carbon-accounting'],
      customTopics: [
        {
          key: 'carbon-accounting',
          labels: { en: 'Carbon accounting', it: 'Contabilità del carbonio' },
          direction: 'reverse',
        },
      ],
    });
    expect(result.success).toBe(true);
  });

  it('keeps a charter per language, and reads a plain one as the organisation’s language', () => {
    const italian = 'Il nostro patto di mentoring';
    expect(charterFrom(italian, 'it')).toEqual({ en: '', it: italian });
    const both = charterFrom({ en: 'Our charter' }, 'it', { en: '', it: italian });
    expect(both).toEqual({ en: 'Our charter', it: italian });
    expect(textIn(both, 'it')).toEqual({ text: italian, locale: 'it' });
    // Not written in the reader's language: the first one it is written in, marked as such.
    expect(textIn({ en: '', it: italian }, 'en')).toEqual({ text: italian, locale: 'it' });
    expect(textIn({ en: ' ', it: '' }, 'en')).toBeNull();
    expect(
      programCreateSchema.safeParse({
        name: 'X',
        startsOn: '2026-02-01',
        endsOn: '2026-07-31',
        charter: { fr: 'Charte' },
      }).success,
    ).toBe(false);
  });

  it('moves a program forward one step at a time, or closes it', () => {
    expect(canMoveProgram('draft', 'enrolling')).toBe(true);
    expect(canMoveProgram('draft', 'active')).toBe(false);
    expect(canMoveProgram('active', 'enrolling')).toBe(false);
    expect(canMoveProgram('matching', 'closed')).toBe(true);
  });

  it('rejects unknown keys in create and update bodies, naming them', () => {
    const create = sessionCreateSchema.safeParse({ status: 'held', occurredAt: stamp, orgId });
    expect(create.success).toBe(false);
    expect(create.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['orgId'] });
    const update = goalUpdateSchema.safeParse({ progress: 50, version: 3 });
    expect(update.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['version'] });
  });

  it("makes a new goal the mentee's, open and at 0%, unless told otherwise", () => {
    expect(goalCreateSchema.parse({ title: 'Publish a first LinkedIn article' })).toMatchObject({
      owner: 'mentee',
      status: 'open',
      progress: 0,
    });
    expect(goalCreateSchema.safeParse({ title: 'Overshoot', progress: 120 }).success).toBe(false);
  });

  it('takes any subset of fields in an update, and nothing at all', () => {
    expect(sessionUpdateSchema.parse({})).toEqual({});
    expect(goalUpdateSchema.parse({ progress: 40 })).toEqual({ progress: 40 });
  });

  it('asks a held session when it happened and a planned one when it will', () => {
    expect(paths(sessionCreateSchema.safeParse({ status: 'held' }))).toEqual(['occurredAt']);
    expect(paths(sessionCreateSchema.safeParse({ status: 'planned' }))).toEqual(['scheduledAt']);
    const session = sessionCreateSchema.parse({
      status: 'held',
      occurredAt: stamp,
      actionItems: [{ text: 'Draft the first LinkedIn post', owner: 'mentee' }],
    });
    expect(session.actionItems[0]).toEqual({
      text: 'Draft the first LinkedIn post',
      owner: 'mentee',
      done: false,
    });
  });

  it('refuses instants that fall outside the years 1-9999 once in UTC', () => {
    const planned = (scheduledAt: string) =>
      sessionCreateSchema.safeParse({ status: 'planned', scheduledAt });
    expect(planned('9999-12-31T23:59:59-23:59').success).toBe(false);
    expect(planned('0000-01-01T00:00:00+01:00').success).toBe(false);
    expect(planned('2026-03-02T09:30:00+01:00').success).toBe(true);
  });

  it('points at the exact field of a bad action item', () => {
    const result = sessionCreateSchema.safeParse({
      status: 'held',
      occurredAt: stamp,
      actionItems: [
        { text: 'ok', owner: 'mentor' },
        { text: '', owner: 'boss' },
      ],
    });
    expect(paths(result)).toEqual(['actionItems.1.text', 'actionItems.1.owner']);
  });

  it('validates a full stored session as the server returns it', () => {
    const session = {
      id: newId('session'),
      orgId,
      pairId: newId('pair'),
      status: 'held',
      scheduledAt: null,
      occurredAt: stamp,
      durationMinutes: 45,
      format: 'video',
      topics: ['social-media'],
      summary: 'Set up a LinkedIn profile',
      cancellationReason: null,
      actionItems: [{ id: 'a1', text: 'Post weekly', owner: 'mentee', done: false }],
      ...stored,
    };
    expect(sessionSchema.parse(session)).toEqual(session);
  });

  it('keeps ratings within 1-5 and the recommendation within 0-10', () => {
    const base = { kind: 'midpoint', ratings: { usefulness: 5, trust: 4, preparation: 3 }, recommend: 9 };
    expect(feedbackCreateSchema.safeParse(base).success).toBe(true);
    const bad = feedbackCreateSchema.safeParse({
      ...base,
      ratings: { usefulness: 6, trust: 0, preparation: 3.5 },
      recommend: 11,
    });
    expect(paths(bad)).toEqual(['ratings.usefulness', 'ratings.trust', 'ratings.preparation', 'recommend']);
  });

  it('ties session feedback to a session and phase feedback to none', () => {
    const ratings = { usefulness: 4, trust: 4, preparation: 4 };
    expect(paths(feedbackCreateSchema.safeParse({ kind: 'session', ratings, recommend: 8 }))).toEqual([
      'sessionId',
    ]);
    const phase = feedbackCreateSchema.safeParse({
      kind: 'final',
      sessionId: newId('session'),
      ratings,
      recommend: 8,
    });
    expect(paths(phase)).toEqual(['sessionId']);
    expect(feedbackCreateSchema.parse({ kind: 'final', ratings, recommend: 8 }).shareWithPartner).toBe(false);
  });

  it('never lets a mentee take more than one pair or someone mentor themselves', () => {
    const personId = newId('person');
    const mentee = enrollmentCreateSchema.safeParse({
      personId,
      role: 'mentee',
      topics: ['ai-tools'],
      capacity: 2,
    });
    expect(paths(mentee)).toEqual(['capacity']);
    expect(paths(pairCreateSchema.safeParse({ mentorId: personId, menteeId: personId }))).toEqual([
      'menteeId',
    ]);
  });

  it('gives a new program the default matching weights, each its own copy, and refuses weights that count nothing', () => {
    const cohort = { name: 'Digital Bridge', startsOn: '2027-01-11', endsOn: '2027-06-30' };
    const first = programCreateSchema.parse(cohort);
    expect(first.matching).toEqual({
      weights: { topics: 4, crossDepartment: 2, language: 2, availability: 2 },
      separateDepartments: false,
    });
    first.matching.weights.topics = 9;
    expect(programCreateSchema.parse(cohort).matching.weights.topics).toBe(4);
    const none = { topics: 0, crossDepartment: 0, language: 0, availability: 0 };
    const refused = programCreateSchema.safeParse({
      ...cohort,
      matching: { weights: none, separateDepartments: true },
    });
    expect(paths(refused)).toEqual(['matching.weights']);
    const changed = matchingFrom({ weights: { language: 7 } }, first.matching);
    expect(changed).toEqual({ ...first.matching, weights: { ...first.matching.weights, language: 7 } });
  });

  it('starts a hand-made pair proposed, outside the rules only when an override says so', () => {
    const pair = pairCreateSchema.parse({ mentorId: newId('person'), menteeId: newId('person') });
    expect(pair).toMatchObject({ status: 'proposed', override: false, topics: [], startedOn: null });
  });

  const giulia = {
    email: 'giulia.rossi@example.com',
    displayName: 'Giulia Rossi',
    department: 'Marketing',
    careerStage: 'early',
    locale: 'it',
  } as const;

  it('creates a person with sensible defaults and rejects a malformed email or time zone', () => {
    const person = personCreateSchema.parse(giulia);
    expect(person).toMatchObject({ isAdmin: false, managerId: null, languages: [], timeZone: 'UTC' });
    const bad = personCreateSchema.safeParse({ ...person, email: 'giulia', timeZone: 'Mars/Olympus' });
    expect(paths(bad)).toEqual(['email', 'timeZone']);
  });

  it('keeps telling a real time zone from a made-up one however often each is checked', () => {
    for (let round = 0; round < 3; round++) {
      expect(personCreateSchema.safeParse({ ...giulia, timeZone: 'Europe/Rome' }).success).toBe(true);
      expect(personCreateSchema.safeParse({ ...giulia, timeZone: 'europe/rome' }).success).toBe(true);
      expect(paths(personCreateSchema.safeParse({ ...giulia, timeZone: 'Europe/Atlantis' }))).toEqual([
        'timeZone',
      ]);
    }
  });

  it('takes a photo URL over https only', () => {
    expect(
      personCreateSchema.parse({ ...giulia, photoUrl: 'https://photos.example.com/g.jpg' }).photoUrl,
    ).toBe('https://photos.example.com/g.jpg');
    expect(
      paths(personCreateSchema.safeParse({ ...giulia, photoUrl: 'http://photos.example.com/g.jpg' })),
    ).toEqual(['photoUrl']);
  });

  it('lists no photo hosts by default, and takes host names only, in lower case', () => {
    expect(organizationSettingsSchema.parse({}).photoHosts).toEqual([]);
    const update = organizationUpdateSchema.parse({ settings: { photoHosts: [' Photos.Contoso.Example '] } });
    expect(update.settings?.photoHosts).toEqual(['photos.contoso.example']);
    const bad = organizationUpdateSchema.safeParse({
      settings: {
        photoHosts: ['https://cdn.example', '*.example.com', '.example.com', 'cdn.example:443', 'ok.example'],
      },
    });
    expect(paths(bad)).toEqual([
      'settings.photoHosts.0',
      'settings.photoHosts.1',
      'settings.photoHosts.2',
      'settings.photoHosts.3',
    ]);
  });
});
