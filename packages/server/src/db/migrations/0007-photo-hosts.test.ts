import { organizationSettingsSchema } from '@rm-kit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { migrate } from '../database.js';

const stored = { createdAt: '2026-01-02T09:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z', version: 1 };

describe.each(testDatabases())('migration 0007-photo-hosts on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('keeps the https photos a company shows by listing their hosts, and clears http ones', async () => {
    const storage = await older.at('0006-demo-signing-key');
    // biome-ignore lint/suspicious/noExplicitAny: the old schema, which the Database interface may no longer describe
    const old = storage.db as any;
    for (const [id, name] of [
      ['org_1', 'Contoso'],
      ['org_2', 'Fabrikam'],
    ]) {
      await old
        .insertInto('organizations')
        .values({ id, name, defaultLocale: 'en', settings: '{"minAggregateGroupSize":4}', ...stored })
        .execute();
    }
    const photos: [string, string, string | null, string | null][] = [
      ['per_1', 'org_1', 'https://photos.contoso.example/giulia.jpg', null],
      ['per_2', 'org_1', 'https://Photos.Contoso.Example:8443/roberto.jpg', null],
      ['per_3', 'org_1', 'https://cdn.contoso.example/helen.png', null],
      ['per_4', 'org_1', 'http://photos.contoso.example/luca.jpg', null],
      ['per_5', 'org_1', 'https://tracker.example/left.gif', '2026-01-03T09:00:00.000Z'],
      ['per_6', 'org_1', null, null],
      ['per_7', 'org_2', 'https://fabrikam.example/sam.jpg', null],
      ['per_8', 'org_2', 'https://[::1]/pat.jpg', null],
    ];
    for (const [id, orgId, photoUrl, deletedAt] of photos) {
      await old
        .insertInto('people')
        .values({
          id,
          orgId,
          externalId: `sub-${id}`,
          email: `${id}@example.com`,
          displayName: id,
          title: null,
          department: 'Operations',
          managerId: null,
          careerStage: 'mid',
          locale: 'en',
          languages: '["en"]',
          timeZone: 'Europe/Rome',
          photoUrl,
          isAdmin: 0,
          deletedAt,
          ...stored,
        })
        .execute();
    }

    await migrate(storage.db);

    const orgs = await storage.db.selectFrom('organizations').selectAll().orderBy('id').execute();
    // Parsed with core's schema, as the server reads them: what was stored is valid.
    const settings = orgs.map((org) => [
      organizationSettingsSchema.parse(JSON.parse(org.settings)),
      org.version,
    ]);
    expect(settings).toEqual([
      [{ minAggregateGroupSize: 4, photoHosts: ['cdn.contoso.example', 'photos.contoso.example'] }, 2],
      [{ minAggregateGroupSize: 4, photoHosts: ['fabrikam.example'] }, 2],
    ]);
    const people = await storage.db
      .selectFrom('people')
      .select(['id', 'photoUrl', 'version'])
      .orderBy('id')
      .execute();
    expect(people).toEqual([
      { id: 'per_1', photoUrl: 'https://photos.contoso.example/giulia.jpg', version: 1 },
      { id: 'per_2', photoUrl: 'https://Photos.Contoso.Example:8443/roberto.jpg', version: 1 },
      { id: 'per_3', photoUrl: 'https://cdn.contoso.example/helen.png', version: 1 },
      { id: 'per_4', photoUrl: null, version: 2 },
      { id: 'per_5', photoUrl: null, version: 2 },
      { id: 'per_6', photoUrl: null, version: 1 },
      { id: 'per_7', photoUrl: 'https://fabrikam.example/sam.jpg', version: 1 },
      { id: 'per_8', photoUrl: null, version: 2 },
    ]);
  });
});
