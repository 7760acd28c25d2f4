import { issuesFrom } from '@rm-kit/core';
import type { Expression, ExpressionBuilder, Kysely, SqlBool, Updateable, UpdateObject } from 'kysely';
import type * as z from 'zod';
import { stale } from '../http/etag.js';
import { Problem } from '../http/problem.js';
import { nowIso } from './json.js';
import type { Database } from './schema.js';

type Versioned =
  | 'organizations'
  | 'people'
  | 'programs'
  | 'enrollments'
  | 'pairs'
  | 'goals'
  | 'goalTemplates'
  | 'sessions'
  | 'privateNotes'
  | 'feedback'
  | 'stories'
  | 'webhooks';

type Stored = { id: string; updatedAt: string; version: number };

export interface VersionedChange<T extends Versioned, E extends Stored> {
  /** What the entity is called when a change is refused: "The change would leave the goal invalid". */
  entity: string;
  /** Core's schema of the entity: the changed entity must pass it as any stored one does. */
  schema: z.ZodType<E>;
  /** The entity as read; its version is the one the row must still have. */
  current: E;
  /** The fields that change, in the entity's form (normalised, derived fields worked out). */
  patch: Partial<E>;
  /** The columns that store the entity. */
  columns: (next: E) => Updateable<Database[T]>;
  /**
   * What else must still be as read, for a column that changes without a new version
   * (sign-in binds a person's externalId): a write from an older copy is refused as stale.
   */
  unchangedSince?: (eb: ExpressionBuilder<Database, Versioned>) => Expression<SqlBool>;
}

/**
 * The tail of every PATCH: merges the patch into the entity as read, checks the result
 * with the entity's core schema (400 with the path of each bad field), writes it only
 * if nobody changed the row since it was read (412 otherwise, with the version it has
 * now), and returns the entity as stored.
 */
export async function updateVersioned<T extends Versioned, E extends Stored>(
  db: Kysely<Database>,
  table: T,
  change: VersionedChange<T, E>,
): Promise<E> {
  const { current } = change;
  const merged = change.schema.safeParse({
    ...current,
    ...change.patch,
    updatedAt: nowIso(),
    version: current.version + 1,
  });
  if (!merged.success) {
    throw new Problem('validation_failed', `The change would leave the ${change.entity} invalid`, {
      issues: issuesFrom(merged.error),
    });
  }
  const next = merged.data;
  // Typed for all versioned tables at once, as Kysely cannot follow a column through a
  // table named by a type parameter; `columns` is checked against the one table instead.
  const versioned: Versioned = table;
  const columns = change.columns(next) as UpdateObject<Database, Versioned>;
  let update = db
    .updateTable(versioned)
    .set({ ...columns, updatedAt: next.updatedAt, version: next.version })
    .where('id', '=', current.id)
    .where('version', '=', current.version);
  if (change.unchangedSince) update = update.where(change.unchangedSince);
  const result = await update.executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const now = await db
      .selectFrom(versioned)
      .select('version')
      .where('id', '=', current.id)
      .executeTakeFirst();
    throw stale(now?.version ?? current.version + 1);
  }
  return next;
}
