import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openStorage, type Storage } from '../db/database.js';
import {
  startTestIdentityProvider,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestIdentityProvider,
} from './harness.js';
import { createWorld, type World } from './world.js';

export interface ProcessWorld {
  /** What server processes need to run in production mode on this database. */
  env: Record<string, string>;
  /** The test's own connection to the same database, to look at what the processes wrote. */
  storage: Storage;
  idp: TestIdentityProvider;
  world: World;
  close(): Promise<void>;
}

export interface OwnDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database of the test's own that server processes can share: a SQLite file, or a
 * new database on the tests' PostgreSQL.
 */
export async function createOwnDatabase(dialect: 'sqlite' | 'postgres'): Promise<OwnDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rm-kit-'));
    return {
      url: `sqlite:${join(dir, 'rm-kit.sqlite')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const server = process.env.TEST_DATABASE_URL ?? '';
  const name = `rmkit_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const database = new URL(server);
  database.pathname = `/${name}`;
  return {
    url: database.toString(),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * A database at `url`, migrated, with a world in it and an identity provider its tokens
 * come from: what server processes in production mode need to run against it.
 */
export async function createProcessWorldAt(url: string, drop = async () => {}): Promise<ProcessWorld> {
  const storage = await openStorage(url);
  await migrate(storage.db);
  const idp = await startTestIdentityProvider();
  const world = await createWorld({ storage, idp });
  return {
    env: {
      DATABASE_URL: url,
      RMKIT_DEMO: '0',
      RMKIT_JWKS_URL: idp.jwksUrl,
      RMKIT_ISSUER: TEST_ISSUER,
      RMKIT_AUDIENCE: TEST_AUDIENCE,
    },
    storage,
    idp,
    world,
    close: async () => {
      await storage.close();
      await idp.close();
      await drop();
    },
  };
}

/** A database of the test's own (see createOwnDatabase), with a world in it. */
export async function createProcessWorld(dialect: 'sqlite' | 'postgres'): Promise<ProcessWorld> {
  const database = await createOwnDatabase(dialect);
  return createProcessWorldAt(database.url, database.drop);
}
