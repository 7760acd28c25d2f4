import type { Kysely } from 'kysely';
import { fromFlag } from '../../db/json.js';
import type { Database } from '../../db/schema.js';

/** A seeded person as the demo page's "view as" picker lists them. */
interface DemoPerson {
  id: string;
  email: string;
  name: string;
  title: string | null;
  careerStage: string;
  roles: string[];
  pairIds: string[];
}

/** Everyone not removed, by name, with the roles they hold and the pairs they are in. */
export async function demoPeople(db: Kysely<Database>): Promise<DemoPerson[]> {
  const rows = await db
    .selectFrom('people')
    .leftJoin('pairs as mentoring', (join) =>
      join.onRef('mentoring.mentorId', '=', 'people.id').on('mentoring.deletedAt', 'is', null),
    )
    .leftJoin('pairs as mentored', (join) =>
      join.onRef('mentored.menteeId', '=', 'people.id').on('mentored.deletedAt', 'is', null),
    )
    .select([
      'people.id',
      'people.email',
      'people.displayName',
      'people.title',
      'people.careerStage',
      'people.isAdmin',
      'mentoring.id as mentorOf',
      'mentored.id as menteeOf',
    ])
    .where('people.deletedAt', 'is', null)
    .orderBy('people.displayName')
    .execute();
  const byId = new Map<string, DemoPerson>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? {
      id: row.id,
      email: row.email,
      name: row.displayName,
      title: row.title,
      careerStage: row.careerStage,
      roles: fromFlag(row.isAdmin) ? ['admin'] : [],
      pairIds: [],
    };
    if (row.mentorOf && !entry.pairIds.includes(row.mentorOf)) {
      entry.pairIds.push(row.mentorOf);
      if (!entry.roles.includes('mentor')) entry.roles.push('mentor');
    }
    if (row.menteeOf && !entry.pairIds.includes(row.menteeOf)) {
      entry.pairIds.push(row.menteeOf);
      if (!entry.roles.includes('mentee')) entry.roles.push('mentee');
    }
    byId.set(row.id, entry);
  }
  return [...byId.values()];
}

/** A seeded person by email, for a demo token. */
export function findDemoPerson(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('people')
    .select(['id', 'email', 'displayName', 'externalId'])
    .where('email', '=', email.toLowerCase())
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
}
