import type { Writable } from 'node:stream';
import type pg from 'pg';

/**
 * Ends a statement whose result nobody reads, inside a transaction (so another statement, at
 * least its COMMIT or ROLLBACK, follows it), and which never fails in a way its caller
 * handles: on PostgreSQL it is sent without waiting for its answer (see sendingAhead). A
 * comment, so SQLite runs the statement as it is.
 */
export const SENT_AHEAD = '/* sent ahead */';

/** What the caller of a statement sent ahead gets at once: no rows, nothing changed that it reads. */
const NOT_WAITED_FOR = { command: null, rowCount: null, rows: [] };

/**
 * Sends `begin` and the statements marked SENT_AHEAD without waiting for their answers, so
 * the next statement goes out right behind them (the pool's connections are in pg's pipeline
 * mode) and the write saves a round trip for each. A keyed session write takes four: BEGIN
 * with the key's claim, the savepoint with the pair's lookup, the session with the webhooks'
 * lookup, the stored answer and the events with COMMIT. Each round trip cost both processes
 * more CPU than the statements themselves. The next statement waits for the answers of those sent
 * ahead of it and fails with the first failure among them: after a failed statement a
 * transaction's next statements fail anyway, and a COMMIT only rolls back. A ROLLBACK does
 * what it was sent for whatever failed before it.
 */
export function sendingAhead(client: pg.PoolClient): void {
  const original = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  // What the statements sent ahead wrote waits here for the statement after them, so all
  // of them leave in one write to the socket: each write cost as much as a statement.
  const socket = (client as unknown as { connection?: { stream?: Writable } }).connection?.stream;
  let corked = false;
  const flush = () => {
    if (!corked) return;
    corked = false;
    socket?.uncork();
  };
  let ahead: Promise<unknown>[] = [];
  const sent = (text: string, values?: unknown[]) => {
    if (text === 'begin' || text.endsWith(SENT_AHEAD)) {
      if (!corked && socket) {
        corked = true;
        socket.cork();
        // Sent anyway once the caller waits for something else.
        setImmediate(flush);
      }
      const result = original(text, values);
      // Reported by the statement that follows it.
      result.catch(() => {});
      ahead.push(result);
      return Promise.resolve(NOT_WAITED_FOR);
    }
    const result = original(text, values);
    flush();
    if (ahead.length === 0) return result;
    const before = Promise.all(ahead);
    ahead = [];
    if (text === 'rollback')
      return before.then(
        () => result,
        () => result,
      );
    return before.then(
      () => result,
      (error: unknown) => {
        result.catch(() => {});
        throw error;
      },
    );
  };
  // Only Kysely's queries (a text and its values) are sent ahead; pg's other forms go as ever.
  client.query = ((text: unknown, ...rest: unknown[]) =>
    typeof text === 'string' && rest.length <= 1 && (rest[0] === undefined || Array.isArray(rest[0]))
      ? sent(text, rest[0] as unknown[] | undefined)
      : original(text, ...rest)) as typeof client.query;
}
