import {
  type GoalTemplate,
  type GoalTemplateCreate,
  type GoalTemplateUpdate,
  type goalTemplateListQuerySchema,
  goalTemplateSchema,
  type List,
  newId,
} from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type * as z from 'zod';
import { GOAL_TEMPLATE_COLUMNS } from '../../db/columns.js';
import { compiledQuery } from '../../db/compiled-queries.js';
import { fromJson, nowIso, toJson } from '../../db/json.js';
import { parsedOnce } from '../../db/parsed-once.js';
import type { Database, Row } from '../../db/schema.js';
import { updateVersioned } from '../../db/update-versioned.js';
import { type CursorPosition, readPage } from '../../http/pagination.js';
import { notFound } from '../../http/problem.js';
import { checkOfferedTopics } from '../programs/programs.store.js';

export const toGoalTemplate = parsedOnce(
  (row: Row<'goalTemplates'>): GoalTemplate =>
    goalTemplateSchema.parse({
      id: row.id,
      orgId: row.orgId,
      programId: row.programId,
      title: fromJson(row.title),
      topic: row.topic,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
    }),
);

function templateColumns(template: GoalTemplate) {
  return {
    title: toJson(template.title),
    topic: template.topic,
    updatedAt: template.updatedAt,
    version: template.version,
  };
}

/** A template's topic must be one its program offers, as a goal's must (422 otherwise). */
export async function checkTemplateTopic(db: Kysely<Database>, programId: string, topic: string | null) {
  if (topic === null) return;
  const program = await db
    .selectFrom('programs')
    .select('topics')
    .where('id', '=', programId)
    .executeTakeFirstOrThrow();
  checkOfferedTopics(program, [topic], () => ['topic']);
}

export async function insertGoalTemplate(
  db: Kysely<Database>,
  program: { id: string; orgId: string },
  body: Required<GoalTemplateCreate>,
): Promise<GoalTemplate> {
  const now = nowIso();
  const template = goalTemplateSchema.parse({
    id: newId('goalTemplate'),
    orgId: program.orgId,
    programId: program.id,
    title: body.title,
    topic: body.topic,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  await db
    .insertInto('goalTemplates')
    .values({
      id: template.id,
      orgId: template.orgId,
      programId: template.programId,
      createdAt: now,
      deletedAt: null,
      ...templateColumns(template),
    })
    .execute();
  return template;
}

/** One page of a program's templates, oldest first, of one topic when asked. */
/** A program's templates, in the order they were added. */
const templatesOf = (
  db: Kysely<Database>,
  { programId, orgId, rows }: { programId: string; orgId: string; rows: number },
) =>
  db
    .selectFrom('goalTemplates')
    .select(GOAL_TEMPLATE_COLUMNS)
    .where('programId', '=', programId)
    .where('orgId', '=', orgId)
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .limit(rows);

/** Their first page, which a pair's goal list reads as it opens: compiled once (see compiledQuery). */
const firstTemplatesOf = compiledQuery(templatesOf);

export function listGoalTemplates(
  db: Kysely<Database>,
  program: { id: string; orgId: string },
  { topic, ...page }: z.output<typeof goalTemplateListQuerySchema>,
): Promise<List<GoalTemplate>> {
  const read = (after: CursorPosition | null, rows: number) => {
    const values = { programId: program.id, orgId: program.orgId, rows };
    if (!topic && !after) return firstTemplatesOf.all(db, values);
    let query = templatesOf(db, values);
    if (topic) query = query.where('topic', '=', topic);
    if (after) query = query.where('id', '>', after.id);
    return query.execute();
  };
  return readPage(page, read, toGoalTemplate);
}

/** A template of the caller's organisation; any other id is the 404 of one that does not exist. */
export async function findGoalTemplate(db: Kysely<Database>, orgId: string, templateId: string) {
  const row = await db
    .selectFrom('goalTemplates')
    .select(GOAL_TEMPLATE_COLUMNS)
    .where('id', '=', templateId)
    .where('orgId', '=', orgId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('goal template');
  return row;
}

/** Changes a template as read (see updateVersioned); a title changes only the languages given. */
export function updateGoalTemplate(
  db: Kysely<Database>,
  row: Row<'goalTemplates'>,
  changes: GoalTemplateUpdate,
) {
  const current = toGoalTemplate(row);
  return updateVersioned(db, 'goalTemplates', {
    entity: 'goal template',
    schema: goalTemplateSchema,
    current,
    patch: {
      ...(changes.topic === undefined ? {} : { topic: changes.topic }),
      ...(changes.title ? { title: { ...current.title, ...changes.title } } : {}),
    },
    columns: templateColumns,
  });
}
