import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RmClient } from './client.js';
import { RmForbiddenError, RmNotFoundError } from './errors.js';
import { memoryStore } from './store.js';
import { demoServer, demoToken, type RmServerProcess } from './test-support/server.js';

const ADMIN = 'chiara.ferri@contoso.example';
/** The demo's healthy pair in Digital Bridge: Giulia Rossi (mentor) and Marco Rinaldi (mentee). */
const GIULIA = 'giulia.rossi@contoso.example';
const MARCO = 'marco.rinaldi@contoso.example';

describe('goals and suggested goals through the SDK, against the reference server', () => {
  let server: RmServerProcess;
  const clients: RmClient[] = [];
  const as = async (email: string) => {
    const client = createClient({
      baseUrl: server.url,
      token: await demoToken(server.url, email),
      store: memoryStore(),
      syncIntervalMs: 0,
    });
    clients.push(client);
    return client;
  };
  let pairId: string;
  let programId: string;

  beforeAll(async () => {
    server = await demoServer();
    const me = await (await as(MARCO)).me.get();
    const pair = me.pairs.find((p) => p.status === 'active');
    pairId = pair?.id ?? '';
    programId = pair?.programId ?? '';
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.stop();
  });

  it("lets the admin suggest a goal that the pair reads and starts from, but not the pair's goals", async () => {
    const admin = await as(ADMIN);
    const suggested = await admin.goalTemplates.create(programId, {
      title: { en: 'Record a short video', it: 'Registrare un breve video' },
      topic: 'social-media',
    });
    if (suggested.pending) throw new Error('queued, not sent');
    const marco = await as(MARCO);
    const seen = await marco.goalTemplates.page(programId, { topic: 'social-media' });
    expect(seen.items.map((t) => t.title.it)).toContain('Registrare un breve video');

    const goal = await marco.goals.create(pairId, {
      title: suggested.title.it,
      topic: suggested.topic,
      assessmentBefore: 1,
      commitments: [{ text: 'Girare il video con il telefono, senza agenzia' }],
    });
    if (goal.pending) throw new Error('queued, not sent');
    await expect(admin.goals.get(goal.id)).rejects.toBeInstanceOf(RmNotFoundError);
    await expect(
      marco.goalTemplates.create(programId, { title: { en: 'Mine', it: '' } }),
    ).rejects.toBeInstanceOf(RmForbiddenError);

    // The junior reads the senior's commitment; the senior ticks it off with the version read.
    const giulia = await as(GIULIA);
    const read = await giulia.goals.get(goal.id);
    expect(read.commitments).toEqual([
      {
        id: expect.stringMatching(/^cm_/),
        text: 'Girare il video con il telefono, senza agenzia',
        done: false,
      },
    ]);
    const ticked = await marco.goals.update(read, {
      assessmentAfter: 3,
      commitments: read.commitments.map((c) => ({ ...c, done: true })),
    });
    if (ticked.pending) throw new Error('queued, not sent');
    expect(ticked).toMatchObject({ assessmentBefore: 1, assessmentAfter: 3, version: 2 });
    expect(ticked.commitments[0]?.done).toBe(true);

    const withdrawn = await admin.goalTemplates.remove(suggested);
    expect(withdrawn).toBeUndefined();
    expect((await marco.goals.get(goal.id)).title).toBe('Registrare un breve video');
  });
});
