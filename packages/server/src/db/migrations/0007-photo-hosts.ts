import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/**
 * What `settings.photoHosts` accepted when this migration was written, fixed here as it was
 * (as 0003 fixes its locales): a later change to core's schema must not change what an
 * upgrade from 0006 does.
 */
const PHOTO_HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const MAX_PHOTO_HOSTS = 100;

/** The host of an https photo URL that the settings can list, else null (http, or a host such as `[::1]`). */
function listableHost(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && PHOTO_HOST.test(hostname) ? hostname : null;
  } catch {
    return null;
  }
}

/**
 * Photos only over https and only from the hosts an organisation allows
 * (`settings.photoHosts`, issue 10): any other URL was a tracking beacon on every partner who
 * looked at the profile. So that an upgrade keeps the photos a company already shows, the
 * hosts of its people's https photos become its list (live people's only: a removed person's
 * photo is no reason to trust a host). Every photo the new list does not allow is cleared:
 * http ones, a removed person's on a host nobody else uses, and, past the list's 100 hosts
 * (the most used are kept), the rest. Each row changed gets a new version, so an ETag held
 * from before does not overwrite it.
 */
export async function up(db: Db): Promise<void> {
  const now = new Date().toISOString();
  const people: { id: string; orgId: string; photoUrl: string; deletedAt: string | null }[] = await db
    .selectFrom('people')
    .select(['id', 'org_id as orgId', 'photo_url as photoUrl', 'deleted_at as deletedAt'])
    .where('photo_url', 'is not', null)
    .execute();

  const photosPerHost = new Map<string, Map<string, number>>();
  for (const person of people) {
    const host = listableHost(person.photoUrl);
    if (person.deletedAt !== null || host === null) continue;
    const counts = photosPerHost.get(person.orgId) ?? new Map<string, number>();
    counts.set(host, (counts.get(host) ?? 0) + 1);
    photosPerHost.set(person.orgId, counts);
  }

  const allowed = new Map<string, string[]>();
  for (const [orgId, counts] of photosPerHost) {
    const hosts = [...counts]
      .sort(([hostA, photosA], [hostB, photosB]) => photosB - photosA || (hostA < hostB ? -1 : 1))
      .slice(0, MAX_PHOTO_HOSTS)
      .map(([host]) => host)
      .sort();
    const org: { settings: string } = await db
      .selectFrom('organizations')
      .select('settings')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('organizations')
      .set((eb) => ({
        settings: JSON.stringify({ ...JSON.parse(org.settings), photoHosts: hosts }),
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', orgId)
      .execute();
    allowed.set(orgId, hosts);
  }

  for (const person of people) {
    const host = listableHost(person.photoUrl);
    if (host !== null && allowed.get(person.orgId)?.includes(host)) continue;
    await db
      .updateTable('people')
      .set((eb) => ({ photo_url: null, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', person.id)
      .execute();
  }
}

/** Back to no list; the photos cleared on the way up stay cleared, as nothing kept them. */
export async function down(db: Db): Promise<void> {
  const orgs: { id: string; settings: string }[] = await db
    .selectFrom('organizations')
    .select(['id', 'settings'])
    .execute();
  for (const org of orgs) {
    const { photoHosts: _dropped, ...settings } = JSON.parse(org.settings) as Record<string, unknown>;
    await db
      .updateTable('organizations')
      .set({ settings: JSON.stringify(settings) })
      .where('id', '=', org.id)
      .execute();
  }
}
