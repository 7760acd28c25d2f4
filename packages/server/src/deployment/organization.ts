import { type Locale, organizationSettingsSchema } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { nowIso, toJson } from '../db/json.js';
import type { Database } from '../db/schema.js';

/**
 * The id of the organisation a deployment creates for itself. Fixed, so that two processes
 * starting at once on one empty PostgreSQL database create it once between them.
 */
export const DEPLOYMENT_ORG_ID = 'org_00000000000000000000000001';

export type DeploymentOrganization =
  | { orgId: string; created: boolean }
  | { orgId: null; reason: 'name-missing' | 'ambiguous' };

/**
 * The organisation people join on their first sign-in: the only one there is, created from
 * RMKIT_ORG_NAME on a database that has none; of several (made by other means), the one
 * RMKIT_ORG_NAME names.
 */
export async function deploymentOrganization(
  db: Kysely<Database>,
  name: string | undefined,
  locale: Locale,
): Promise<DeploymentOrganization> {
  const existing = await db.selectFrom('organizations').select(['id', 'name']).execute();
  if (existing.length === 1 && existing[0]) return { orgId: existing[0].id, created: false };
  if (existing.length > 1) {
    const named = existing.filter((org) => org.name === name);
    return named.length === 1 && named[0]
      ? { orgId: named[0].id, created: false }
      : { orgId: null, reason: 'ambiguous' };
  }
  if (!name) return { orgId: null, reason: 'name-missing' };
  const now = nowIso();
  const inserted = await db
    .insertInto('organizations')
    .values({
      id: DEPLOYMENT_ORG_ID,
      name,
      defaultLocale: locale,
      settings: toJson(organizationSettingsSchema.parse({})),
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return { orgId: DEPLOYMENT_ORG_ID, created: inserted.numInsertedOrUpdatedRows === 1n };
}
