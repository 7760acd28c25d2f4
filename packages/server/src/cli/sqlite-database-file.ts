import { resolve } from 'node:path';
import { configSchema } from '../config.js';

/**
 * The SQLite file the server would open: DATABASE_URL read with the server's own schema
 * and default, but without the server's other settings, which a backup job has no use for.
 */
export function sqliteDatabaseFile(env: Record<string, string | undefined>, command: string): string {
  const url = configSchema.shape.DATABASE_URL.parse(env.DATABASE_URL);
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    throw new Error(
      `rm-kit-server ${command} works on SQLite only; on PostgreSQL back up with pg_dump --format=custom and restore with pg_restore.`,
    );
  }
  if (!url.startsWith('sqlite:')) throw new Error('DATABASE_URL must start with sqlite: or postgres://');
  const file = url.slice('sqlite:'.length);
  if (file === ':memory:') throw new Error('DATABASE_URL is sqlite::memory:, which keeps nothing on disk.');
  return resolve(file);
}
