import { type Organization, organizationSchema } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { fromJson } from '../../db/json.js';
import type { Database, Row } from '../../db/schema.js';

export function toOrganization(row: Row<'organizations'>): Organization {
  return organizationSchema.parse({
    id: row.id,
    name: row.name,
    defaultLocale: row.defaultLocale,
    // Parsing fills in settings added since the row was written, with their defaults.
    settings: fromJson(row.settings),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  });
}

/** The caller's own organisation: it exists as long as the caller does. */
export function findOrganization(db: Kysely<Database>, orgId: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirstOrThrow();
}

/** The hosts the organisation allows photos from (see core's photoUrlAllowed). */
export async function photoHostsOf(db: Kysely<Database>, orgId: string): Promise<string[]> {
  return toOrganization(await findOrganization(db, orgId)).settings.photoHosts;
}
