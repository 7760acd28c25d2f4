import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RmClient, type Written } from './client.js';
import { RmForbiddenError, RmPreconditionError } from './errors.js';
import { memoryStore } from './store.js';
import { demoServer, demoToken, MENTEE, MENTOR, type RmServerProcess } from './test-support/server.js';

const ADMIN = 'chiara.ferri@contoso.example';

describe('success stories through the SDK', () => {
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
  const sent = <T>(written: Written<T, unknown>): T => {
    if (written.pending) throw new Error('queued, not sent');
    return written;
  };

  beforeAll(async () => {
    server = await demoServer();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.stop();
  });

  it('takes a story from a draft to the organisation’s page: both agree, the admin approves', async () => {
    const [giulia, marco, chiara] = [await as(MENTOR), await as(MENTEE), await as(ADMIN)];
    const pairId = (await giulia.me.get()).pairs.find((pair) => pair.status === 'active')?.id ?? '';
    const draft = sent(
      await giulia.stories.create(pairId, {
        title: 'Una dashboard al mese',
        text: 'Marco ora prepara da solo i grafici per il consiglio.',
        language: 'it',
      }),
    );
    expect(draft.status).toBe('draft');
    const mine = sent(await giulia.stories.agree(draft));
    // Marco read the draft before Giulia agreed: his agreement names an older version.
    await expect(marco.stories.agree(draft)).rejects.toBeInstanceOf(RmPreconditionError);
    const both = sent(await marco.stories.agree(mine));
    expect(both.status).toBe('awaiting-approval');
    await expect(giulia.stories.page({ status: 'awaiting-approval' })).rejects.toBeInstanceOf(
      RmForbiddenError,
    );

    const queue = await chiara.stories.page({ status: 'awaiting-approval' });
    const waiting = queue.items.find((item) => item.id === draft.id);
    expect(waiting?.mentee.displayName).toBe('Marco Rinaldi');
    sent(await chiara.stories.approve(waiting ?? draft.id));

    const titles: string[] = [];
    for await (const story of marco.stories.list()) titles.push(story.title);
    expect(titles).toContain('Una dashboard al mese');
    const own = await marco.stories.ofPair.page(pairId);
    expect(own.items.find((item) => item.id === draft.id)?.status).toBe('published');
  });
});
