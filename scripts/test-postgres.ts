import { findPostgresBinaries, startPostgresCluster } from './postgres-cluster.mjs';

/**
 * Vitest global setup: gives the Node tests a real, throwaway PostgreSQL when none is
 * named in TEST_DATABASE_URL, from the machine's own PostgreSQL binaries. Without them
 * the API tests run on SQLite alone, except in CI, where that is an error.
 */
export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  const bin = findPostgresBinaries();
  if (!bin) {
    if (process.env.CI)
      throw new Error('CI runs the API tests on PostgreSQL too: install it (apt-get install postgresql)');
    console.warn(
      'PostgreSQL not found: the API tests run on SQLite only. Set TEST_DATABASE_URL to add PostgreSQL.',
    );
    return;
  }
  const cluster = await startPostgresCluster(bin);
  process.env.TEST_DATABASE_URL = cluster.url;
  return () => cluster.destroy();
}
