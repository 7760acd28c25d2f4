import {
  type DatabaseIntrospector,
  type Kysely,
  PostgresDialect,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely';

/**
 * PostgreSQL as the migrator sees it: the tables of the connection's own schema, by name.
 * Kysely's introspector reads every column of every schema in the database, and asks
 * `pg_get_serial_sequence` of each by name: a table that another process alters or drops
 * meanwhile (another app's migration in its own schema, or another test's) failed it with
 * "column … of relation … does not exist", and the migration, and the server's start, with it.
 * Read from the catalog as it stood when the query began, with nothing looked up by name.
 */
export class OwnSchemaPostgresDialect extends PostgresDialect {
  // biome-ignore lint/suspicious/noExplicitAny: the signature Kysely's Dialect declares
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new OwnSchemaIntrospector(db);
  }
}

class OwnSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<SchemaMetadata>`select nspname as name from pg_catalog.pg_namespace`.execute(
      this.db,
    );
    return rows;
  }

  /** The tables only, without their columns: the migrator asks which exist. */
  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ schema: string; name: string }>`
      select n.nspname as schema, c.relname as name
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p')`.execute(this.db);
    return rows.map(({ schema, name }) => ({ schema, name, isView: false, isForeign: false, columns: [] }));
  }
}
