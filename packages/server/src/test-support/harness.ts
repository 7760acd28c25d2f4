import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import pino, { type Logger } from 'pino';
import { createApp } from '../app.js';
import { remoteIssuer } from '../auth/tokens.js';
import { type Config, readConfig } from '../config.js';
import { migrate, openStorage, type Storage } from '../db/database.js';
import { type EventBus, inProcessEventBus } from '../events/event-bus.js';
import { postgresEventBus } from '../events/postgres-event-bus.js';

export interface TestDatabase {
  dialect: 'sqlite' | 'postgres';
  url: string;
}

/**
 * SQLite always; PostgreSQL too when one is running for the tests (always in CI). createTestApi
 * opens SQLite's `sqlite::memory:` as a fresh file (see there).
 */
export function testDatabases(): TestDatabase[] {
  const databases: TestDatabase[] = [{ dialect: 'sqlite', url: 'sqlite::memory:' }];
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) databases.push({ dialect: 'postgres', url: pgUrl });
  else if (process.env.CI) throw new Error('TEST_DATABASE_URL is not set: CI must test on PostgreSQL');
  return databases;
}

export const TEST_ISSUER = 'https://login.example.test/tenant/v2.0';
export const TEST_AUDIENCE = 'api://rm-kit';

/**
 * An identity provider for tests: a real key pair whose public half is served as a
 * JWKS over HTTP, so tokens are checked exactly as in production.
 */
export async function startTestIdentityProvider() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const jwksUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/jwks.json`;

  type Claims = {
    sub: string;
    email?: string;
    aud?: string;
    iss?: string;
    expiresIn?: string | number;
    /** Any other claims, e.g. `email_verified` or `preferred_username`. */
    extra?: Record<string, unknown>;
  };
  return {
    jwksUrl,
    sign: ({ sub, email, aud = TEST_AUDIENCE, iss = TEST_ISSUER, expiresIn = '1h', extra = {} }: Claims) =>
      new SignJWT({ ...extra, ...(email ? { email } : {}) })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setSubject(sub)
        .setIssuer(iss)
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestIdentityProvider = Awaited<ReturnType<typeof startTestIdentityProvider>>;

export interface TestApi {
  app: ReturnType<typeof createApp>;
  storage: Storage;
  bus: EventBus;
  idp: TestIdentityProvider;
  config: Config;
  /** A request as a client sends it: JSON in and out, with a bearer token if given. */
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
    // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON a route answered, error or entity
  ): Promise<{ status: number; body: any; headers: Headers; text: string }>;
  close(): Promise<void>;
}

/**
 * The app over a fresh database (a new schema on PostgreSQL), as the tests of every route use it.
 * A fresh SQLite database is a file in a directory of its own, removed at close: as the server
 * runs, with WAL, its read connection (reads kept until the next commit) and commits grouped
 * behind an fsync, none of which an in-memory database has.
 * `shared`: over the database as it is instead (a process world's), left in place at close, so
 * two apps on one database stand for two server processes, or one before and after a restart.
 */
export async function createTestApi(
  database: TestDatabase,
  env: Record<string, string> = {},
  options: { logger?: Logger; shared?: boolean; overHttp?: boolean } = {},
): Promise<TestApi> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const ownSchema = database.dialect === 'postgres' && !options.shared;
  const ownFile =
    database.url === 'sqlite::memory:' && !options.shared
      ? mkdtempSync(join(tmpdir(), 'rm-kit-test-'))
      : undefined;
  const url = ownFile ? `sqlite:${join(ownFile, 'rm-kit.sqlite')}` : database.url;
  const storage = await openStorage(url, ownSchema ? { schema } : {});
  await migrate(storage.db);
  const idp = await startTestIdentityProvider();
  const config = readConfig({
    RMKIT_JWKS_URL: idp.jwksUrl,
    RMKIT_ISSUER: TEST_ISSUER,
    RMKIT_AUDIENCE: TEST_AUDIENCE,
    RMKIT_RATE_LIMIT: '10000',
    ...env,
  });
  const bus = storage.pool
    ? await postgresEventBus(storage.pool, storage.db, {
        lost: () => {},
        restored: () => {},
        failed: () => {},
      })
    : await inProcessEventBus(storage.db);
  const app = createApp({
    config,
    storage,
    bus,
    issuers: [remoteIssuer(idp.jwksUrl, TEST_ISSUER, TEST_AUDIENCE)],
    logger: options.logger ?? pino({ level: 'silent' }),
  });

  const served = options.overHttp ? await serveOnFreePort(app) : undefined;
  const send = served
    ? (path: string, init: RequestInit) => fetch(`${served.url}${path}`, init)
    : (path: string, init: RequestInit) => app.request(path, init);

  return {
    app,
    storage,
    bus,
    idp,
    config,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.Authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        headers['Content-Type'] ??= 'application/json';
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      }
      const response = await send(path, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed, headers: response.headers, text };
    },
    async close() {
      await served?.close();
      await bus.close();
      if (storage.pool && ownSchema) await storage.pool.query(`drop schema "${schema}" cascade`);
      await storage.close();
      if (ownFile) rmSync(ownFile, { recursive: true, force: true });
      await idp.close();
    },
  };
}

/** The app behind a real Node server, as it answers in production (see setForEveryAnswer). */
async function serveOnFreePort(app: ReturnType<typeof createApp>) {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
