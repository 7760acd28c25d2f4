import { newId } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../test-support/harness.js';
import { runningPair } from '../test-support/running-pair.js';
import { createWorld, type World } from '../test-support/world.js';

/**
 * Every route, tried by everyone who might try it (issue 10's hardening suite, item 1).
 * The seven actors are an admin of the organisation and its service token (an admin's
 * reach, without being a person), the mentor and the mentee of the pair under test, the
 * mentor of another pair of the same organisation, and another organisation's admin and
 * service token; three more callers hold no token, an expired token, and a token for
 * another audience. Each actor gets the status expected of it, and no answer it gets
 * names an object it may not see.
 */
const ACTORS = [
  'admin',
  'serviceToken',
  'mentor',
  'mentee',
  'otherMentor',
  'otherOrgAdmin',
  'otherOrgServiceToken',
] as const;
type Actor = (typeof ACTORS)[number];

/**
 * Routes that take no token by design, and so have no row here: a calendar feed, which
 * calendar apps fetch with its secret in the path (routes/calendar/calendar.test.ts).
 */
const PUBLIC = ['/v1/calendar/:feed'];
type Expected = [
  admin: number,
  serviceToken: number,
  mentor: number,
  mentee: number,
  otherMentor: number,
  otherOrgAdmin: number,
  otherOrgServiceToken: number,
];

interface Target {
  path: string;
  body?: unknown;
  /** For lists: an id that the actors marked `true` must see in the items, and the others must not. */
  listed?: { id: string; by: Actor[] };
}

interface Case {
  route: string;
  expect: Expected;
  /** Builds what the request acts on: fresh for each actor when the request changes or removes it. */
  target: (actor: Actor) => Promise<Target>;
}

describe.each(testDatabases())('the authorization matrix on $dialect', (database) => {
  let api: TestApi;
  let w: World;
  const f: Record<string, string> = {};
  const tokens = {} as Record<Actor, string>;

  const post = async (path: string, token: string, body: unknown) => {
    const res = await api.call('POST', path, { token, body });
    if (res.status !== 201 && res.status !== 200 && res.status !== 202)
      throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  // Chooses an event no fixture causes, so its log holds only the pings and redeliveries tried here.
  const hook = { url: 'https://hooks.example.com/rm-kit', events: ['story.published'] };
  const unique = () => newId('request').slice(-8).toLowerCase();
  const freshSession = () =>
    post(`/v1/pairs/${w.pairId}/sessions`, w.tokens.mentor, {
      status: 'held',
      occurredAt: '2026-02-02T10:00:00Z',
    });
  const freshPerson = () =>
    post('/v1/people', w.tokens.admin, {
      email: `p.${unique()}@example.com`,
      displayName: 'Fresh Person',
      department: 'Sales',
      careerStage: 'early',
      locale: 'en',
    });
  const freshProgram = () =>
    post('/v1/programs', w.tokens.admin, {
      name: `Cohort ${unique()}`,
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
      status: 'enrolling',
    });
  /** Whom an actor enrols: themselves, or, for a service token, someone of its organisation. */
  const own = (actor: Actor) => {
    if (actor === 'serviceToken') return w.people.mentee;
    if (actor === 'otherOrgServiceToken') return w.people.otherOrgMentee;
    return w.people[actor];
  };
  const feedbackBody = (sessionId: string, shareWithPartner = false) => ({
    kind: 'session',
    sessionId,
    ratings: { usefulness: 4, trust: 5, preparation: 4 },
    recommend: 9,
    shareWithPartner,
  });

  beforeAll(async () => {
    api = await createTestApi(database);
    w = await createWorld(api);
    f.session = await freshSession();
    f.note = await post(`/v1/sessions/${f.session}/notes`, w.tokens.mentor, {
      text: 'He lit up at the AI demo',
    });
    f.goal = await post(`/v1/pairs/${w.pairId}/goals`, w.tokens.mentee, {
      title: 'Post on LinkedIn weekly',
      commitments: [{ text: 'Block Friday mornings to write' }],
    });
    f.goalTemplate = await post(`/v1/programs/${w.programId}/goal-templates`, w.tokens.admin, {
      title: { en: 'Publish a first post on LinkedIn', it: '' },
    });
    f.feedback = await post(`/v1/pairs/${w.pairId}/feedback`, w.tokens.mentor, feedbackBody(f.session, true));
    f.menteeFeedback = await post(`/v1/pairs/${w.pairId}/feedback`, w.tokens.mentee, feedbackBody(f.session));
    f.lonelySession = await freshSession();
    f.unrevealed = await post(
      `/v1/pairs/${w.pairId}/feedback`,
      w.tokens.mentor,
      feedbackBody(f.lonelySession, true),
    );
    const enrolling = await freshProgram();
    f.enrollment = await post(`/v1/programs/${enrolling}/enrollments`, w.tokens.mentor, {
      personId: w.people.mentor,
      role: 'mentor',
      topics: ['ai-tools'],
    });
    f.enrollingProgram = enrolling;
    f.serviceToken = await post('/v1/service-tokens', w.tokens.admin, { name: 'HR sync' });
    f.story = await post(`/v1/pairs/${w.pairId}/stories`, w.tokens.mentor, storyBody);
    f.publishedStory = await agreedStory();
    await post(`/v1/stories/${f.publishedStory}/approval`, w.tokens.admin, undefined);
    f.matchingProgram = await freshProgram();
    f.webhook = await post('/v1/webhooks', w.tokens.admin, hook);
    f.webhookDelivery = await post(`/v1/webhooks/${f.webhook}/ping`, w.tokens.admin, undefined);
    const serviceToken = async (adminToken: string) => {
      const res = await api.call('POST', '/v1/service-tokens', {
        token: adminToken,
        body: { name: 'Matrix' },
      });
      if (res.status !== 201) throw new Error(`service token: ${res.status}`);
      return res.body.token as string;
    };
    Object.assign(tokens, w.tokens, {
      serviceToken: await serviceToken(w.tokens.admin),
      otherOrgServiceToken: await serviceToken(w.tokens.otherOrgAdmin),
    });
  });

  const storyBody = { title: 'What changed for us', text: 'He posts, she argues budgets.', language: 'en' };
  /** A story of the pair under test that both sides agreed to: waiting for an admin. */
  const agreedStory = async () => {
    const id = await post(`/v1/pairs/${w.pairId}/stories`, w.tokens.mentor, storyBody);
    await post(`/v1/stories/${id}/agreement`, w.tokens.mentor, undefined);
    await post(`/v1/stories/${id}/agreement`, w.tokens.mentee, undefined);
    return id;
  };

  /** Someone new, enrolled and accepted in the matching program: a mentor and a mentee to pair, pin or ban. */
  const freshEnrolled = async (role: 'mentor' | 'mentee') => {
    const personId = await freshPerson();
    await post(`/v1/programs/${f.matchingProgram}/enrollments`, w.tokens.admin, {
      personId,
      role,
      topics: ['ai-tools'],
      status: 'accepted',
    });
    return personId;
  };
  const freshTwo = async () => ({
    mentorId: await freshEnrolled('mentor'),
    menteeId: await freshEnrolled('mentee'),
  });
  afterAll(() => api.close());
  const freshWebhook = () => post('/v1/webhooks', w.tokens.admin, hook);

  const p = (path: string, body?: unknown): Target => ({ path, ...(body === undefined ? {} : { body }) });
  const fixed = (path: string, body?: unknown) => async () => p(path, body);

  // A service token manages no service tokens, its own organisation's or another's (403): a
  // leaked one cannot mint fresh ones or revoke the others.
  const cases: Case[] = [
    {
      route: 'GET /v1/organization',
      expect: [200, 200, 200, 200, 200, 200, 200],
      target: fixed('/v1/organization'),
    },
    {
      route: 'PATCH /v1/organization',
      expect: [200, 200, 403, 403, 403, 200, 200],
      target: fixed('/v1/organization', { name: 'Contoso' }),
    },
    { route: 'GET /v1/me', expect: [200, 200, 200, 200, 200, 200, 200], target: fixed('/v1/me') },
    {
      route: 'GET /v1/people',
      expect: [200, 200, 200, 200, 200, 200, 200],
      target: async () => ({
        path: '/v1/people',
        listed: { id: w.people.mentee, by: ['admin', 'serviceToken', 'mentor', 'mentee'] },
      }),
    },
    {
      route: 'POST /v1/people',
      expect: [201, 201, 403, 403, 403, 201, 201],
      target: async () =>
        p('/v1/people', {
          email: `n.${unique()}@example.com`,
          displayName: 'New',
          department: 'IT',
          careerStage: 'early',
          locale: 'it',
        }),
    },
    {
      route: 'GET /v1/people/{personId}',
      expect: [200, 200, 200, 200, 404, 404, 404],
      target: async () => p(`/v1/people/${w.people.mentee}`),
    },
    {
      route: 'PATCH /v1/people/{personId}',
      expect: [200, 200, 403, 200, 404, 404, 404],
      target: async () => p(`/v1/people/${w.people.mentee}`, { title: 'Chief Financial Officer' }),
    },
    {
      route: 'DELETE /v1/people/{personId}',
      expect: [204, 204, 404, 404, 404, 404, 404],
      target: async () => p(`/v1/people/${await freshPerson()}`),
    },
    // Everyone takes their own data; a service token is nobody and has none (403).
    {
      route: 'GET /v1/me/export',
      expect: [200, 403, 200, 200, 200, 200, 403],
      target: fixed('/v1/me/export'),
    },
    {
      route: 'GET /v1/people/{personId}/export',
      expect: [200, 200, 403, 403, 404, 404, 404],
      target: async () => p(`/v1/people/${w.people.mentee}/export`),
    },
    {
      route: 'POST /v1/people/{personId}/erasure',
      expect: [200, 200, 404, 404, 404, 404, 404],
      target: async () => p(`/v1/people/${await freshPerson()}/erasure`, { confirm: 'erase' }),
    },
    {
      route: 'GET /v1/programs',
      expect: [200, 200, 200, 200, 200, 200, 200],
      target: async () => ({
        path: '/v1/programs',
        listed: { id: w.programId, by: ['admin', 'serviceToken', 'mentor', 'mentee', 'otherMentor'] },
      }),
    },
    {
      route: 'POST /v1/programs',
      expect: [201, 201, 403, 403, 403, 201, 201],
      target: fixed('/v1/programs', { name: 'Next cohort', startsOn: '2027-01-01', endsOn: '2027-06-30' }),
    },
    {
      route: 'GET /v1/programs/{programId}',
      expect: [200, 200, 200, 200, 200, 404, 404],
      target: fixed(`/v1/programs/{programId}`),
    },
    {
      route: 'PATCH /v1/programs/{programId}',
      expect: [200, 200, 403, 403, 403, 404, 404],
      target: async () => p(`/v1/programs/${w.programId}`, { description: 'Juniors teach, seniors learn.' }),
    },
    {
      route: 'DELETE /v1/programs/{programId}',
      expect: [204, 204, 403, 403, 403, 404, 404],
      target: async () => p(`/v1/programs/${await freshProgram()}`),
    },
    {
      route: 'POST /v1/programs/{programId}/enrollments',
      expect: [201, 201, 201, 201, 201, 404, 404],
      target: async (actor) =>
        p(`/v1/programs/${await freshProgram()}/enrollments`, {
          personId: own(actor),
          role: 'mentee',
          topics: ['ai-tools'],
        }),
    },
    {
      route: 'GET /v1/programs/{programId}/enrollments',
      expect: [200, 200, 200, 200, 200, 404, 404],
      target: async () => ({
        path: `/v1/programs/${f.enrollingProgram}/enrollments`,
        listed: { id: f.enrollment ?? '', by: ['admin', 'serviceToken', 'mentor'] },
      }),
    },
    {
      route: 'GET /v1/enrollments/{enrollmentId}',
      expect: [200, 200, 200, 404, 404, 404, 404],
      target: async () => p(`/v1/enrollments/${f.enrollment}`),
    },
    {
      route: 'PATCH /v1/enrollments/{enrollmentId}',
      expect: [200, 200, 200, 404, 404, 404, 404],
      target: async () => p(`/v1/enrollments/${f.enrollment}`, { motivation: 'I want to teach what I know' }),
    },
    {
      route: 'DELETE /v1/enrollments/{enrollmentId}',
      expect: [204, 204, 403, 404, 404, 404, 404],
      target: async () => {
        const id = await post(`/v1/programs/${await freshProgram()}/enrollments`, w.tokens.mentor, {
          personId: w.people.mentor,
          role: 'mentor',
          topics: ['social-media'],
        });
        return p(`/v1/enrollments/${id}`);
      },
    },
    {
      route: 'GET /v1/pairs',
      expect: [200, 200, 200, 200, 200, 200, 200],
      target: async () => ({
        path: '/v1/pairs',
        listed: { id: w.pairId, by: ['admin', 'serviceToken', 'mentor', 'mentee'] },
      }),
    },
    {
      route: 'POST /v1/programs/{programId}/pairs',
      expect: [201, 201, 403, 403, 403, 404, 404],
      target: async () =>
        p(`/v1/programs/${w.programId}/pairs`, {
          mentorId: await freshPerson(),
          menteeId: await freshPerson(),
          override: true,
        }),
    },
    {
      route: 'GET /v1/pairs/{pairId}',
      expect: [200, 200, 200, 200, 404, 404, 404],
      target: fixed('/v1/pairs/{pairId}'),
    },
    {
      route: 'PATCH /v1/pairs/{pairId}',
      expect: [200, 200, 403, 403, 404, 404, 404],
      target: fixed('/v1/pairs/{pairId}', { topics: ['ai-tools'] }),
    },
    {
      route: 'DELETE /v1/pairs/{pairId}',
      expect: [204, 204, 403, 403, 404, 404, 404],
      target: async () => p(`/v1/pairs/${await runningPair(api, w)}`),
    },
    {
      route: 'POST /v1/pairs/{pairId}/charter-acceptance',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: fixed('/v1/pairs/{pairId}/charter-acceptance'),
    },
    {
      route: 'POST /v1/pairs/{pairId}/consent',
      expect: [404, 404, 403, 200, 404, 404, 404],
      target: fixed('/v1/pairs/{pairId}/consent'),
    },
    {
      route: 'POST /v1/pairs/{pairId}/decline',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: async () => p(`/v1/pairs/${await runningPair(api, w)}/decline`),
    },
    {
      route: 'GET /v1/programs/{programId}/match-constraints',
      expect: [200, 200, 403, 403, 403, 404, 404],
      target: async () => p(`/v1/programs/${f.matchingProgram}/match-constraints`),
    },
    {
      route: 'POST /v1/programs/{programId}/match-constraints',
      expect: [201, 201, 403, 403, 403, 404, 404],
      target: async () =>
        p(`/v1/programs/${f.matchingProgram}/match-constraints`, { ...(await freshTwo()), kind: 'ban' }),
    },
    {
      route: 'DELETE /v1/match-constraints/{constraintId}',
      expect: [204, 204, 403, 403, 403, 404, 404],
      target: async () => {
        const id = await post(`/v1/programs/${f.matchingProgram}/match-constraints`, w.tokens.admin, {
          ...(await freshTwo()),
          kind: 'pin',
        });
        return p(`/v1/match-constraints/${id}`);
      },
    },
    {
      route: 'GET /v1/programs/{programId}/match-proposals',
      expect: [200, 200, 403, 403, 403, 404, 404],
      target: async () => p(`/v1/programs/${f.matchingProgram}/match-proposals`),
    },
    {
      route: 'POST /v1/programs/{programId}/match-proposals/publish',
      expect: [201, 201, 403, 403, 403, 404, 404],
      target: async () =>
        p(`/v1/programs/${f.matchingProgram}/match-proposals/publish`, { pairs: [await freshTwo()] }),
    },
    {
      route: 'GET /v1/pairs/{pairId}/progress',
      expect: [200, 200, 200, 200, 404, 404, 404],
      target: fixed('/v1/pairs/{pairId}/progress'),
    },
    {
      route: 'POST /v1/pairs/{pairId}/sessions',
      expect: [404, 404, 201, 201, 404, 404, 404],
      target: fixed('/v1/pairs/{pairId}/sessions', {
        status: 'planned',
        scheduledAt: '2030-01-01T10:00:00Z',
      }),
    },
    {
      route: 'GET /v1/pairs/{pairId}/sessions',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: fixed('/v1/pairs/{pairId}/sessions'),
    },
    {
      route: 'GET /v1/sessions/{sessionId}',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: async () => p(`/v1/sessions/${f.session}`),
    },
    {
      route: 'PATCH /v1/sessions/{sessionId}',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: async () => p(`/v1/sessions/${f.session}`, { summary: 'Updated together' }),
    },
    {
      route: 'DELETE /v1/sessions/{sessionId}',
      expect: [404, 404, 204, 204, 404, 404, 404],
      target: async () => p(`/v1/sessions/${await freshSession()}`),
    },
    {
      route: 'POST /v1/sessions/{sessionId}/notes',
      expect: [404, 404, 201, 201, 404, 404, 404],
      target: async () => p(`/v1/sessions/${f.session}/notes`, { text: 'Only for me' }),
    },
    {
      route: 'GET /v1/sessions/{sessionId}/notes',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: async () => ({
        path: `/v1/sessions/${f.session}/notes`,
        listed: { id: f.note ?? '', by: ['mentor'] },
      }),
    },
    {
      route: 'GET /v1/notes/{noteId}',
      expect: [404, 404, 200, 404, 404, 404, 404],
      target: async () => p(`/v1/notes/${f.note}`),
    },
    {
      route: 'PATCH /v1/notes/{noteId}',
      expect: [404, 404, 200, 404, 404, 404, 404],
      target: async () => p(`/v1/notes/${f.note}`, { text: 'Edited' }),
    },
    {
      route: 'DELETE /v1/notes/{noteId}',
      expect: [404, 404, 204, 404, 404, 404, 404],
      target: async () =>
        p(`/v1/notes/${await post(`/v1/sessions/${f.session}/notes`, w.tokens.mentor, { text: 'Temp' })}`),
    },
    {
      route: 'POST /v1/pairs/{pairId}/goals',
      expect: [404, 404, 201, 201, 404, 404, 404],
      target: fixed('/v1/pairs/{pairId}/goals', { title: 'Run a hybrid meeting well' }),
    },
    {
      route: 'GET /v1/pairs/{pairId}/goals',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: fixed('/v1/pairs/{pairId}/goals'),
    },
    {
      route: 'GET /v1/goals/{goalId}',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: async () => p(`/v1/goals/${f.goal}`),
    },
    {
      route: 'PATCH /v1/goals/{goalId}',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: async () => p(`/v1/goals/${f.goal}`, { progress: 30 }),
    },
    {
      route: 'DELETE /v1/goals/{goalId}',
      expect: [404, 404, 204, 204, 404, 404, 404],
      target: async () =>
        p(`/v1/goals/${await post(`/v1/pairs/${w.pairId}/goals`, w.tokens.mentee, { title: 'Temp' })}`),
    },
    {
      route: 'GET /v1/programs/{programId}/goal-templates',
      expect: [200, 200, 200, 200, 200, 404, 404],
      target: async () => ({
        path: `/v1/programs/${w.programId}/goal-templates`,
        listed: {
          id: f.goalTemplate ?? '',
          by: ['admin', 'serviceToken', 'mentor', 'mentee', 'otherMentor'],
        },
      }),
    },
    {
      route: 'POST /v1/pairs/{pairId}/stories',
      expect: [404, 404, 201, 201, 404, 404, 404],
      target: fixed('/v1/pairs/{pairId}/stories', storyBody),
    },
    {
      route: 'GET /v1/pairs/{pairId}/stories',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: async () => ({
        path: `/v1/pairs/${w.pairId}/stories`,
        listed: { id: f.story ?? '', by: ['mentor', 'mentee'] },
      }),
    },
    {
      route: 'GET /v1/stories',
      expect: [200, 200, 200, 200, 200, 200, 200],
      target: async () => ({
        path: '/v1/stories',
        listed: {
          id: f.publishedStory ?? '',
          by: ['admin', 'serviceToken', 'mentor', 'mentee', 'otherMentor'],
        },
      }),
    },
    {
      route: 'POST /v1/programs/{programId}/goal-templates',
      expect: [201, 201, 403, 403, 403, 404, 404],
      target: fixed('/v1/programs/{programId}/goal-templates', {
        title: { en: 'Try an AI assistant', it: '' },
      }),
    },
    {
      route: 'PATCH /v1/goal-templates/{templateId}',
      expect: [200, 200, 403, 403, 403, 404, 404],
      target: async () => p(`/v1/goal-templates/${f.goalTemplate}`, { topic: null }),
    },
    {
      route: 'DELETE /v1/goal-templates/{templateId}',
      expect: [204, 204, 403, 403, 403, 404, 404],
      target: async () =>
        p(
          `/v1/goal-templates/${await post(`/v1/programs/${w.programId}/goal-templates`, w.tokens.admin, {
            title: { en: 'Temp', it: '' },
          })}`,
        ),
    },
    {
      route: 'GET /v1/stories/{storyId}',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: async () => p(`/v1/stories/${f.story}`),
    },
    {
      route: 'PATCH /v1/stories/{storyId}',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: async () => p(`/v1/stories/${f.story}`, { title: 'What changed for the two of us' }),
    },
    {
      route: 'POST /v1/stories/{storyId}/agreement',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: async () => p(`/v1/stories/${f.story}/agreement`),
    },
    {
      route: 'DELETE /v1/stories/{storyId}/agreement',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: async () => p(`/v1/stories/${f.story}/agreement`),
    },
    {
      route: 'POST /v1/stories/{storyId}/approval',
      expect: [200, 200, 403, 403, 403, 404, 404],
      target: async () => p(`/v1/stories/${await agreedStory()}/approval`),
    },
    {
      route: 'POST /v1/stories/{storyId}/return',
      expect: [200, 200, 403, 403, 403, 404, 404],
      target: async () => p(`/v1/stories/${await agreedStory()}/return`, { note: 'Leave out the figures.' }),
    },
    {
      route: 'POST /v1/pairs/{pairId}/feedback',
      expect: [404, 404, 201, 201, 404, 404, 404],
      target: async () => p(`/v1/pairs/${w.pairId}/feedback`, feedbackBody(await freshSession())),
    },
    {
      route: 'GET /v1/pairs/{pairId}/feedback',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: async () => ({
        path: `/v1/pairs/${w.pairId}/feedback`,
        listed: { id: f.unrevealed ?? '', by: ['mentor'] },
      }),
    },
    {
      route: 'GET /v1/feedback/{feedbackId}',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: async () => p(`/v1/feedback/${f.feedback}`),
    },
    {
      route: 'PATCH /v1/feedback/{feedbackId}',
      expect: [404, 404, 200, 403, 404, 404, 404],
      target: async () => p(`/v1/feedback/${f.feedback}`, { improve: 'More examples' }),
    },
    {
      route: 'DELETE /v1/feedback/{feedbackId}',
      expect: [404, 404, 204, 404, 404, 404, 404],
      target: async () =>
        p(
          `/v1/feedback/${await post(`/v1/pairs/${w.pairId}/feedback`, w.tokens.mentor, feedbackBody(await freshSession()))}`,
        ),
    },
    {
      route: 'GET /v1/programs/{programId}/report',
      expect: [200, 200, 403, 403, 403, 404, 404],
      target: fixed('/v1/programs/{programId}/report'),
    },
    {
      route: 'GET /v1/programs/{programId}/dashboard',
      expect: [200, 200, 403, 403, 403, 404, 404],
      target: fixed('/v1/programs/{programId}/dashboard'),
    },
    {
      route: 'POST /v1/service-tokens',
      expect: [201, 403, 403, 403, 403, 201, 403],
      target: fixed('/v1/service-tokens', { name: 'Nightly export' }),
    },
    {
      route: 'GET /v1/service-tokens',
      expect: [200, 403, 403, 403, 403, 200, 403],
      target: async () => ({
        path: '/v1/service-tokens',
        listed: { id: f.serviceToken ?? '', by: ['admin'] },
      }),
    },
    {
      route: 'GET /v1/service-tokens/{tokenId}',
      expect: [200, 403, 403, 403, 403, 404, 403],
      target: async () => p(`/v1/service-tokens/${f.serviceToken}`),
    },
    {
      route: 'DELETE /v1/service-tokens/{tokenId}',
      expect: [204, 403, 403, 403, 403, 404, 403],
      target: async () =>
        p(`/v1/service-tokens/${await post('/v1/service-tokens', w.tokens.admin, { name: 'Temp' })}`),
    },
    // Webhooks are the organisation's, managed by admins and service tokens alike.
    {
      route: 'GET /v1/webhooks',
      expect: [200, 200, 403, 403, 403, 200, 200],
      target: async () => ({
        path: '/v1/webhooks',
        listed: { id: f.webhook ?? '', by: ['admin', 'serviceToken'] },
      }),
    },
    {
      route: 'POST /v1/webhooks',
      expect: [201, 201, 403, 403, 403, 201, 201],
      target: fixed('/v1/webhooks', hook),
    },
    {
      route: 'GET /v1/webhooks/{webhookId}',
      expect: [200, 200, 403, 403, 403, 404, 404],
      target: async () => p(`/v1/webhooks/${f.webhook}`),
    },
    {
      route: 'PATCH /v1/webhooks/{webhookId}',
      expect: [200, 200, 403, 403, 403, 404, 404],
      target: async () => p(`/v1/webhooks/${f.webhook}`, { description: 'HR channel' }),
    },
    {
      route: 'DELETE /v1/webhooks/{webhookId}',
      expect: [204, 204, 403, 403, 403, 404, 404],
      target: async () => p(`/v1/webhooks/${await freshWebhook()}`),
    },
    {
      route: 'POST /v1/webhooks/{webhookId}/rotate-secret',
      expect: [200, 200, 403, 403, 403, 404, 404],
      target: async () => p(`/v1/webhooks/${await freshWebhook()}/rotate-secret`),
    },
    {
      route: 'GET /v1/webhooks/{webhookId}/deliveries',
      expect: [200, 200, 403, 403, 403, 404, 404],
      target: async () => ({
        path: `/v1/webhooks/${f.webhook}/deliveries`,
        listed: { id: f.webhookDelivery ?? '', by: ['admin', 'serviceToken'] },
      }),
    },
    {
      route: 'POST /v1/webhooks/{webhookId}/ping',
      expect: [202, 202, 403, 403, 403, 404, 404],
      target: async () => p(`/v1/webhooks/${f.webhook}/ping`),
    },
    {
      route: 'POST /v1/webhook-deliveries/{deliveryId}/redeliver',
      expect: [202, 202, 403, 403, 403, 404, 404],
      target: async () => p(`/v1/webhook-deliveries/${f.webhookDelivery}/redeliver`),
    },
    {
      route: 'GET /v1/pairs/{pairId}/calendar-feed',
      expect: [404, 404, 200, 200, 404, 404, 404],
      target: fixed('/v1/pairs/{pairId}/calendar-feed'),
    },
    {
      route: 'POST /v1/pairs/{pairId}/calendar-feed',
      expect: [404, 404, 201, 201, 404, 404, 404],
      target: fixed('/v1/pairs/{pairId}/calendar-feed'),
    },
    {
      route: 'DELETE /v1/pairs/{pairId}/calendar-feed',
      expect: [404, 404, 204, 204, 404, 404, 404],
      target: fixed('/v1/pairs/{pairId}/calendar-feed'),
    },
    // Everyone signed in as a person has a feed of their own sessions; a service token is nobody.
    {
      route: 'GET /v1/me/calendar-feed',
      expect: [200, 403, 200, 200, 200, 200, 403],
      target: fixed('/v1/me/calendar-feed'),
    },
    {
      route: 'POST /v1/me/calendar-feed',
      expect: [201, 403, 201, 201, 201, 201, 403],
      target: fixed('/v1/me/calendar-feed'),
    },
    {
      route: 'DELETE /v1/me/calendar-feed',
      expect: [204, 403, 204, 204, 204, 204, 403],
      target: fixed('/v1/me/calendar-feed'),
    },
    {
      route: 'GET /v1/events',
      expect: [200, 200, 200, 200, 404, 404, 404],
      target: fixed('/v1/events?pairId={pairId}'),
    },
  ];

  const resolve = (path: string) => path.replace('{pairId}', w.pairId).replace('{programId}', w.programId);

  async function send(method: string, target: Target, token?: string) {
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    if (target.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await api.app.request(resolve(target.path), {
      method,
      headers,
      ...(target.body !== undefined ? { body: JSON.stringify(target.body) } : {}),
    });
    // An event stream never ends by itself; the status is all this test needs.
    if (response.headers.get('Content-Type')?.includes('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, body: null };
    }
    const body: unknown = await response.json().catch(() => null);
    return { status: response.status, body };
  }

  it('covers every route of the API', async () => {
    const served = new Set(
      api.app.routes
        .filter((r) => r.path.startsWith('/v1/') && r.method !== 'ALL' && !PUBLIC.includes(r.path))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    expect(cases.map((c) => c.route).sort()).toEqual([...served].sort());
  });

  /**
   * The ids of the objects an actor may not see, none of which may appear in any answer it
   * gets (unless it named the id itself in the request): another organisation's every id;
   * for admins and service tokens, the pair's log, private notes and individual feedback
   * (they see feedback only as aggregates); for a member, another pair's people and objects,
   * the partner's private notes and the partner's answers not yet revealed to them.
   */
  function hiddenFrom(actor: Actor): string[] {
    const otherOrg = [
      w.otherOrgId,
      w.otherOrgProgramId,
      w.otherOrgPairId,
      w.people.otherOrgAdmin,
      w.people.otherOrgMentor,
      w.people.otherOrgMentee,
    ];
    const thePairsWork = [
      f.session,
      f.lonelySession,
      f.note,
      f.goal,
      f.feedback,
      f.menteeFeedback,
      f.unrevealed,
      f.story,
    ];
    const otherPair = [w.otherPairId, w.people.otherMentor, w.people.otherMentee];
    const ids = {
      admin: [
        ...otherOrg,
        f.session,
        f.lonelySession,
        f.note,
        f.goal,
        f.feedback,
        f.menteeFeedback,
        f.unrevealed,
        f.story,
      ],
      serviceToken: [
        ...otherOrg,
        f.session,
        f.lonelySession,
        f.note,
        f.goal,
        f.feedback,
        f.menteeFeedback,
        f.unrevealed,
        f.story,
      ],
      mentor: [...otherOrg, ...otherPair, f.menteeFeedback],
      mentee: [...otherOrg, ...otherPair, f.note, f.unrevealed],
      otherMentor: [...otherOrg, w.pairId, w.people.mentor, w.people.mentee, ...thePairsWork, f.enrollment],
      otherOrgAdmin: [],
      otherOrgServiceToken: [],
    } satisfies Record<Actor, (string | undefined)[]>;
    const thisOrg = [
      w.orgId,
      w.programId,
      w.pairId,
      w.otherPairId,
      w.people.admin,
      w.people.mentor,
      w.people.mentee,
      w.people.otherMentor,
      w.people.otherMentee,
      ...thePairsWork,
      f.enrollment,
      f.enrollingProgram,
      f.matchingProgram,
      f.serviceToken,
      f.goalTemplate,
      f.webhook,
      f.webhookDelivery,
      f.publishedStory,
    ];
    const hidden = actor === 'otherOrgAdmin' || actor === 'otherOrgServiceToken' ? thisOrg : ids[actor];
    return hidden.filter((id): id is string => id !== undefined);
  }

  /** Every id the actor may not see that the answer names and the request did not. */
  function leaked(actor: Actor, target: Target, body: unknown): string[] {
    if (body === null) return [];
    const asked = resolve(target.path) + JSON.stringify(target.body ?? null);
    const answered = JSON.stringify(body);
    return hiddenFrom(actor).filter((id) => answered.includes(id) && !asked.includes(id));
  }

  it.each(cases)('$route', async ({ route, expect: expected, target }) => {
    const method = route.split(' ')[0] ?? 'GET';
    const actual: Record<string, number> = {};
    const wanted: Record<string, number> = {};
    const leaks: Record<string, string[]> = {};
    for (const [i, actor] of ACTORS.entries()) {
      const t = await target(actor);
      const res = await send(method, t, tokens[actor]);
      actual[actor] = res.status;
      wanted[actor] = expected[i] ?? 0;
      const names = leaked(actor, t, res.body);
      if (names.length > 0) leaks[actor] = names;
      if (t.listed && res.status === 200) {
        const ids = (res.body as { items: { id: string }[] }).items.map((item) => item.id);
        expect(ids.includes(t.listed.id), `${actor} sees ${t.listed.id} in ${route}`).toBe(
          t.listed.by.includes(actor),
        );
      }
    }
    const sub = `sub-${w.people.mentor}`;
    const strangers = {
      noToken: undefined,
      expired: await api.idp.sign({ sub, expiresIn: Math.floor(Date.now() / 1000) - 60 }),
      otherAudience: await api.idp.sign({ sub, aud: 'api://another-app' }),
    };
    for (const [who, token] of Object.entries(strangers)) {
      actual[who] = (await send(method, await target('mentor'), token)).status;
      wanted[who] = 401;
    }
    expect(actual).toEqual(wanted);
    expect(leaks, `ids answered to actors who may not see them in ${route}`).toEqual({});
  });
});
