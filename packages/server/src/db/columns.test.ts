import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGGREGATE_RELEASE_COLUMNS,
  ENROLLMENT_COLUMNS,
  FEEDBACK_COLUMNS,
  GOAL_COLUMNS,
  GOAL_TEMPLATE_COLUMNS,
  MATCH_CONSTRAINT_COLUMNS,
  NOTE_COLUMNS,
  ORGANIZATION_COLUMNS,
  PAIR_COLUMNS,
  PERSON_COLUMNS,
  PROGRAM_COLUMNS,
  SESSION_COLUMNS,
} from './columns.js';
import { migrate, openStorage, type Storage } from './database.js';

const named = {
  organizations: ORGANIZATION_COLUMNS,
  people: PERSON_COLUMNS,
  pairs: PAIR_COLUMNS,
  sessions: SESSION_COLUMNS,
  programs: PROGRAM_COLUMNS,
  goals: GOAL_COLUMNS,
  feedback: FEEDBACK_COLUMNS,
  private_notes: NOTE_COLUMNS,
  enrollments: ENROLLMENT_COLUMNS,
  match_constraints: MATCH_CONSTRAINT_COLUMNS,
  goal_templates: GOAL_TEMPLATE_COLUMNS,
  aggregate_releases: AGGREGATE_RELEASE_COLUMNS,
};

const snakeCase = (column: string) => column.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

describe('the columns named for the reads a page asks as it opens', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openStorage('sqlite::memory:');
    await migrate(storage.db);
  });
  afterAll(() => storage.close());

  // A column a migration adds and the list leaves out would be missing from every answer made from those reads.
  it.each(Object.entries(named))('are every column the migrations give %s', async (table, columns) => {
    const tables = await storage.db.introspection.getTables();
    const stored = tables.find((found) => found.name === table)?.columns.map((column) => column.name);
    expect(columns.map(snakeCase).sort()).toEqual(stored?.sort());
  });
});
