import type { Caller } from '../auth/caller.js';
import type { DomainEvent } from './event-bus.js';

/** Who a stream is for, as far as its events go. */
export type Recipient = Pick<Caller, 'orgId' | 'personId' | 'isAdmin'>;

/**
 * Whether a caller may learn of an event: the pair's two members, and admins only of pairs
 * themselves. An event that names its audience (feedback: the author, and the partner only
 * once they may read the answer) narrows that to the people it names; it never widens it.
 */
export function mayReceive(caller: Recipient, event: DomainEvent, pairId: string | undefined): boolean {
  if (event.orgId !== caller.orgId) return false;
  if (pairId && event.pairId !== pairId) return false;
  if (event.onlyFor && !(caller.personId !== null && event.onlyFor.includes(caller.personId))) return false;
  if (caller.personId === event.mentorId || caller.personId === event.menteeId) return true;
  return caller.isAdmin && event.type.startsWith('pair.');
}

/**
 * Where an event is sent within a process: to the streams of its pair's two people, and of
 * its organisation's admins when it is the pair's own (`pair.*`). Every page with the kit
 * on it holds a stream open, so handing each event to every stream cost each write a wake-up
 * of every open page in the company, most of which may learn nothing of it. An address is a
 * wider net than mayReceive, never a narrower one: each stream still asks it.
 */
export function addressesOf(event: DomainEvent): string[] {
  const people = [`person:${event.mentorId}`, `person:${event.menteeId}`];
  return event.type.startsWith('pair.') ? [...people, `admins:${event.orgId}`] : people;
}

/** The addresses a caller's stream hears: their person's own, and their organisation's admins' if they are one. */
export function addressesFor(caller: Recipient): string[] {
  return [
    ...(caller.personId === null ? [] : [`person:${caller.personId}`]),
    ...(caller.isAdmin ? [`admins:${caller.orgId}`] : []),
  ];
}
