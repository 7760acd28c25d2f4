import { FORMER_PARTICIPANT, type PersonErasure, personErasureSchema } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { nowIso, toFlag, toJson } from '../../db/json.js';
import type { Database, Row } from '../../db/schema.js';
import { notFound } from '../../http/problem.js';
import { revokeFeedsOfPerson } from '../calendar/calendar.store.js';
import { clearMotivations } from '../enrollments/enrollments.store.js';
import { clearAnswerTexts } from '../feedback/feedback.store.js';
import { deleteNotesByAuthor } from '../notes/notes.store.js';

/**
 * Anyone of the organisation by id, removed and erased people too: an access request or
 * an erasure is owed to someone who has left as much as to someone still here.
 */
export async function findPersonOfOrg(db: Kysely<Database>, orgId: string, personId: string) {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('id', '=', personId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  if (!row) throw notFound('person');
  return row;
}

/**
 * The address an erased person keeps: the column is required and unique in the
 * organisation, and the reserved `.invalid` domain can never reach anyone.
 */
export function erasedEmail(personId: string) {
  return `erased.${personId.toLowerCase()}@erased.invalid`;
}

/**
 * Erases a person (see docs/security.md, "A person's own data"), in the request's
 * transaction: their identity goes (name, email, sign-in subject, title, photo, manager,
 * languages, admin rights; they are removed, so they can neither sign in nor be found),
 * their notes are deleted, the free text of their answers and enrolments is emptied and
 * no answer of theirs stays shared. Their pairs, sessions, goals and ratings stay, under
 * the placeholder name, so the other person's history and every aggregate stay whole.
 * A person already erased is answered as they were, and nothing is written.
 */
export async function erasePerson(
  db: Kysely<Database>,
  row: Row<'people'>,
  by: string,
): Promise<PersonErasure> {
  if (row.erasedAt !== null && row.erasedBy !== null) {
    return personErasureSchema.parse({
      personId: row.id,
      erasedAt: row.erasedAt,
      erasedBy: row.erasedBy,
      removed: { privateNotes: 0, feedbackTexts: 0, enrollmentMotivations: 0 },
    });
  }
  const now = nowIso();
  const privateNotes = await deleteNotesByAuthor(db, row.orgId, row.id);
  const feedbackTexts = await clearAnswerTexts(db, row.orgId, row.id, now);
  const enrollmentMotivations = await clearMotivations(db, row.orgId, row.id, now);
  // Answers replayed for their keys hold what the person wrote: they go with the rest.
  await db.deleteFrom('idempotencyKeys').where('scope', '=', row.id).execute();
  await revokeFeedsOfPerson(db, row.orgId, row.id);
  const erased = await db
    .updateTable('people')
    .set((eb) => ({
      externalId: null,
      email: erasedEmail(row.id),
      displayName: FORMER_PARTICIPANT.en,
      title: null,
      managerId: null,
      languages: toJson([]),
      photoUrl: null,
      isAdmin: toFlag(false),
      deletedAt: row.deletedAt ?? now,
      erasedAt: now,
      erasedBy: by,
      updatedAt: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', row.id)
    .where('erasedAt', 'is', null)
    .executeTakeFirst();
  // Erased meanwhile by a request that committed first: its record is the one.
  if (Number(erased.numUpdatedRows) !== 1) {
    return erasePerson(db, await findPersonOfOrg(db, row.orgId, row.id), by);
  }
  return personErasureSchema.parse({
    personId: row.id,
    erasedAt: now,
    erasedBy: by,
    removed: { privateNotes, feedbackTexts, enrollmentMotivations },
  });
}
