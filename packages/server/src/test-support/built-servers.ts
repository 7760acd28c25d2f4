import { afterAll, beforeAll } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';
import { createProcessWorld, type ProcessWorld } from './process-world.js';

/**
 * For a describe block that kills server processes and starts them again on one database:
 * the database with a world in it before the tests, and after them every process started
 * killed and the database gone. The processes are built, as an operator runs them, and quick
 * to start again (`pnpm exec tsc -b` first); their rate limit is one no test reaches.
 */
export function builtServersOn(dialect: 'sqlite' | 'postgres') {
  let setup: ProcessWorld;
  const processes: RmServerProcess[] = [];

  beforeAll(async () => {
    setup = await createProcessWorld(dialect);
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    await setup?.close();
  });

  return {
    get world() {
      return setup.world;
    },
    /** The test's own connection to the database, to look at what the processes wrote. */
    get storage() {
      return setup.storage;
    },
    start: async () => {
      const server = await startRmServer({ ...setup.env, RMKIT_RATE_LIMIT: '1000000' }, { built: true });
      processes.push(server);
      return server;
    },
  };
}
