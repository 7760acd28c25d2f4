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

/**
 * A database of the test's own that server processes can share (a SQLite file, or a new
 * database on the tests' PostgreSQL), with a world in it and an identity provider its
 * tokens come from.
 */
export async function createProcessWorld(dialect: 'sqlite' | 'postgres'): Promise<ProcessWorld> {
  let url: string;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rm-kit-'));
    url = `sqlite:${join(dir, 'rm-kit.sqlite')}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const server = process.env.TEST_DATABASE_URL ?? '';
    const name = `rmkit_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const database = new URL(server);
    database.pathname = `/${name}`;
    url = database.toString();
    drop = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
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
