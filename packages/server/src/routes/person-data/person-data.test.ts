import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceToken } from '../../auth/service-tokens.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

/**
 * Issue 12's acceptance test for a person's own data: Roberto, the world's mentee (the
 * senior), exports what is kept about him, then an admin erases him. Giulia, his mentor,
 * keeps their pair's history; the program's figures do not move.
 */
describe.each(testDatabases())("a person's own data on $dialect", (database) => {
  let api: TestApi;
  let w: World;
  const ids: Record<string, string> = {};

  const post = async (path: string, token: string, body: unknown) => {
    const res = await api.call('POST', path, { token, body });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
    return res.body.id as string;
  };
  const answer = (sessionId: string, learned: string, shareWithPartner: boolean) => ({
    kind: 'session',
    sessionId,
    ratings: { usefulness: 4, trust: 2, preparation: 5 },
    recommend: 8,
    learned,
    improve: 'More examples',
    shareWithPartner,
  });
  const releases = () =>
    api.storage.db
      .selectFrom('aggregateReleases')
      .selectAll()
      .where('orgId', '=', w.orgId)
      .orderBy('scope')
      .execute();

  beforeAll(async () => {
    api = await createTestApi(database);
    w = await createWorld(api);
    const enrolling = await post('/v1/programs', w.tokens.admin, {
      name: 'Autumn cohort',
      startsOn: '2027-01-04',
      endsOn: '2027-06-30',
      status: 'enrolling',
    });
    ids.enrollment = await post(`/v1/programs/${enrolling}/enrollments`, w.tokens.mentee, {
      personId: w.people.mentee,
      role: 'mentee',
      topics: ['ai-tools'],
      motivation: 'I want to understand what my daughter does on TikTok',
    });
    ids.first = await post(`/v1/pairs/${w.pairId}/sessions`, w.tokens.mentor, {
      status: 'held',
      occurredAt: '2026-02-02T10:00:00Z',
      summary: 'LinkedIn profile, first pass',
    });
    ids.second = await post(`/v1/pairs/${w.pairId}/sessions`, w.tokens.mentor, {
      status: 'held',
      occurredAt: '2026-02-16T10:00:00Z',
    });
    ids.goal = await post(`/v1/pairs/${w.pairId}/goals`, w.tokens.mentee, {
      title: 'Post weekly on LinkedIn',
    });
    ids.menteeNote = await post(`/v1/sessions/${ids.first}/notes`, w.tokens.mentee, {
      text: 'Roberto: ask about the board pack',
    });
    ids.mentorNote = await post(`/v1/sessions/${ids.first}/notes`, w.tokens.mentor, {
      text: 'Giulia: he seemed tired',
    });
    ids.menteeAnswer = await post(
      `/v1/pairs/${w.pairId}/feedback`,
      w.tokens.mentee,
      answer(ids.first, 'Roberto learned hashtags', true),
    );
    ids.mentorShared = await post(
      `/v1/pairs/${w.pairId}/feedback`,
      w.tokens.mentor,
      answer(ids.first, 'Giulia shared this', true),
    );
    ids.mentorUnshared = await post(
      `/v1/pairs/${w.pairId}/feedback`,
      w.tokens.mentor,
      answer(ids.second, 'Giulia kept this to herself', false),
    );
    const story = await api.call('POST', `/v1/pairs/${w.pairId}/stories`, {
      token: w.tokens.mentor,
      body: { title: 'Roberto posts weekly', text: 'What changed for both of us.', language: 'en' },
    });
    ids.story = story.body.id;
    const feed = await api.call('POST', `/v1/pairs/${w.pairId}/calendar-feed`, { token: w.tokens.mentee });
    ids.feedPath = feed.body.path;
    // Two more answers in the program, so its report releases figures over five.
    const other = await post(`/v1/pairs/${w.otherPairId}/sessions`, w.tokens.otherMentor, {
      status: 'held',
      occurredAt: '2026-02-03T10:00:00Z',
    });
    await post(`/v1/pairs/${w.otherPairId}/feedback`, w.tokens.otherMentor, answer(other, '', false));
    await post(`/v1/pairs/${w.otherPairId}/feedback`, w.tokens.otherMentee, answer(other, '', false));
  });
  afterAll(() => api.close());

  it("exports everything kept about the caller as a file, and nothing private of the other person's", async () => {
    const res = await api.call('GET', '/v1/me/export', { token: w.tokens.mentee });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="rm-kit-my-data-\d{4}-\d\d-\d\d\.json"$/,
    );
    const data = res.body;
    expect(data).toMatchObject({
      format: 'rm-kit.person-data/1',
      scope: 'self',
      person: { id: w.people.mentee, displayName: 'Roberto Bianchi' },
      organization: { id: w.orgId, name: 'Contoso' },
    });
    const { sections } = data;
    const idsIn = (list: { id: string }[]) => list.map((item) => item.id).sort();
    expect(sections.enrollments).toMatchObject([
      { id: ids.enrollment, motivation: 'I want to understand what my daughter does on TikTok' },
    ]);
    expect(idsIn(sections.pairs)).toEqual([w.pairId]);
    expect(idsIn(sections.sessions)).toEqual([ids.first, ids.second].sort());
    expect(idsIn(sections.goals)).toEqual([ids.goal]);
    expect(sections.privateNotes).toMatchObject([
      { id: ids.menteeNote, text: 'Roberto: ask about the board pack' },
    ]);
    expect(idsIn(sections.feedback)).toEqual([ids.menteeAnswer]);
    expect(idsIn(sections.stories)).toEqual([ids.story]);
    expect(sections.calendarFeeds).toMatchObject([{ scope: 'pair', pairId: w.pairId, active: true }]);
    const text = JSON.stringify(data);
    const feedSecret = String(ids.feedPath).replace(/^.*\//, '').replace('.ics', '');
    for (const hidden of [ids.mentorNote, ids.mentorShared, ids.mentorUnshared, w.otherPairId, feedSecret]) {
      expect(text).not.toContain(hidden);
    }
    // Her name is there (the pair's story shows both), but nothing she wrote for herself.
    for (const hers of ['he seemed tired', 'Giulia shared this', 'Giulia kept this to herself']) {
      expect(text).not.toContain(hers);
    }
  });

  it("gives an admin what admins may read about someone, and another organisation's admin a 404", async () => {
    const res = await api.call('GET', `/v1/people/${w.people.mentee}/export`, { token: w.tokens.admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="rm-kit-person-per_/);
    expect(res.body.scope).toBe('admin');
    expect(Object.keys(res.body.sections).sort()).toEqual(['enrollments', 'pairs']);
    const text = JSON.stringify(res.body);
    for (const hidden of [ids.menteeNote, ids.menteeAnswer, ids.first, ids.goal, 'board pack', 'hashtags']) {
      expect(text).not.toContain(hidden);
    }
    const otherExport = await api.call('GET', `/v1/people/${w.people.mentee}/export`, {
      token: w.tokens.otherOrgAdmin,
    });
    const otherErasure = await api.call('POST', `/v1/people/${w.people.mentee}/erasure`, {
      token: w.tokens.otherOrgAdmin,
      body: { confirm: 'erase' },
    });
    expect([otherExport.status, otherErasure.status]).toEqual([404, 404]);
    const mentor = await api.call('GET', `/v1/people/${w.people.mentee}/export`, { token: w.tokens.mentor });
    expect(mentor.status).toBe(403);
    const service = await createServiceToken(api.storage.db, w.orgId, 'HR');
    const asService = await api.call('GET', '/v1/me/export', { token: service.token });
    expect(asService.status).toBe(403);
  });

  it('erases a person: identity and private text go, the pair and every released figure stay', async () => {
    const reportBefore = await api.call('GET', `/v1/programs/${w.programId}/report`, {
      token: w.tokens.admin,
    });
    expect(reportBefore.body.feedback.answers).toBe(5);
    const releasesBefore = await releases();

    const unconfirmed = await api.call('POST', `/v1/people/${w.people.mentee}/erasure`, {
      token: w.tokens.admin,
      body: { confirm: 'yes' },
    });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.issues[0].path).toEqual(['confirm']);
    expect((await api.call('GET', '/v1/me', { token: w.tokens.mentee })).status).toBe(200);
    const self = await api.call('POST', `/v1/people/${w.people.admin}/erasure`, {
      token: w.tokens.admin,
      body: { confirm: 'erase' },
    });
    expect(self.status).toBe(422);

    const erased = await api.call('POST', `/v1/people/${w.people.mentee}/erasure`, {
      token: w.tokens.admin,
      body: { confirm: 'erase' },
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({
      personId: w.people.mentee,
      erasedAt: expect.any(String),
      erasedBy: w.people.admin,
      removed: { privateNotes: 1, feedbackTexts: 1, enrollmentMotivations: 1 },
    });

    // He can no longer sign in, nobody finds him by name or email, and his calendar link opens nothing.
    expect((await api.call('GET', '/v1/me', { token: w.tokens.mentee })).status).toBe(401);
    expect((await api.call('GET', String(ids.feedPath))).status).toBe(404);
    expect(await api.storage.db.selectFrom('calendarFeeds').selectAll().execute()).toEqual([]);
    for (const q of ['Roberto', 'roberto.', 'Bianchi']) {
      const found = await api.call('GET', `/v1/people?q=${q}`, { token: w.tokens.admin });
      expect([q, found.body.items]).toEqual([q, []]);
    }
    const row = await api.storage.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', w.people.mentee)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      externalId: null,
      displayName: 'Former participant',
      title: null,
      photoUrl: null,
      managerId: null,
      erasedBy: w.people.admin,
    });
    expect(JSON.stringify(row)).not.toMatch(/roberto|bianchi/i);

    // Giulia keeps their pair, its sessions and her own notes and answers, under the placeholder.
    const pair = await api.call('GET', `/v1/pairs/${w.pairId}`, { token: w.tokens.mentor });
    expect(pair.body).toMatchObject({ menteeId: w.people.mentee, status: 'active' });
    const sessions = await api.call('GET', `/v1/pairs/${w.pairId}/sessions`, { token: w.tokens.mentor });
    expect(sessions.body.items.map((s: { id: string }) => s.id).sort()).toEqual(
      [ids.first, ids.second].sort(),
    );
    const partner = await api.call('GET', `/v1/people/${w.people.mentee}`, { token: w.tokens.mentor });
    expect(partner.body).toMatchObject({ displayName: 'Former participant', title: null });
    await api.call('PATCH', `/v1/people/${w.people.mentor}`, {
      token: w.tokens.mentor,
      body: { locale: 'it' },
    });
    const inItalian = await api.call('GET', `/v1/people/${w.people.mentee}`, { token: w.tokens.mentor });
    expect(inItalian.body.displayName).toBe('Ex partecipante');
    const herNotes = await api.call('GET', `/v1/sessions/${ids.first}/notes`, { token: w.tokens.mentor });
    expect(herNotes.body.items.map((n: { id: string }) => n.id)).toEqual([ids.mentorNote]);
    // His answer is no longer shared with her: its ratings live on in the aggregates only.
    const answers = await api.call('GET', `/v1/pairs/${w.pairId}/feedback`, { token: w.tokens.mentor });
    expect(answers.body.items.map((a: { id: string }) => a.id).sort()).toEqual(
      [ids.mentorShared, ids.mentorUnshared].sort(),
    );

    // His notes and free text are gone from the database; his ratings are not.
    const notes = await api.storage.db
      .selectFrom('privateNotes')
      .select('id')
      .where('authorId', '=', w.people.mentee)
      .execute();
    expect(notes).toEqual([]);
    const his = await api.storage.db
      .selectFrom('feedback')
      .selectAll()
      .where('authorId', '=', w.people.mentee)
      .executeTakeFirstOrThrow();
    expect(his).toMatchObject({ learned: '', improve: '', shareWithPartner: 0, usefulness: 4, trust: 2 });
    const enrollment = await api.storage.db
      .selectFrom('enrollments')
      .select('motivation')
      .where('id', '=', ids.enrollment ?? '')
      .executeTakeFirstOrThrow();
    expect(enrollment.motivation).toBe('');

    // The report and every stored release are what they were.
    const reportAfter = await api.call('GET', `/v1/programs/${w.programId}/report`, {
      token: w.tokens.admin,
    });
    expect(reportAfter.body).toEqual(reportBefore.body);
    expect(await releases()).toEqual(releasesBefore);

    // Erasing again, even by a service token, changes nothing and answers the first record.
    const service = await createServiceToken(api.storage.db, w.orgId, 'HR');
    const again = await api.call('POST', `/v1/people/${w.people.mentee}/erasure`, {
      token: service.token,
      body: { confirm: 'erase' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      ...erased.body,
      removed: { privateNotes: 0, feedbackTexts: 0, enrollmentMotivations: 0 },
    });
    const reportAgain = await api.call('GET', `/v1/programs/${w.programId}/report`, {
      token: w.tokens.admin,
    });
    expect(reportAgain.body).toEqual(reportBefore.body);
    expect(await releases()).toEqual(releasesBefore);

    // What is left of him is still his to ask for through an admin, and holds no identity.
    const left = await api.call('GET', `/v1/people/${w.people.mentee}/export`, { token: w.tokens.admin });
    expect(left.status).toBe(200);
    expect(JSON.stringify(left.body)).not.toMatch(/roberto|bianchi|TikTok/i);
  });
});
