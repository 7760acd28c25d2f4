import { type Organization, type OrganizationUpdate, organizationSchema } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { ORGANIZATION_COLUMNS } from '../../db/columns.js';
import { compiledQuery } from '../../db/compiled-queries.js';
import { fromJson, toJson } from '../../db/json.js';
import { parsedOnce } from '../../db/parsed-once.js';
import type { Database, Row } from '../../db/schema.js';
import { updateVersioned } from '../../db/update-versioned.js';

export const toOrganization = parsedOnce(
  (row: Row<'organizations'>): Organization =>
    organizationSchema.parse({
      id: row.id,
      name: row.name,
      defaultLocale: row.defaultLocale,
      // Parsing fills in settings added since the row was written, with their defaults.
      settings: fromJson(row.settings),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
    }),
);

/** Read by every answer that shows a person (its photo hosts) and by every page's `GET /v1/me`. */
const organizationById = compiledQuery((db: Kysely<Database>, { orgId }: { orgId: string }) =>
  db.selectFrom('organizations').select(ORGANIZATION_COLUMNS).where('id', '=', orgId),
);

/** The caller's own organisation: it exists as long as the caller does. */
export async function findOrganization(db: Kysely<Database>, orgId: string): Promise<Row<'organizations'>> {
  const row = await organizationById.first(db, { orgId });
  if (!row) throw new Error(`No organisation ${orgId}`);
  return row;
}

/** The hosts the organisation allows photos from (see core's photoUrlAllowed). */
export async function photoHostsOf(db: Kysely<Database>, orgId: string): Promise<string[]> {
  return toOrganization(await findOrganization(db, orgId)).settings.photoHosts;
}

/** Changes the organisation as read (see updateVersioned); settings left out keep their value. */
export function updateOrganization(
  db: Kysely<Database>,
  row: Row<'organizations'>,
  changes: OrganizationUpdate,
) {
  const current = toOrganization(row);
  const { settings, ...rest } = changes;
  return updateVersioned(db, 'organizations', {
    entity: 'organisation',
    schema: organizationSchema,
    current,
    patch: { ...rest, settings: { ...current.settings, ...settings } },
    columns: (organization) => ({
      name: organization.name,
      defaultLocale: organization.defaultLocale,
      settings: toJson(organization.settings),
    }),
  });
}
