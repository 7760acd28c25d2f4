import type { Pair, Person } from '@rm-kit/core';

/** A program's pairs with the names of both sides: the mentor is the junior, the mentee the senior. */
export function pairsRows(pairs: readonly Pair[], people: readonly Person[]): unknown[][] {
  const byId = new Map(people.map((person) => [person.id, person]));
  return [
    [
      'pairId',
      'mentor (junior)',
      'mentorEmail',
      'mentee (senior)',
      'menteeEmail',
      'status',
      'proposedAt',
      'startedOn',
      'endedOn',
      'matchScore',
    ],
    ...pairs.map((pair) => [
      pair.id,
      byId.get(pair.mentorId)?.displayName,
      byId.get(pair.mentorId)?.email,
      byId.get(pair.menteeId)?.displayName,
      byId.get(pair.menteeId)?.email,
      pair.status,
      pair.createdAt,
      pair.startedOn,
      pair.endedOn,
      pair.matchScore,
    ]),
  ];
}
