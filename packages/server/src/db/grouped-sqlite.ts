import type SQLite from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  RawNode,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { DirectReader } from './direct-reads.js';
import { readKept } from './kept-reads.js';
import { endMoment } from './read-moments.js';
import type { Statements } from './reused-statements.js';

/**
 * At most this many transactions share one commit, and a group stops taking new ones after
 * this long: under a steady stream of writes the first of them is still acknowledged soon.
 */
const GROUP_LIMIT = 200;
const GROUP_MS = 20;
/** How long a write waits for another connection (another process) to release the database, as busy_timeout did. */
const LOCK_WAIT_MS = 5000;
const LOCK_RETRY_MS = 2;

const isBusy = (error: unknown) =>
  (error as { code?: string } | null)?.code?.startsWith('SQLITE_BUSY') === true;

/** The name of each logical transaction's savepoint; handlers may nest their own inside it. */
const LOGICAL = 'rmkit_logical';

function run(statements: Statements, { sql, parameters }: CompiledQuery): QueryResult<unknown> {
  const statement = statements.prepare(sql);
  return statement.reader ? { rows: statement.all(parameters) } : runWrite(statement, parameters);
}

/** A statement that returns no rows, run as the driver runs one: what it changed. */
export function runWrite(statement: SQLite.Statement, parameters: readonly unknown[]): QueryResult<never> {
  const { changes, lastInsertRowid } = statement.run(parameters);
  return {
    insertId: lastInsertRowid == null ? undefined : BigInt(lastInsertRowid),
    numAffectedRows: changes == null ? undefined : BigInt(changes),
    rows: [],
  };
}

function* stream(
  statements: Statements,
  { sql, parameters }: CompiledQuery,
): Generator<QueryResult<unknown>> {
  for (const row of statements.prepare(sql).iterate(parameters)) yield { rows: [row] };
}

/** The transactions committed (or lost) by one physical COMMIT, and what their callers wait on. */
class Group {
  readonly startedAt = Date.now();
  members = 0;
  readonly committed: Promise<void>;
  resolve!: () => void;
  reject!: (error: unknown) => void;

  constructor() {
    this.committed = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Rejected with nobody waiting when every member had rolled back; those were told already.
    this.committed.catch(() => {});
  }

  full(): boolean {
    return this.members >= GROUP_LIMIT || Date.now() - this.startedAt >= GROUP_MS;
  }
}

/**
 * The one connection that writes, taken in turn. Each logical transaction runs as a
 * SAVEPOINT inside a physical transaction shared with the ones just before and after it,
 * and the physical COMMIT (the fsync) runs once nobody is waiting for a turn: its
 * transactions are acknowledged together, only after it. A logical transaction that fails
 * rolls back to its own savepoint; a failed COMMIT fails every transaction of its group.
 */
class Writer {
  private busy = false;
  private closing = false;
  private readonly waiting: (() => void)[] = [];
  private group: Group | null = null;
  private flushScheduled = false;
  /** Prepared once, as better-sqlite3 does for its own transactions, not parsed again for every write. */
  private readonly control: Record<
    'begin' | 'savepoint' | 'release' | 'rollbackTo' | 'commit' | 'rollback',
    SQLite.Statement
  >;

  constructor(
    private readonly sqlite: SQLite.Database,
    readonly statements: Statements,
  ) {
    this.control = {
      // IMMEDIATE: the write lock now, so another process cannot make this transaction's
      // reads stale before its first write (SQLite would refuse that write, not wait).
      begin: sqlite.prepare('begin immediate'),
      savepoint: sqlite.prepare(`savepoint ${LOGICAL}`),
      release: sqlite.prepare(`release ${LOGICAL}`),
      rollbackTo: sqlite.prepare(`rollback to ${LOGICAL}`),
      commit: sqlite.prepare('commit'),
      rollback: sqlite.prepare('rollback'),
    };
  }

  /** Waits for this caller's turn on the connection. */
  async take(): Promise<void> {
    if (this.closing) throw new Error('The database is closed');
    if (!this.busy) {
      this.busy = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Hands the connection to the next caller, or commits the group once nobody waits. */
  give(): void {
    if (this.group?.full()) this.flush();
    const next = this.waiting.shift();
    if (next) {
      next();
      return;
    }
    this.busy = false;
    if (this.group && !this.flushScheduled) {
      this.flushScheduled = true;
      // Requests read from the network in this same turn of the event loop join the group.
      setImmediate(() => {
        this.flushScheduled = false;
        if (!this.busy) this.flush();
      });
    }
  }

  /** The last turn, after every caller already waiting: commits what is left; nobody may take a turn after it. */
  async close(): Promise<void> {
    const last = this.take();
    this.closing = true;
    await last;
    this.flush();
  }

  /** During the caller's turn: a savepoint in the open physical transaction, or in a new one. */
  async begin(): Promise<void> {
    if (!this.group) {
      await this.lock();
      this.group = new Group();
    }
    this.control.savepoint.run();
  }

  /**
   * BEGIN IMMEDIATE, waiting while another connection holds the database. The wait is
   * asynchronous: a synchronous busy_timeout would stop this process's event loop, and with
   * it any commit this process owes, for as long as it waits.
   */
  private async lock(): Promise<void> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        this.control.begin.run();
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
        await new Promise((retry) => setTimeout(retry, LOCK_RETRY_MS));
      }
    }
  }

  /** During the caller's turn: keeps its changes in the group; they are durable once the returned promise resolves. */
  commit(): Promise<void> {
    const lost = this.lostGroup();
    if (lost) return lost.committed;
    const group = this.group;
    if (!group) throw new Error('No transaction is open');
    this.control.release.run();
    group.members++;
    return group.committed;
  }

  /** During the caller's turn: undoes its changes only. */
  rollback(): void {
    if (this.lostGroup()) return;
    this.control.rollbackTo.run();
    this.control.release.run();
  }

  /**
   * Some errors (a full disk, an I/O error) make SQLite roll back the whole physical
   * transaction: every transaction of the group is lost, and told so.
   */
  private lostGroup(): Group | null {
    const group = this.group;
    if (!group || this.sqlite.inTransaction) return null;
    this.group = null;
    group.reject(new Error('SQLite rolled back the transaction'));
    return group;
  }

  /** During a turn (or when nobody has one): the physical COMMIT, then the group's acknowledgements. */
  flush(): void {
    const group = this.group;
    if (!group) return;
    this.group = null;
    try {
      this.control.commit.run();
      endMoment();
      group.resolve();
    } catch (error) {
      if (this.sqlite.inTransaction) this.control.rollback.run();
      group.reject(error);
    }
  }
}

/**
 * What Kysely holds for one query or one transaction. Outside a transaction a read goes to
 * the read connection, which sees only committed data and never waits for the writer; a
 * write outside a transaction is a transaction of its own.
 */
class Handle implements DatabaseConnection {
  private inTransaction = false;
  private settled = false;

  constructor(
    private readonly writer: Writer,
    private readonly reader: DirectReader | null,
  ) {}

  async begin(): Promise<void> {
    await this.writer.take();
    try {
      await this.writer.begin();
    } catch (error) {
      this.writer.give();
      throw error;
    }
    this.inTransaction = true;
    this.settled = false;
  }

  async commit(): Promise<void> {
    this.settled = true;
    this.inTransaction = false;
    let committed: Promise<void>;
    try {
      committed = this.writer.commit();
    } catch (error) {
      this.undo();
      throw error;
    } finally {
      this.writer.give();
    }
    await committed;
  }

  async rollback(): Promise<void> {
    // Kysely rolls back a transaction whose commit failed; that one was settled already.
    if (this.settled) return;
    this.settled = true;
    this.inTransaction = false;
    try {
      this.writer.rollback();
    } finally {
      this.writer.give();
    }
  }

  private undo() {
    try {
      this.writer.rollback();
    } catch {
      // The physical transaction is gone with its group, which reports it.
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return run(this.writer.statements, query) as QueryResult<R>;
    const reader = this.readerFor(query);
    if (reader) return this.read(reader, query) as QueryResult<R>;
    if (!this.reader && this.writer.statements.prepare(query.sql).readonly) return this.readOnWriter(query);
    await this.begin();
    let result: QueryResult<R>;
    try {
      result = run(this.writer.statements, query) as QueryResult<R>;
    } catch (error) {
      await this.rollback();
      throw error;
    }
    await this.commit();
    return result;
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only select queries');
    if (this.inTransaction) {
      yield* stream(this.writer.statements, query) as Iterable<QueryResult<R>>;
      return;
    }
    const reader = this.readerFor(query);
    if (reader) {
      yield* stream(reader.statements, query) as Iterable<QueryResult<R>>;
      return;
    }
    // One connection (in memory): the rows are read in one go, between the writer's turns.
    const { rows } = await this.readOnWriter<R>(query);
    for (const row of rows) yield { rows: [row] };
  }

  /** On the read connection: a select as kept since the last commit (kept-reads.ts), any other read now. */
  private read({ statements, kept }: DirectReader, query: CompiledQuery): QueryResult<unknown> {
    if (!SelectQueryNode.is(query.query)) return run(statements, query);
    return { rows: readKept(kept, query.sql, query.parameters, () => run(statements, query).rows) };
  }

  /** The read connection, when there is one and the query only reads. */
  private readerFor(query: CompiledQuery): DirectReader | null {
    if (!this.reader) return null;
    if (SelectQueryNode.is(query.query)) return this.reader;
    if (RawNode.is(query.query) && this.reader.statements.prepare(query.sql).readonly) return this.reader;
    return null;
  }

  /** Without a read connection: a read takes a turn, after the group before it committed. */
  private async readOnWriter<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    await this.writer.take();
    try {
      this.writer.flush();
      return run(this.writer.statements, query) as QueryResult<R>;
    } finally {
      this.writer.give();
    }
  }
}

class GroupCommitDriver implements Driver {
  private closed: Promise<void> | null = null;

  constructor(
    private readonly writer: Writer,
    private readonly writerConnection: Statements,
    private readonly reader: DirectReader | null,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.closed) throw new Error('The database is closed');
    return new Handle(this.writer, this.reader);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Handle).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Handle).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Handle).rollback();
  }

  async releaseConnection(): Promise<void> {}

  destroy(): Promise<void> {
    this.closed ??= (async () => {
      await this.writer.close();
      this.reader?.statements.close();
      this.writerConnection.close();
    })();
    return this.closed;
  }
}

/** Kysely may hand out several connections: each is a handle on the shared writer and reader. */
class GroupCommitAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

/**
 * SQLite for a server with many requests at once: reads outside a transaction on their own
 * connection (`reader`, absent for an in-memory database, whose only connection then serves
 * them between writes), and write transactions committed in groups on `writer`, each
 * acknowledged only after the fsync that covers it.
 */
export function groupCommitSqlite(
  writer: { sqlite: SQLite.Database; statements: Statements },
  reader: DirectReader | null,
): Dialect {
  return {
    createDriver: () =>
      new GroupCommitDriver(new Writer(writer.sqlite, writer.statements), writer.statements, reader),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createAdapter: () => new GroupCommitAdapter(),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
  };
}
