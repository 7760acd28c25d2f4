import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { type RunningServer, startServer } from '../server.js';
import { testDatabases } from '../test-support/harness.js';
import { createProcessWorld, type ProcessWorld } from '../test-support/process-world.js';
import { DEMO_AUDIENCE, DEMO_ISSUER } from './demo-authority.js';

describe.each(testDatabases())('demo mode’s signing key on $dialect', ({ dialect }) => {
  let database: ProcessWorld;
  const running: RunningServer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
    await database.close();
  });

  const start = async () => {
    const server = await startServer(
      readConfig({ PORT: '0', RMKIT_DEMO: '1', DATABASE_URL: database.env.DATABASE_URL }),
      pino({ level: 'silent' }),
    );
    running.push(server);
    return server;
  };
  const me = async (server: RunningServer, token: string) =>
    (await fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } })).status;
  const demoToken = async (server: RunningServer) => {
    const people = (await (await fetch(`${server.url}/demo/people`)).json()) as {
      items: { email: string }[];
    };
    const email = people.items[0]?.email;
    const response = await fetch(`${server.url}/demo/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    return ((await response.json()) as { token: string }).token;
  };

  it('keeps its demo tokens valid across a restart of the server', async () => {
    database = await createProcessWorld(dialect);
    const first = await start();
    const token = await demoToken(first);
    expect(await me(first, token)).toBe(200);
    await running.splice(0)[0]?.close();

    const restarted = await start();
    expect(await me(restarted, token)).toBe(200);
  });

  it.runIf(dialect === 'sqlite')(
    'takes over the key file an older version kept beside the database',
    async () => {
      database = await createProcessWorld(dialect);
      const databaseFile = (database.env.DATABASE_URL ?? '').slice('sqlite:'.length);
      const keyFile = join(dirname(databaseFile), 'demo-signing-key.json');
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      writeFileSync(keyFile, JSON.stringify(await exportJWK(privateKey)), { mode: 0o600 });
      const handedOut = await new SignJWT({ email: 'someone@example.com' })
        .setProtectedHeader({ alg: 'ES256', kid: 'rm-kit-demo-key' })
        .setSubject(`sub-${database.world.people.mentor}`)
        .setIssuer(DEMO_ISSUER)
        .setAudience(DEMO_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);

      expect(await me(await start(), handedOut)).toBe(200);
      expect(existsSync(keyFile)).toBe(false);
      await running.splice(0)[0]?.close();
      expect(await me(await start(), handedOut)).toBe(200);
    },
  );
});
