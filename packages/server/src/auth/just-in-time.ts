import { newId } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { compiledQuery } from '../db/compiled-queries.js';
import { nowIso, toFlag, toJson } from '../db/json.js';
import type { Database } from '../db/schema.js';
import { forbidden } from '../http/problem.js';
import type { Identity } from './identity.js';

export type SignedInPerson = { id: string; orgId: string; isAdmin: number };

const columns = ['id', 'orgId', 'isAdmin', 'externalId', 'email', 'displayName'] as const;

/** Read on every request with a person's token. */
const byExternalId = compiledQuery((db: Kysely<Database>, { externalId }: { externalId: string }) =>
  db.selectFrom('people').select(columns).where('externalId', '=', externalId).where('deletedAt', 'is', null),
);

export function findByExternalId(db: Kysely<Database>, externalId: string) {
  return byExternalId.first(db, { externalId });
}

/** A stored person as a token finds them. */
export type KnownPerson = NonNullable<Awaited<ReturnType<typeof findByExternalId>>>;

/**
 * Keeps name and email as the identity provider says them, so a renamed or re-addressed
 * colleague is shown rightly. Skipped when nothing changed (the common case, one read),
 * and an email someone else in the organisation has is left as it was. Says whether it wrote.
 */
export async function refreshProfile(
  db: Kysely<Database>,
  person: { id: string; email: string; displayName: string },
  identity: Identity,
): Promise<boolean> {
  const changes: { email?: string; displayName?: string } = {};
  if (identity.email && identity.email !== person.email) changes.email = identity.email;
  if (identity.displayName && identity.displayName !== person.displayName)
    changes.displayName = identity.displayName;
  if (Object.keys(changes).length === 0) return false;
  const update = (set: typeof changes) =>
    db
      .updateTable('people')
      .set((eb) => ({ ...set, updatedAt: nowIso(), version: eb('version', '+', 1) }))
      .where('id', '=', person.id)
      .execute();
  try {
    await update(changes);
  } catch {
    // The new email belongs to someone else here: keep the old one, take the new name.
    if (changes.displayName) await update({ displayName: changes.displayName });
  }
  return true;
}

/**
 * Adds someone on their first sign-in, from their token: they can then see and enrol in
 * open programs, and nothing more until they are paired. Their department, career stage
 * and languages are for an admin or the HR import to say; the token rarely knows them.
 */
export async function createOnSignIn(
  db: Kysely<Database>,
  orgId: string,
  identity: Identity,
): Promise<SignedInPerson> {
  if (!identity.email) {
    throw forbidden(
      'Your sign-in carries no email address, so you cannot be added here; ask the administrator to include the email claim',
    );
  }
  const organization = await db
    .selectFrom('organizations')
    .select('defaultLocale')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const now = nowIso();
  const person = {
    id: newId('person'),
    orgId,
    externalId: identity.externalId,
    email: identity.email,
    displayName: identity.displayName ?? identity.email.split('@')[0] ?? identity.email,
    title: identity.title,
    department: identity.department ?? '',
    managerId: null,
    careerStage: 'mid' as const,
    locale: organization.defaultLocale,
    languages: toJson([]),
    timeZone: 'UTC',
    photoUrl: null,
    isAdmin: toFlag(false),
    deletedAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const inserted = await db
    .insertInto('people')
    .values(person)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return person;
  // A widget's first requests arrive together: one of them added this person already.
  const added = await findByExternalId(db, identity.externalId);
  if (added) return added;
  throw forbidden(
    'Someone with your email address is already registered here but not linked to your sign-in; ask an admin to link the account',
  );
}
