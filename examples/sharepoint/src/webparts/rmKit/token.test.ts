import type { AadTokenProvider } from '@microsoft/sp-http';
import { createClient, memoryStore } from '@rm-kit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../../../../scripts/rm-server-process.mjs';
import { entraTokenCallback } from './token.js';

/**
 * SharePoint's token provider factory as the web part gets it, giving the demo server's
 * tokens (a real tenant is not reachable here), recording what it is asked.
 */
function tokenProviders(serverUrl: string, email: string, options: { failFirst?: boolean } = {}) {
  const asked = { providers: 0, resources: [] as string[] };
  let fail = options.failFirst ?? false;
  const provider = {
    getToken: async (resource: string) => {
      asked.resources.push(resource);
      const answer = await fetch(`${serverUrl}/demo/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      return ((await answer.json()) as { token: string }).token;
    },
  } as unknown as AadTokenProvider;
  const factory = {
    getTokenProvider: async () => {
      asked.providers++;
      if (fail) {
        fail = false;
        throw new Error('AADSTS65001: The user or administrator has not consented');
      }
      return provider;
    },
  };
  return { factory, asked };
}

describe("the web part's token callback, as <rm-provider>'s getToken", () => {
  let server: RmServerProcess;

  beforeAll(async () => {
    server = await startRmServer({ DATABASE_URL: 'sqlite::memory:' });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("signs in the person SharePoint's token provider names, asking it for the rm-kit API's token each request", async () => {
    const { factory, asked } = tokenProviders(server.url, 'giulia.rossi@contoso.example');
    const client = createClient({
      baseUrl: server.url,
      getToken: entraTokenCallback(factory, 'api://rm-kit'),
      store: memoryStore(),
      syncIntervalMs: 0,
    });
    const me = await client.me.get();
    expect(me.person?.displayName).toBe('Giulia Rossi');
    await client.me.get();
    expect(asked.providers).toBe(1);
    expect(asked.resources.length).toBeGreaterThanOrEqual(2);
    expect(new Set(asked.resources)).toEqual(new Set(['api://rm-kit']));
    client.close();
  }, 30_000);

  it('asks SharePoint again after a failed sign-in, instead of keeping the failure', async () => {
    const { factory, asked } = tokenProviders(server.url, 'luca.esposito@contoso.example', {
      failFirst: true,
    });
    const getToken = entraTokenCallback(factory, 'api://rm-kit');
    await expect(getToken()).rejects.toThrow(/AADSTS65001/);
    const client = createClient({ baseUrl: server.url, getToken, store: memoryStore(), syncIntervalMs: 0 });
    expect((await client.me.get()).person?.displayName).toBe('Luca Esposito');
    expect(asked.providers).toBe(2);
    client.close();
  }, 30_000);
});
