import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  PostgresDialect,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';

type Socket = { cork(): void; uncork(): void };
const socketOf = (client: pg.PoolClient) =>
  (client as unknown as { connection?: { stream?: Socket } }).connection?.stream;

const WRITES = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/**
 * A failure after which the connection is gone: no answer from PostgreSQL at all, a
 * connection exception (class 08), or PostgreSQL ending the session (57P: shut down,
 * terminated). Released with it, the connection is closed instead of given to the next
 * caller, who would otherwise find it dead before the pool noticed.
 */
function connectionLost(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return true;
  const code = error.code ?? '';
  return code.startsWith('08') || code.startsWith('57P');
}

/**
 * One pooled connection for the statements outside a transaction asked in one turn of the
 * event loop, whoever asks them: they go out together in one write to its socket, one behind
 * the other (the pool's connections are in pg's pipeline mode, each statement with its own
 * Sync, so one failing fails only itself). On `GET /v1/me` three reads each took a connection
 * and a write of their own, and those socket writes were a fifth of the server's CPU. The
 * connection goes back to the pool once every statement of the turn has its answer.
 */
class Turn {
  /** Open to new statements until the turn of the event loop it began in ends. */
  open = true;
  private holders = 0;
  readonly client: Promise<pg.PoolClient>;
  private lost: Error | undefined;

  constructor(pool: pg.Pool) {
    this.client = pool.connect().then((client) => {
      const socket = socketOf(client);
      if (socket) {
        // Whatever the turn's statements write waits until the turn ends, then leaves at once.
        socket.cork();
        setImmediate(() => socket.uncork());
      }
      return client;
    });
    this.client.catch(() => {});
    setImmediate(() => {
      this.open = false;
      this.settle();
    });
  }

  join(): void {
    this.holders++;
  }

  leave(): void {
    this.holders--;
    this.settle();
  }

  async query(compiled: CompiledQuery): Promise<QueryResult<unknown>> {
    const client = await this.client;
    try {
      const { command, rowCount, rows } = await client.query(compiled.sql, compiled.parameters as unknown[]);
      return {
        numAffectedRows: WRITES.has(command) && rowCount !== null ? BigInt(rowCount) : undefined,
        rows: rows ?? [],
      };
    } catch (error) {
      if (connectionLost(error)) this.lost = error as Error;
      throw error;
    }
  }

  private settle(): void {
    if (this.open || this.holders > 0) return;
    this.client.then(
      (client) => client.release(this.lost),
      () => {},
    );
  }
}

/**
 * What Kysely holds for one statement, or for a transaction. It takes a connection of its own
 * only when a transaction begins on it (or a query streams); until then its statements join
 * the turn's (see Turn), and it keeps that turn's connection until Kysely releases it, so
 * every statement it is given runs on one connection, as Kysely expects.
 */
class TurnConnection implements DatabaseConnection {
  own: DatabaseConnection | null = null;
  turn: Turn | null = null;

  constructor(private readonly driver: TurnReadsDriver) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.own) return this.own.executeQuery<R>(compiled);
    if (!this.turn) {
      this.turn = this.driver.currentTurn();
      this.turn.join();
    }
    return (await this.turn.query(compiled)) as QueryResult<R>;
  }

  async *streamQuery<R>(compiled: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    yield* (await this.ownConnection()).streamQuery<R>(compiled, chunkSize);
  }

  async ownConnection(): Promise<DatabaseConnection> {
    // Its earlier statements (a session's lock, a setting) are on a connection others share.
    if (this.turn) {
      throw new Error(
        'A transaction cannot begin on a connection (db.connection()) that has run statements: ' +
          'on PostgreSQL use the Kysely of withOwnConnections(db) for that',
      );
    }
    this.own ??= await this.driver.inner.acquireConnection();
    return this.own;
  }
}

class TurnReadsDriver implements Driver {
  private turn: Turn | null = null;

  constructor(
    readonly inner: Driver,
    private readonly pool: pg.Pool,
  ) {}

  currentTurn(): Turn {
    if (!this.turn?.open) this.turn = new Turn(this.pool);
    return this.turn;
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new TurnConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.inner.beginTransaction(await (connection as TurnConnection).ownConnection(), settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(ownOf(connection));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(ownOf(connection));
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.savepoint?.(ownOf(connection), name, compile) ?? Promise.resolve();
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.rollbackToSavepoint?.(ownOf(connection), name, compile) ?? Promise.resolve();
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.releaseSavepoint?.(ownOf(connection), name, compile) ?? Promise.resolve();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const held = connection as TurnConnection;
    if (held.own) await this.inner.releaseConnection(held.own);
    held.turn?.leave();
    held.own = null;
    held.turn = null;
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

function ownOf(connection: DatabaseConnection): DatabaseConnection {
  const held = (connection as TurnConnection).own;
  if (!held) throw new Error('No transaction is open on this connection');
  return held;
}

/** Kysely's PostgreSQL dialect, its statements outside a transaction sharing a connection by turn (see Turn). */
export class TurnReadsPostgresDialect extends PostgresDialect {
  constructor(private readonly pool: pg.Pool) {
    super({ pool });
  }

  override createDriver(): Driver {
    return new TurnReadsDriver(super.createDriver(), this.pool);
  }
}

/**
 * The same database, each of its statements on a connection of its own as Kysely's dialect
 * gives them: for a connection that runs statements and then a transaction (Kysely's
 * migrator takes a lock on its connection first).
 */
const ownConnections = new WeakMap<Kysely<unknown>, Kysely<unknown>>();

export function keepOwnConnections<DB>(db: Kysely<DB>, own: Kysely<DB>): void {
  ownConnections.set(db as Kysely<unknown>, own as Kysely<unknown>);
}

export function withOwnConnections<DB>(db: Kysely<DB>): Kysely<DB> {
  return (ownConnections.get(db as Kysely<unknown>) as Kysely<DB> | undefined) ?? db;
}
