import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/**
 * PostgreSQL numbers a write's events when its transaction commits, not while it runs.
 * A write used to take the `event_counter` row lock from the client, then spend three more
 * round trips (its events, NOTIFY, COMMIT) holding it, each one waiting for a busy Node
 * process to send the next: every other write waited behind that, about 2 ms each. Now
 * the write inserts its events under a placeholder number (negative, from a sequence, so
 * no two writes' rows meet in the primary key), and a deferred trigger, which PostgreSQL
 * runs inside COMMIT, takes the lock, gives each event the next number and NOTIFYs: the
 * lock is held only by the database itself, from there until the commit is on disk, which
 * still numbers events in commit order. An event written by an older server, numbered
 * by that server under the same lock, keeps its number. SQLite has one writer at a time
 * and keeps numbering events in the write.
 */
export async function up(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create sequence event_placeholders`.execute(db);
  await sql`alter table events alter column seq set default -nextval('event_placeholders')`.execute(db);
  await sql`
    create function number_event_at_commit() returns trigger language plpgsql as $$
    declare
      numbered bigint;
    begin
      update event_counter set last_seq = last_seq + 1 where id = 1 returning last_seq into numbered;
      update events set seq = numbered where seq = new.seq;
      perform pg_notify('rmkit_events', numbered::text);
      return null;
    end
    $$`.execute(db);
  await sql`
    create constraint trigger events_numbered_at_commit after insert on events
    deferrable initially deferred for each row when (new.seq < 0)
    execute function number_event_at_commit()`.execute(db);
}
