import { type Issue, type Locale, type Program, programSchema } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type { Caller } from '../../auth/caller.js';
import { fromJson, toJson } from '../../db/json.js';
import type { Database, Row } from '../../db/schema.js';
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

export function toProgram(row: Row<'programs'>): Program {
  return programSchema.parse({
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
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  });
}

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
    updatedAt: program.updatedAt,
    version: program.version,
  };
}

/**
 * A program the caller may see: any of the organisation's for an admin; for anyone
 * else, one past its draft (a draft is the admin's work in progress).
 */
export async function findVisibleProgram(db: Kysely<Database>, caller: Caller, programId: string) {
  const row = await db
    .selectFrom('programs')
    .selectAll()
    .where('id', '=', programId)
    .where('orgId', '=', caller.orgId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
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
