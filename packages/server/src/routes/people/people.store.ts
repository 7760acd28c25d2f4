import {
  FORMER_PARTICIPANT,
  type List,
  type Locale,
  newId,
  type Person,
  type PersonUpdate,
  type personCreateSchema,
  type personListQuerySchema,
  personSchema,
  photoUrlAllowed,
} from '@rm-kit/core';
import type { ExpressionBuilder, InsertResult, Kysely } from 'kysely';
import type * as z from 'zod';
import type { Caller } from '../../auth/caller.js';
import { PERSON_COLUMNS } from '../../db/columns.js';
import { compiledQuery } from '../../db/compiled-queries.js';
import { fromFlag, fromJson, nowIso, toFlag, toJson } from '../../db/json.js';
import { parsedOnce } from '../../db/parsed-once.js';
import type { Database, NewRow, Row } from '../../db/schema.js';
import { updateVersioned } from '../../db/update-versioned.js';
import { readPage } from '../../http/pagination.js';
import { notFound, Problem } from '../../http/problem.js';
import { photoHostsOf } from '../organization/organization.store.js';

/**
 * A stored person as the contract shows them. A photo the organisation's `photoHosts` do not
 * allow is shown as none, although every write keeps to that rule: a person's change and a
 * change of the hosts made at the same moment (on PostgreSQL, neither sees the other's
 * uncommitted row) can leave such a photo stored, and a partner's browser must still never
 * load it. The person's next change then stores it as none.
 */
export const toPerson = parsedOnce(
  (row: Row<'people'>, photoHosts: readonly string[]): Person =>
    personSchema.parse({
      id: row.id,
      orgId: row.orgId,
      externalId: row.externalId,
      email: row.email,
      displayName: row.displayName,
      title: row.title,
      department: row.department,
      managerId: row.managerId,
      careerStage: row.careerStage,
      locale: row.locale,
      languages: fromJson(row.languages),
      timeZone: row.timeZone,
      photoUrl: row.photoUrl !== null && photoUrlAllowed(row.photoUrl, photoHosts) ? row.photoUrl : null,
      isAdmin: fromFlag(row.isAdmin),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
    }),
  (photoHosts) => photoHosts.join(' '),
);

/**
 * An erased person as the people of their pairs and admins see them: the placeholder name
 * in the reader's language (the stored one is English, for whatever reads the row itself).
 */
export function asSeenAfterErasure(person: Person, readerLocale: Locale): Person {
  return { ...person, displayName: FORMER_PARTICIPANT[readerLocale] };
}

/** The language a caller reads in: their own, or the organisation's for a service token. */
export async function readerLocale(db: Kysely<Database>, caller: Caller): Promise<Locale> {
  const row =
    caller.kind === 'person'
      ? await db.selectFrom('people').select('locale').where('id', '=', caller.personId).executeTakeFirst()
      : await db
          .selectFrom('organizations')
          .select('defaultLocale as locale')
          .where('id', '=', caller.orgId)
          .executeTakeFirst();
  return row?.locale ?? 'en';
}

/** The columns written when a person is added or changed. */
export function personColumns(person: Person) {
  return {
    externalId: person.externalId,
    email: person.email,
    displayName: person.displayName,
    title: person.title,
    department: person.department,
    managerId: person.managerId,
    careerStage: person.careerStage,
    locale: person.locale,
    languages: toJson(person.languages),
    timeZone: person.timeZone,
    photoUrl: person.photoUrl,
    isAdmin: toFlag(person.isAdmin),
    updatedAt: person.updatedAt,
    version: person.version,
  };
}

/** People whose photos are cleared by one statement: well within every engine's limit on parameters. */
const CLEAR_BATCH = 500;

/**
 * Clears the stored photos in the organisation (removed people's too) that `photoHosts` no
 * longer allows, each as a new version of that person. Run in the transaction that changes
 * the hosts, so a photo does not outlive the host it was allowed on. The rule decides here,
 * not SQL: a URL's host (after userinfo, before a port, in any case) is not something both
 * engines' string functions can pick out alike.
 */
export async function clearPhotosNotAllowed(
  db: Kysely<Database>,
  orgId: string,
  photoHosts: readonly string[],
  now: string,
) {
  const withPhotos = await db
    .selectFrom('people')
    .select(['id', 'photoUrl'])
    .where('orgId', '=', orgId)
    .where('photoUrl', 'is not', null)
    .execute();
  const refused = withPhotos
    .filter((person) => person.photoUrl !== null && !photoUrlAllowed(person.photoUrl, photoHosts))
    .map((person) => person.id);
  for (let start = 0; start < refused.length; start += CLEAR_BATCH) {
    await db
      .updateTable('people')
      .set((eb) => ({ photoUrl: null, updatedAt: now, version: eb('version', '+', 1) }))
      .where('id', 'in', refused.slice(start, start + CLEAR_BATCH))
      .execute();
  }
}

/** Someone who is not an admin sees themselves and the people they share a pair with, nobody else. */
export function selfOrPartnerOf(personId: string) {
  return (eb: ExpressionBuilder<Database, 'people'>) => {
    const livePairs = eb.selectFrom('pairs').where('pairs.deletedAt', 'is', null);
    return eb.or([
      eb('people.id', '=', personId),
      eb('people.id', 'in', livePairs.select('pairs.mentorId').where('pairs.menteeId', '=', personId)),
      eb('people.id', 'in', livePairs.select('pairs.menteeId').where('pairs.mentorId', '=', personId)),
    ]);
  };
}

/**
 * Text folded for a case-insensitive comparison. Upper- then lower-casing approximates
 * Unicode case folding (ß and SS, σ and ς) without depending on a locale
 * (toLocaleLowerCase would turn "I" into "ı" for Turkish); NFC makes a decomposed "è"
 * equal to a precomposed one.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/**
 * Case-insensitive substring match on name or email, decided here rather than in SQL:
 * lower() folds only ASCII on SQLite, but every letter on PostgreSQL (depending on its
 * collation), so "èlena" found "Èlena" on one and not the other. No SQL pre-filter is
 * safe without a folded column (a migration), since even an ASCII query can match
 * non-ASCII text ("k" matches the Kelvin sign, "ss" matches "ß"); the list reads the
 * caller's visible people in batches instead (searchInBatches), which is cheap at
 * intranet scale.
 */
export function nameOrEmailContains(text: string) {
  const needle = foldForSearch(text);
  return (row: Pick<Row<'people'>, 'displayName' | 'email'>) =>
    foldForSearch(row.displayName).includes(needle) || foldForSearch(row.email).includes(needle);
}

/** Rows read per query while searching: the whole organisation is a few thousand people at most. */
const SEARCH_BATCH = 500;

/**
 * Up to `wanted` rows that pass `keep`, in id order after `afterId`. Reads the
 * filtered people in batches by keyset over id until enough pass, so a page and its
 * cursor stay exact (the next page starts after the last row returned, and skips
 * nothing) however few rows match.
 */
export async function searchInBatches(
  read: (afterId: string | null, batchSize: number) => Promise<Row<'people'>[]>,
  keep: (row: Row<'people'>) => boolean,
  afterId: string | null,
  wanted: number,
): Promise<Row<'people'>[]> {
  const found: Row<'people'>[] = [];
  let position = afterId;
  for (;;) {
    const batch = await read(position, SEARCH_BATCH);
    for (const row of batch) {
      if (!keep(row)) continue;
      found.push(row);
      if (found.length === wanted) return found;
    }
    const last = batch[batch.length - 1];
    if (batch.length < SEARCH_BATCH || !last) return found;
    position = last.id;
  }
}

/**
 * One page of the people the caller may see (see selfOrPartnerOf), in id order. The text
 * match is made here, not in SQL (see nameOrEmailContains): the same answer on both engines.
 */
export async function listVisiblePeople(
  db: Kysely<Database>,
  caller: Caller,
  { department, careerStage, q, ...page }: z.output<typeof personListQuerySchema>,
): Promise<List<Person>> {
  let query = db
    .selectFrom('people')
    .select(PERSON_COLUMNS)
    .where('people.orgId', '=', caller.orgId)
    .where('people.deletedAt', 'is', null)
    .orderBy('people.id');
  if (!caller.isAdmin) query = query.where(selfOrPartnerOf(caller.personId));
  if (department) query = query.where('people.department', '=', department);
  if (careerStage) query = query.where('people.careerStage', '=', careerStage);
  const read = (afterId: string | null, count: number) =>
    (afterId === null ? query : query.where('people.id', '>', afterId)).limit(count).execute();
  const photoHosts = await photoHostsOf(db, caller.orgId);
  return readPage(
    page,
    (after, rows) =>
      q
        ? searchInBatches(read, nameOrEmailContains(q), after?.id ?? null, rows)
        : read(after?.id ?? null, rows),
    (row) => toPerson(row, photoHosts),
  );
}

/**
 * The read of one person, by whether an erased person counts and whether the caller sees
 * everyone (an admin) or only themselves and their partners: built and compiled once each
 * (see compiledQuery), as every page showing a pair reads its two people.
 */
function visiblePersonQuery({ erased, everyone }: { erased: boolean; everyone: boolean }) {
  return compiledQuery(
    (
      db: Kysely<Database>,
      { orgId, personId, callerId }: { orgId: string; personId: string; callerId: string },
    ) => {
      const query = db
        .selectFrom('people')
        .select(PERSON_COLUMNS)
        .where('people.id', '=', personId)
        .where('people.orgId', '=', orgId)
        .where((eb) =>
          erased
            ? eb.or([eb('people.deletedAt', 'is', null), eb('people.erasedAt', 'is not', null)])
            : eb('people.deletedAt', 'is', null),
        );
      return everyone ? query : query.where(selfOrPartnerOf(callerId));
    },
  );
}

const VISIBLE_PERSON = {
  live: {
    toAdmin: visiblePersonQuery({ erased: false, everyone: true }),
    toPartner: visiblePersonQuery({ erased: false, everyone: false }),
  },
  orErased: {
    toAdmin: visiblePersonQuery({ erased: true, everyone: true }),
    toPartner: visiblePersonQuery({ erased: true, everyone: false }),
  },
};

/**
 * A person the caller may read; anyone else is the same 404 as nobody. With `erased`, an
 * erased person too, whose pairs' history still names them (by the placeholder, see
 * asSeenAfterErasure); every change and every list leaves them out.
 */
export async function findVisiblePerson(
  db: Kysely<Database>,
  caller: Caller,
  personId: string,
  { erased = false }: { erased?: boolean } = {},
) {
  const queries = erased ? VISIBLE_PERSON.orErased : VISIBLE_PERSON.live;
  // An admin's query has no use for the caller's id (a service token has none).
  const query = caller.isAdmin ? queries.toAdmin : queries.toPartner;
  const row = await query.first(db, { orgId: caller.orgId, personId, callerId: caller.personId ?? '' });
  if (!row) throw notFound('person');
  return row;
}

const emailTaken = () =>
  new Problem('conflict', 'Someone in the organisation already has this email', {
    issues: [{ path: ['email'], message: 'Already used, possibly by someone since removed' }],
  });

const subjectTaken = () =>
  new Problem('conflict', 'This identity-provider subject already belongs to someone', {
    issues: [{ path: ['externalId'], message: 'Already bound to another person' }],
  });

/**
 * Refuses an email already used in the organisation (by anyone, removed people too,
 * whose history keeps it), and an identity-provider subject bound to someone else.
 * A check only: two requests at once can both pass it, so the writes below also
 * let the unique indexes decide.
 */
export async function checkUnique(
  db: Kysely<Database>,
  orgId: string,
  fields: { email?: string | undefined; externalId?: string | null | undefined },
  exceptId: string | null,
) {
  let others = db.selectFrom('people').select('id');
  if (exceptId !== null) others = others.where('id', '!=', exceptId);
  if (fields.email !== undefined) {
    const holder = await others
      .where('orgId', '=', orgId)
      .where('email', '=', fields.email)
      .executeTakeFirst();
    if (holder) throw emailTaken();
  }
  // The subject is unique across organisations: one sign-in must resolve to one person.
  if (fields.externalId) {
    const holder = await others.where('externalId', '=', fields.externalId).executeTakeFirst();
    if (holder) throw subjectTaken();
  }
}

/**
 * The 409 for a unique index that refused a row (SQLite's SQLITE_CONSTRAINT_UNIQUE,
 * PostgreSQL's 23505), naming the field whose index it was; anything else is rethrown.
 * The failed statement ends the request's transaction, which is rolled back anyway.
 */
function conflictFrom(error: unknown): unknown {
  const { code, constraint, message } = (error ?? {}) as {
    code?: unknown;
    constraint?: unknown;
    message?: unknown;
  };
  if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== '23505') return error;
  const index = `${String(constraint ?? '')} ${String(message ?? '')}`;
  return index.includes('external_id') ? subjectTaken() : emailTaken();
}

/**
 * Stores a new person, letting the unique indexes decide between two requests at once.
 * A row conflicting on (org, email) is skipped, as routes/feedback does; an insert names
 * one conflict target only, so a violation of the partial index on externalId is caught
 * and answered with the same 409 as checkUnique's.
 */
export async function insertPerson(db: Kysely<Database>, values: NewRow<'people'>) {
  let inserted: InsertResult;
  try {
    inserted = await db
      .insertInto('people')
      .values(values)
      .onConflict((oc) => oc.columns(['orgId', 'email']).doNothing())
      .executeTakeFirst();
  } catch (error) {
    throw conflictFrom(error);
  }
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) throw emailTaken();
}

/** Adds a person to the organisation, the email in lower case (checkUnique and checkManager first). */
export async function addPerson(
  db: Kysely<Database>,
  orgId: string,
  body: z.output<typeof personCreateSchema>,
): Promise<Person> {
  const now = nowIso();
  const person = personSchema.parse({
    ...body,
    id: newId('person'),
    orgId,
    email: body.email.toLowerCase(),
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  await insertPerson(db, { id: person.id, orgId, createdAt: now, deletedAt: null, ...personColumns(person) });
  return person;
}

/**
 * Changes a person as read (see updateVersioned), the email in lower case. Sign-in binds
 * externalId without a new version, so the write also requires the externalId read: it can
 * neither undo a binding made meanwhile nor re-bind someone who has just signed in
 * (checkProtectedChanges saw them unbound). A unique index that refuses the change is a 409.
 */
export async function updatePerson(
  db: Kysely<Database>,
  row: Row<'people'>,
  photoHosts: readonly string[],
  changes: PersonUpdate,
): Promise<Person> {
  const current = toPerson(row, photoHosts);
  try {
    return await updateVersioned(db, 'people', {
      entity: 'person',
      schema: personSchema,
      current,
      patch: { ...changes, email: changes.email?.toLowerCase() ?? current.email },
      columns: personColumns,
      unchangedSince: (eb) =>
        row.externalId === null ? eb('externalId', 'is', null) : eb('externalId', '=', row.externalId),
    });
  } catch (error) {
    throw conflictFrom(error);
  }
}

/**
 * A manager is someone else in the organisation, and not one of the person's own
 * reports: a loop in the reporting line would make "never within one reporting line"
 * meaningless for matching.
 */
export async function checkManager(
  db: Kysely<Database>,
  orgId: string,
  personId: string | null,
  managerId: string,
) {
  const refuse = (message: string) =>
    new Problem('unprocessable', 'The manager must be someone else in this organisation', {
      issues: [{ path: ['managerId'], message }],
    });
  const manager = await db
    .selectFrom('people')
    .select(['id', 'managerId'])
    .where('id', '=', managerId)
    .where('orgId', '=', orgId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!manager) throw refuse('No person with that id in this organisation');
  const seen = new Set<string>();
  let current: string | null = manager.id;
  while (current !== null && !seen.has(current)) {
    if (current === personId) {
      throw refuse('Someone cannot be managed by themselves or by one of their own reports');
    }
    seen.add(current);
    const above: { managerId: string | null } | undefined = await db
      .selectFrom('people')
      .select('managerId')
      .where('id', '=', current)
      .executeTakeFirst();
    current = above?.managerId ?? null;
  }
}
