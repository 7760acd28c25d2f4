import { describe, expect, it } from 'vitest';
import type { Caller } from '../auth/caller.js';
import { addressesFor, addressesOf, mayReceive } from './audience.js';
import { type DomainEvent, domainEvent } from './event-bus.js';

const pair = { id: 'par_1', orgId: 'org_1', mentorId: 'per_mentor', menteeId: 'per_mentee' };
const person = (personId: string, isAdmin = false, orgId = 'org_1'): Caller => ({
  kind: 'person',
  orgId,
  personId,
  isAdmin,
});
const callers: Record<string, Caller> = {
  mentor: person('per_mentor'),
  mentee: person('per_mentee'),
  'the mentor, an admin too': person('per_mentor', true),
  'someone else': person('per_someone'),
  'an admin': person('per_admin', true),
  'a service token': { kind: 'service', orgId: 'org_1', personId: null, isAdmin: true, tokenId: 'tok_1' },
  "another organisation's admin": person('per_far', true, 'org_2'),
};
const sessionLogged = domainEvent('session.created', pair, { id: 'ses_1', version: 1 });
const pairChanged = domainEvent('pair.updated', pair, { id: pair.id, version: 2 });
const events: Record<string, DomainEvent> = {
  'a session logged': sessionLogged,
  'the pair changed': pairChanged,
  'an answer for the mentee alone': domainEvent(
    'feedback.updated',
    pair,
    { id: 'fbk_1' },
    { onlyFor: ['per_mentee'] },
  ),
};
const reaches = (caller: Caller, event: DomainEvent) =>
  addressesFor(caller).some((address) => addressesOf(event).includes(address));

describe('where an event is sent', () => {
  // Every stream, of every caller and pair filter, that may learn of an event.
  const told = Object.entries(callers).flatMap(([who, caller]) =>
    Object.entries(events).flatMap(([what, event]) =>
      [undefined, pair.id, 'par_other']
        .filter((pairId) => mayReceive(caller, event, pairId))
        .map((pairId) => ({ who, caller, what, event, pairId })),
    ),
  );

  it('has streams to tell of each event', () => {
    expect(new Set(told.map(({ what }) => what))).toEqual(new Set(Object.keys(events)));
  });

  it.each(told)('reaches the stream of $who, of pair $pairId, with $what', ({ caller, event }) => {
    expect(reaches(caller, event)).toBe(true);
  });

  it("wakes no stream of someone outside the pair, nor an admin's for what is not the pair's own", () => {
    const woken = (event: DomainEvent) =>
      Object.entries(callers)
        .filter(([, caller]) => reaches(caller, event))
        .map(([who]) => who);
    expect(woken(sessionLogged)).toEqual(['mentor', 'mentee', 'the mentor, an admin too']);
    expect(woken(pairChanged)).toEqual([
      'mentor',
      'mentee',
      'the mentor, an admin too',
      'an admin',
      'a service token',
    ]);
  });
});
