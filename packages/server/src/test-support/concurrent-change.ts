import type { TestApi } from './harness.js';

/**
 * PostgreSQL only: sends `request` while another transaction has written (`statement`,
 * one row) and not yet committed, and commits once the request waits for that row. The
 * write so lands between the handler's read and its own write, exactly where a
 * concurrent request's would, every time: a handler that read a row sees it changed
 * under it; one that checked a unique value is beaten to it.
 *
 * SQLite has no such interleaving to test: each write runs alone in its transaction on
 * the one connection, so nothing changes between a handler's read and its write.
 */
export async function duringConcurrentWrite<T>(
  api: TestApi,
  statement: { sql: string; params: unknown[] },
  request: () => Promise<T>,
): Promise<T> {
  const pool = api.storage.pool;
  if (!pool) throw new Error('Only PostgreSQL lets another transaction write mid-request');
  const client = await pool.connect();
  try {
    await client.query('begin');
    const written = await client.query(statement.sql, statement.params);
    if (written.rowCount !== 1) throw new Error(`Not one row written by ${statement.sql}`);
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    const holder = rows[0]?.pid;

    let settled = false;
    const pending = request().finally(() => {
      settled = true;
    });
    const deadline = Date.now() + 5_000;
    while (!settled && Date.now() < deadline) {
      const waiting = await pool.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where $1 = any(pg_blocking_pids(pid))',
        [holder],
      );
      if ((waiting.rows[0]?.n ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await client.query('commit');
    return await pending;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** A change to one row by another transaction, bumping its version as every change does. */
export function duringConcurrentChange<T>(
  api: TestApi,
  change: { table: string; id: string; set?: string },
  request: () => Promise<T>,
): Promise<T> {
  const set = ['version = version + 1', ...(change.set ? [change.set] : [])].join(', ');
  return duringConcurrentWrite(
    api,
    { sql: `update "${change.table}" set ${set} where id = $1`, params: [change.id] },
    request,
  );
}
