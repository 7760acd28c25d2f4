import {
  type Issue,
  type List,
  type Locale,
  type Program,
  type ProgramStatus,
  type programListQuerySchema,
  programSchema,
} from '@rm-kit/core';
import { type Kysely, sql } from 'kysely';
import type * as z from 'zod';
import type { Caller } from '../../auth/caller.js';
import { PROGRAM_COLUMNS } from '../../db/columns.js';
import { compiledQuery } from '../../db/compiled-queries.js';
import { fromJson, toJson } from '../../db/json.js';
import { parsedOnce } from '../../db/parsed-once.js';
import type { Database, NewRow, Row } from '../../db/schema.js';
import { updateVersioned } from '../../db/update-versioned.js';
import { type CursorPosition, readPage } from '../../http/pagination.js';
import { notFound, Problem } from '../../http/problem.js';

/**
 * Pairs, enrolments and goals work within what their program teaches, so each topic they
 * name must be one the program offers. `pathOf` says where a topic sits in the request
 * body, for the 422's issue.
 */
export function checkOfferedTopics(
  program: Pick<Row<'programs'>, 'topics'>,
  topics: readonly string[],
  pathOf: (index: number) => Issue['path'] = (index) => ['topics', index],
) {
  const offered = new Set(fromJson<string[]>(program.topics));
  topics.forEach((topic, i) => {
    if (!offered.has(topic)) {
      throw new Problem('unprocessable', 'The program does not offer that topic', {
        issues: [{ path: pathOf(i), message: `"${topic}" is not one of the program's topics` }],
      });
    }
  });
}

export const toProgram = parsedOnce(
  (row: Row<'programs'>): Program =>
    programSchema.parse({
      id: row.id,
      orgId: row.orgId,
      name: row.name,
      description: row.description,
      topics: fromJson(row.topics),
      customTopics: fromJson(row.customTopics),
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      cadenceDays: row.cadenceDays,
      sessionMinutes: row.sessionMinutes,
      status: row.status,
      charter: fromJson(row.charter),
      matching: fromJson(row.matching),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
    }),
);

/** The columns written when a program is created or changed. */
export function programColumns(program: Program) {
  return {
    name: program.name,
    description: program.description,
    topics: toJson(program.topics),
    customTopics: toJson(program.customTopics),
    startsOn: program.startsOn,
    endsOn: program.endsOn,
    cadenceDays: program.cadenceDays,
    sessionMinutes: program.sessionMinutes,
    status: program.status,
    charter: toJson(program.charter),
    matching: toJson(program.matching),
    updatedAt: program.updatedAt,
    version: program.version,
  };
}

/** A new program as its row. */
export function programRow(program: Program): NewRow<'programs'> {
  return {
    id: program.id,
    orgId: program.orgId,
    createdAt: program.createdAt,
    deletedAt: null,
    ...programColumns(program),
  };
}

/** An organisation's programs, oldest first (ids sort by creation time). */
const programsOf = (db: Kysely<Database>, { orgId, rows }: { orgId: string; rows: number }) =>
  db
    .selectFrom('programs')
    .select(PROGRAM_COLUMNS)
    .where('orgId', '=', orgId)
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .limit(rows);

/**
 * The first pages most asked, compiled once (see compiledQuery): every program, as an admin's
 * page opens; those of one status past their draft, as everyone's enrolment form opens.
 */
const firstPrograms = compiledQuery(programsOf);
const firstOpenWithStatus = compiledQuery(
  (db: Kysely<Database>, { orgId, rows, status }: { orgId: string; rows: number; status: ProgramStatus }) =>
    programsOf(db, { orgId, rows }).where('status', '!=', 'draft').where('status', '=', status),
);

/** One page of the programs a caller may see (drafts only for admins). */
export function listPrograms(
  db: Kysely<Database>,
  caller: Caller,
  { status, ...page }: z.output<typeof programListQuerySchema>,
): Promise<List<Program>> {
  const read = (after: CursorPosition | null, rows: number) => {
    const values = { orgId: caller.orgId, rows };
    if (!after && !status && caller.isAdmin) return firstPrograms.all(db, values);
    if (!after && status && !caller.isAdmin) return firstOpenWithStatus.all(db, { ...values, status });
    let select = programsOf(db, values);
    if (!caller.isAdmin) select = select.where('status', '!=', 'draft');
    if (status) select = select.where('status', '=', status);
    if (after) select = select.where('id', '>', after.id);
    return select.execute();
  };
  return readPage(page, read, toProgram);
}

export async function insertProgram(db: Kysely<Database>, program: Program): Promise<void> {
  await db.insertInto('programs').values(programRow(program)).execute();
}

/** Changes a program as read (see updateVersioned); `patch` holds its charter and matching as stored. */
export function updateProgram(db: Kysely<Database>, current: Program, patch: Partial<Program>) {
  return updateVersioned(db, 'programs', {
    entity: 'program',
    schema: programSchema,
    current,
    patch,
    columns: programColumns,
  });
}

/**
 * Makes the pairs of one program one at a time: the rules that count a program's pairs (a
 * mentee in one at most, a mentor up to capacity) hold only if two requests cannot both
 * count before either has written. Updating the program's row to itself takes its row lock
 * on PostgreSQL until the transaction ends, so a second request waits here and then counts
 * what the first wrote; SQLite runs one write transaction at a time anyway.
 */
export async function claimPairing(db: Kysely<Database>, programId: string): Promise<void> {
  await db.updateTable('programs').set({ version: sql`version` }).where('id', '=', programId).execute();
}

/** Read by every page about a pair (its program's topics and charter) and by each of an admin's programs. */
const programById = compiledQuery(
  (db: Kysely<Database>, { programId, orgId }: { programId: string; orgId: string }) =>
    db
      .selectFrom('programs')
      .select(PROGRAM_COLUMNS)
      .where('id', '=', programId)
      .where('orgId', '=', orgId)
      .where('deletedAt', 'is', null),
);

/**
 * A program the caller may see: any of the organisation's for an admin; for anyone
 * else, one past its draft (a draft is the admin's work in progress).
 */
export async function findVisibleProgram(db: Kysely<Database>, caller: Caller, programId: string) {
  const row = await programById.first(db, { programId, orgId: caller.orgId });
  if (!row || (!caller.isAdmin && row.status === 'draft')) throw notFound('program');
  return row;
}

/** The organisation's default locale: the language a charter given as one plain text is filed under. */
export async function organizationLocale(db: Kysely<Database>, orgId: string): Promise<Locale> {
  const row = await db
    .selectFrom('organizations')
    .select('defaultLocale')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return row.defaultLocale;
}
