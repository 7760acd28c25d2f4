import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RmClient } from './client.js';
import { RmNotFoundError } from './errors.js';
import { personDataFile } from './person-data-file.js';
import { type KeyValueStore, memoryStore } from './store.js';
import { demoServer, demoToken, MENTEE, type RmServerProcess } from './test-support/server.js';

const ADMIN = 'chiara.ferri@contoso.example';

describe("a person's own data through the SDK", () => {
  let server: RmServerProcess;
  const clients: RmClient[] = [];
  const client = async (email: string, store: KeyValueStore = memoryStore()) => {
    const c = createClient({
      baseUrl: server.url,
      token: await demoToken(server.url, email),
      store,
      syncIntervalMs: 0,
    });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await demoServer();
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server.stop();
  });

  it('saves your own data as a JSON file, and keeps none of it in the offline cache', async () => {
    const store = memoryStore();
    const mentee = await client(MENTEE, store);
    const data = await mentee.me.export();
    expect(data).toMatchObject({ format: 'rm-kit.person-data/1', scope: 'self', person: { email: MENTEE } });
    expect(data.sections.sessions?.length).toBeGreaterThan(0);
    const { blob, fileName } = personDataFile(data, new Date('2026-05-04T10:00:00Z'));
    expect(fileName).toBe('rm-kit-my-data-2026-05-04.json');
    expect(blob.type).toBe('application/json');
    expect(JSON.parse(await blob.text())).toEqual(data);
    expect(await store.entries('')).toEqual([]);
  });

  it('lets an admin export and erase someone, who then reads as a former participant', async () => {
    const admin = await client(ADMIN);
    const [marco] = (await admin.people.page({ q: 'Marco Rinaldi' })).items;
    if (!marco) throw new Error('the demo has Marco Rinaldi');
    const exported = await admin.people.export(marco.id);
    expect(exported.scope).toBe('admin');
    expect(Object.keys(exported.sections).sort()).toEqual(['enrollments', 'pairs']);
    expect(personDataFile(exported, new Date('2026-05-04T10:00:00Z')).fileName).toBe(
      `rm-kit-person-${marco.id}-2026-05-04.json`,
    );
    const erased = await admin.people.erase(marco.id);
    expect(erased).toMatchObject({ personId: marco.id, removed: { privateNotes: expect.any(Number) } });
    expect(await admin.people.erase(marco.id)).toEqual({
      ...erased,
      removed: { privateNotes: 0, feedbackTexts: 0, enrollmentMotivations: 0 },
    });
    expect((await admin.people.page({ q: 'Marco Rinaldi' })).items).toEqual([]);
    expect((await admin.people.get(marco.id)).displayName).toBe('Ex partecipante');
    await expect(admin.people.erase('per_0000000000000000000000000X')).rejects.toBeInstanceOf(
      RmNotFoundError,
    );
  });
});
