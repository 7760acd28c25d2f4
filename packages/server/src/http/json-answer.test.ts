import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../test-support/harness.js';
import { createWorld, type World } from '../test-support/world.js';

const ITALIAN = 'L’assistente è un lettore junior veloce, non un avvocato: perché no? 👍';
const isAscii = (text: string) => [...text].every((character) => character.charCodeAt(0) < 0x80);

describe.each(testDatabases())('JSON answers are ASCII, on $dialect', (database) => {
  let api: TestApi;
  let world: World;
  beforeAll(async () => {
    api = await createTestApi(database, {}, { overHttp: true });
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  it('sends Italian text and emoji as escapes, read back exactly as written', async () => {
    const created = await api.call('POST', `/v1/pairs/${world.pairId}/sessions`, {
      token: world.tokens.mentor,
      body: { status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary: ITALIAN },
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    const answers = [
      created,
      await api.call('GET', `/v1/sessions/${created.body.id}`, { token: world.tokens.mentee }),
      // The first page is made once and kept on SQLite: read twice, the second from what was kept.
      await api.call('GET', `/v1/pairs/${world.pairId}/sessions`, { token: world.tokens.mentor }),
      await api.call('GET', `/v1/pairs/${world.pairId}/sessions`, { token: world.tokens.mentor }),
      await api.call('GET', `/v1/pairs/${world.pairId}/sessions?status=held`, { token: world.tokens.mentor }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([201, 200, 200, 200, 200]);
    expect(created.text).toContain('L\\u2019assistente \\u00e8');
    expect(created.text).toContain('\\ud83d\\udc4d');
    for (const answer of answers) expect(isAscii(answer.text)).toBe(true);
    expect(answers[1]?.body.summary).toBe(ITALIAN);
    for (const page of answers.slice(2)) expect(page.body.items[0].summary).toBe(ITALIAN);
  });

  it('answers the signed-in person, their pair and a refusal naming what was sent in ASCII too', async () => {
    const renamed = await api.call('PATCH', `/v1/people/${world.people.mentor}`, {
      token: world.tokens.admin,
      body: { displayName: 'Niccolò Bellè' },
    });
    const refused = await api.call('POST', `/v1/pairs/${world.pairId}/sessions`, {
      token: world.tokens.mentor,
      body: { status: 'held', occurredAt: '2026-02-02T10:00:00Z', perché: 'sì' },
    });
    const me = await api.call('GET', '/v1/me', { token: world.tokens.mentor });
    const pair = await api.call('GET', `/v1/pairs/${world.pairId}`, { token: world.tokens.mentee });
    expect([renamed.status, refused.status, me.status, pair.status]).toEqual([200, 400, 200, 200]);
    for (const answer of [renamed, refused, me, pair]) expect(isAscii(answer.text)).toBe(true);
    expect(me.body.person.displayName).toBe('Niccolò Bellè');
    expect(JSON.stringify(refused.body.error)).toContain('perché');
  });
});
