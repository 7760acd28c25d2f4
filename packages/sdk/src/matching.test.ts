import type { Pair } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RmClient } from './client.js';
import { RmConflictError, RmForbiddenError, RmValidationError } from './errors.js';
import { memoryStore } from './store.js';
import { demoServer, demoToken, type RmServerProcess } from './test-support/server.js';

const ADMIN = 'chiara.ferri@contoso.example';
/** The demo's proposed pair: Tom Bennett (mentor) and Elena Moretti (mentee), in Digital Bridge. */
const TOM = 'tom.bennett@contoso.example';
const ELENA = 'elena.moretti@contoso.example';

describe('matching and consent through the SDK, against the reference server', () => {
  let server: RmServerProcess;
  const clients: RmClient[] = [];
  const as = async (email: string) => {
    const client = createClient({
      baseUrl: server.url,
      token: await demoToken(server.url, email),
      store: memoryStore(),
      syncIntervalMs: 0,
    });
    clients.push(client);
    return client;
  };
  let admin: RmClient;
  let greenLeaders: string;

  beforeAll(async () => {
    server = await demoServer();
    admin = await as(ADMIN);
    const programs = await admin.programs.page({ status: 'enrolling' });
    greenLeaders = programs.items[0]?.id ?? '';
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.stop();
  });

  it('proposes pairs for the enrolling program, with reasons in both languages and someone left out', async () => {
    const set = await admin.matching.proposals(greenLeaders);
    expect(set.programId).toBe(greenLeaders);
    expect(set.proposals.length).toBeGreaterThan(0);
    for (const proposal of set.proposals) {
      expect(proposal.reasons.every((r) => r.en.length > 0 && r.it.length > 0)).toBe(true);
    }
    expect(set.unmatched.length).toBeGreaterThan(0);
    const named = new Set(set.people.map((p) => p.id));
    for (const { mentorId, menteeId } of set.proposals) {
      expect(named.has(mentorId) && named.has(menteeId)).toBe(true);
    }
  });

  it('names the refused pair of a publish in the 409, and makes none of them', async () => {
    const [first] = (await admin.matching.proposals(greenLeaders)).proposals;
    if (!first) throw new Error('no proposal');
    const good = { mentorId: first.mentorId, menteeId: first.menteeId };
    // The same mentee a second time: the pair at index 1 breaks one pair per mentee.
    const error = await admin.matching.publish(greenLeaders, [good, good]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RmConflictError);
    expect((error as RmConflictError).issues.map((i) => i.path.join('.'))).toEqual(['pairs.1.menteeId']);
    expect((await admin.pairs.page({ programId: greenLeaders })).items).toEqual([]);
    expect(await admin.pendingWrites()).toEqual([]);
  });

  it('pins a proposal, lists and removes the pin, and publishes the proposals as proposed pairs', async () => {
    const [first] = (await admin.matching.proposals(greenLeaders)).proposals;
    if (!first) throw new Error('no proposal');
    const pin = await admin.matching.constraints.create(greenLeaders, {
      mentorId: first.mentorId,
      menteeId: first.menteeId,
      kind: 'pin',
    });
    if (pin.pending) throw new Error('queued');
    expect(pin).toMatchObject({ kind: 'pin', programId: greenLeaders });
    const pinned = (await admin.matching.proposals(greenLeaders)).proposals.find(
      (p) => p.menteeId === first.menteeId,
    );
    expect(pinned).toMatchObject({ mentorId: first.mentorId, pinned: true });
    const listed = [];
    for await (const constraint of admin.matching.constraints.list(greenLeaders)) listed.push(constraint.id);
    expect(listed).toEqual([pin.id]);
    expect(await admin.matching.constraints.remove(pin)).toBeUndefined();
    expect((await admin.matching.constraints.page(greenLeaders)).items).toEqual([]);

    const pairs = (await admin.matching.proposals(greenLeaders)).proposals.map(({ mentorId, menteeId }) => ({
      mentorId,
      menteeId,
    }));
    const published = await admin.matching.publish(greenLeaders, pairs);
    if (published.pending) throw new Error('queued');
    expect(published.items.map((p) => [p.mentorId, p.menteeId, p.status])).toEqual(
      pairs.map((p) => [p.mentorId, p.menteeId, 'proposed']),
    );
    expect(published.items.every((p) => p.matchScore !== null && p.matchReasons.length > 0)).toBe(true);
    expect((await admin.matching.proposals(greenLeaders)).proposals).toEqual([]);

    // Publishing one of them again breaks the one-pair-per-mentee rule, at pairs.0.
    const again = await admin.matching.publish(greenLeaders, pairs.slice(0, 1)).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(RmConflictError);
    expect(await admin.pendingWrites()).toEqual([]);
  });

  it('refuses a malformed publish with the field paths, queueing nothing', async () => {
    const error = await admin.matching.publish(greenLeaders, []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RmValidationError);
    expect((error as RmValidationError).issues.map((i) => i.path.join('.'))).toEqual(['pairs']);
    expect(await admin.pendingWrites()).toEqual([]);
  });

  it('takes the mentee’s consent, refuses the mentor’s, and lets either leave without saying so to the other', async () => {
    const elena = await as(ELENA);
    const tom = await as(TOM);
    const proposed = (await elena.me.get()).pairs.find((p) => p.status === 'proposed');
    if (!proposed) throw new Error('the demo has no proposed pair for Elena');

    await expect(tom.pairs.consent(proposed)).rejects.toBeInstanceOf(RmForbiddenError);
    const consented = (await elena.pairs.consent(proposed)) as Pair;
    expect(consented).toMatchObject({ status: 'proposed', menteeConsentedAt: expect.any(String) });

    const left = (await tom.pairs.decline(consented)) as Pair;
    expect(left).toMatchObject({ status: 'dissolved', endedBy: 'mentor' });
    expect(await elena.pairs.get(proposed.id)).toMatchObject({ status: 'dissolved', endedBy: null });
    expect(await admin.pairs.get(proposed.id)).toMatchObject({ endedBy: 'mentor' });
    await expect(elena.pairs.decline(proposed)).rejects.toBeInstanceOf(RmConflictError);
  });
});
