import { randomBytes } from 'node:crypto';
import { migrate, openStorage, type Storage } from '../db/database.js';

/**
 * Storage in a migrated schema of its own, in the tests' shared PostgreSQL database, so
 * test files running at once never meet. Its `close` drops the schema too.
 */
export async function openOwnSchema(url: string): Promise<Storage> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const storage = await openStorage(url, { schema });
  await migrate(storage.db);
  return {
    ...storage,
    close: async () => {
      await storage.pool?.query(`drop schema "${schema}" cascade`);
      await storage.close();
    },
  };
}
