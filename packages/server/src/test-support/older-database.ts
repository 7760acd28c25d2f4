import { randomBytes } from 'node:crypto';
import { migrate, openStorage, type Storage } from '../db/database.js';
import type { TestDatabase } from './harness.js';

/**
 * Databases as an older release left them, for migration tests: each of its own (a new
 * schema on PostgreSQL), migrated up to a given migration; `close()` removes them all.
 */
export function olderDatabases(database: TestDatabase) {
  const opened: { storage: Storage; schema: string }[] = [];
  return {
    async at(upTo: string): Promise<Storage> {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      const storage = await openStorage(database.url, database.dialect === 'postgres' ? { schema } : {});
      opened.push({ storage, schema });
      await migrate(storage.db, upTo);
      return storage;
    },
    async close(): Promise<void> {
      for (const { storage, schema } of opened.splice(0)) {
        if (storage.pool) await storage.pool.query(`drop schema "${schema}" cascade`);
        await storage.close();
      }
    },
  };
}
