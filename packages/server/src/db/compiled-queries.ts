import type SQLite from 'better-sqlite3';
import {
  type Compilable,
  type CompiledQuery,
  createQueryId,
  type Kysely,
  type KyselyPlugin,
  type QueryResult,
  SelectQueryNode,
} from 'kysely';
import { type DirectReader, directReader } from './direct-reads.js';
import { directWriter } from './direct-writes.js';
import { runWrite } from './grouped-sqlite.js';
import { readKept } from './kept-reads.js';
import type { Statements } from './reused-statements.js';

/** A query's values by name: each one is a single bound parameter (no lists). */
type Values = Record<string, string | number | null>;

/** Where each bound parameter of the compiled SQL comes from: a value by name, or a constant. */
type Slot = { name: string } | { constant: unknown };

interface Shape {
  plugins: readonly KyselyPlugin[];
  compiled: CompiledQuery;
  slots: Slot[];
  /**
   * For a read run directly (direct-reads.ts): the key the plugins give column i, found once
   * by passing them a row; null when they do more than rename columns, or two share a name.
   */
  keys?: readonly string[] | null;
}

const MARK = '\u0000rm-kit compiled query value:';

/**
 * A query whose shape never changes, built and compiled by Kysely once per database and
 * then run again with new values: building and compiling a query took a tenth of the
 * server's time on a read, more than running it. `build` is called once, with stand-ins
 * for the values; it must use each value as a whole bound parameter (compared, limited),
 * never in a list or to choose what to build. The compiled SQL is the same on the
 * database itself and in its transactions (they share its dialect and plugins), so it is
 * kept per dialect adapter and plugin list; results go through the plugins as ever.
 * `execute` gives the whole result, for writes: `numAffectedRows` says how many rows changed.
 * A read outside a transaction on a SQLite file runs at once on its read connection
 * (direct-reads.ts), its rows named as the plugins would name them, and is kept until the
 * next commit (kept-reads.ts): its rows are frozen. In a write's transaction on SQLite, a query
 * runs at once on the writing connection (direct-writes.ts).
 */
export function compiledQuery<DB, V extends Values, Row>(
  build: (db: Kysely<DB>, values: V) => Compilable<Row>,
): {
  all: (db: Kysely<DB>, values: V) => Promise<Row[]>;
  first: (db: Kysely<DB>, values: V) => Promise<Row | undefined>;
  execute: (db: Kysely<DB>, values: V) => Promise<QueryResult<Row>>;
} {
  const shapes = new WeakMap<object, Shape>();

  const shapeFor = (db: Kysely<DB>): Shape => {
    const executor = db.getExecutor();
    const known = shapes.get(executor.adapter);
    if (known && samePlugins(known.plugins, executor.plugins)) return known;
    const standIns = new Proxy({} as V, { get: (_, name) => `${MARK}${String(name)}` });
    const compiled = build(db, standIns).compile();
    if (compiled.sql.includes(MARK)) throw new Error(`a value was written into the SQL: ${compiled.sql}`);
    // A value the build never asked for by name (taken with `...rest`, say, which finds no
    // names on the stand-ins) would be bound as undefined at every run, whatever was given.
    if (compiled.parameters.some((parameter) => parameter === undefined))
      throw new Error(`a value was bound without being asked for by name: ${compiled.sql}`);
    const slots = compiled.parameters.map(
      (parameter): Slot =>
        typeof parameter === 'string' && parameter.startsWith(MARK)
          ? { name: parameter.slice(MARK.length) }
          : { constant: parameter },
    );
    const shape = { plugins: executor.plugins, compiled, slots };
    if (!known) shapes.set(executor.adapter, shape);
    return shape;
  };

  const parametersOf = ({ slots }: Shape, values: V) =>
    slots.map((slot) => ('name' in slot ? values[slot.name] : slot.constant));
  const execute = async (db: Kysely<DB>, values: V): Promise<QueryResult<Row>> => {
    const shape = shapeFor(db);
    const writer = directWriter(db);
    const result = writer && (await writeDirectly<Row>(writer, shape, parametersOf(shape, values)));
    return (
      result ||
      db.executeQuery<Row>({
        ...shape.compiled,
        parameters: parametersOf(shape, values),
        queryId: createQueryId(),
      })
    );
  };
  const all = async (db: Kysely<DB>, values: V): Promise<Row[]> => {
    const shape = shapeFor(db);
    const reader = SelectQueryNode.is(shape.compiled.query) ? directReader(db) : undefined;
    const rows = reader && (await readDirectly<Row>(reader, shape, parametersOf(shape, values)));
    return rows || (await execute(db, values)).rows;
  };
  return { all, first: async (db, values) => (await all(db, values))[0], execute };
}

/**
 * A statement of a write's transaction, on SQLite's writing connection, as its driver runs
 * one (grouped-sqlite.ts); null when the plugins do more than rename the rows it returns.
 */
async function writeDirectly<Row>(
  statements: Statements,
  shape: Shape,
  parameters: unknown[],
): Promise<QueryResult<Row> | null> {
  const statement = statements.prepare(shape.compiled.sql);
  if (!statement.reader) return runWrite(statement, parameters);
  const keys = await keysOf(shape, statement);
  const rows = keys && rowsOf<Row>(shape, statement, parameters, keys);
  return rows && { rows };
}

/** The rows of a read, from the read connection; null when the plugins do more than rename. */
async function readDirectly<Row>(
  { statements, kept }: DirectReader,
  shape: Shape,
  parameters: unknown[],
): Promise<Row[] | null> {
  const { sql } = shape.compiled;
  const keys = await keysOf(shape, statements.prepare(sql));
  if (!keys) return null;
  return readKept(kept, sql, parameters, () => rowsOf<Row>(shape, statements.prepare(sql), parameters, keys));
}

/** The keys the plugins give the statement's columns: found once per shape, including that there are none (null). */
async function keysOf(shape: Shape, statement: SQLite.Statement): Promise<readonly string[] | null> {
  if (shape.keys === undefined)
    shape.keys = await keysAfter(
      shape.plugins,
      statement.columns().map((column) => column.name),
    );
  return shape.keys;
}

/** The statement's rows under `keys`; null when a newer release's migration changed what `*` selects. */
function rowsOf<Row>(
  shape: Shape,
  statement: SQLite.Statement,
  parameters: unknown[],
  keys: readonly string[],
) {
  // Arrays, not objects: each row is built once, under the plugins' names.
  statement.raw(true);
  let rows: unknown[][];
  try {
    rows = statement.all(parameters) as unknown[][];
  } finally {
    statement.raw(false);
  }
  if (rows.some((values) => values.length !== keys.length)) {
    shape.keys = undefined;
    return null;
  }
  return rows.map((values) => {
    const row: Record<string, unknown> = {};
    for (let column = 0; column < keys.length; column++) row[keys[column] as string] = values[column];
    return row as Row;
  });
}

async function keysAfter(plugins: readonly KyselyPlugin[], columns: string[]): Promise<string[] | null> {
  if (new Set(columns).size !== columns.length) return null;
  let result: QueryResult<Record<string, unknown>> = {
    rows: [Object.fromEntries(columns.map((column, index) => [column, index]))],
  };
  for (const plugin of plugins) result = await plugin.transformResult({ result, queryId: createQueryId() });
  const keys: string[] = [];
  for (const [key, index] of Object.entries(result.rows[0] ?? {})) {
    if (typeof index !== 'number' || keys[index] !== undefined) return null;
    keys[index] = key;
  }
  return keys.length === columns.length && !keys.includes(undefined as never) ? keys : null;
}

function samePlugins(a: readonly KyselyPlugin[], b: readonly KyselyPlugin[]): boolean {
  return a.length === b.length && a.every((plugin, index) => plugin === b[index]);
}
