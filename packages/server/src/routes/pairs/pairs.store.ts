import { type Pair, pairSchema } from '@rm-kit/core';
import { fromFlag, fromJson, toFlag, toJson } from '../../db/json.js';
import type { NewRow, Row } from '../../db/schema.js';

export function toPair(row: Row<'pairs'>): Pair {
  return pairSchema.parse({
    id: row.id,
    orgId: row.orgId,
    programId: row.programId,
    mentorId: row.mentorId,
    menteeId: row.menteeId,
    status: row.status,
    topics: fromJson(row.topics),
    matchScore: row.matchScore,
    matchReasons: fromJson(row.matchReasons),
    menteeConsentedAt: row.menteeConsentedAt,
    charterAcceptedAt: { mentor: row.charterMentorAt, mentee: row.charterMenteeAt },
    override: fromFlag(row.override),
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    endedBy: row.endedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  });
}

/** The columns a pair's changes write. */
export function pairColumns(pair: Pair) {
  return {
    status: pair.status,
    topics: toJson(pair.topics),
    matchScore: pair.matchScore,
    matchReasons: toJson(pair.matchReasons),
    menteeConsentedAt: pair.menteeConsentedAt,
    charterMentorAt: pair.charterAcceptedAt.mentor,
    charterMenteeAt: pair.charterAcceptedAt.mentee,
    override: toFlag(pair.override),
    startedOn: pair.startedOn,
    endedOn: pair.endedOn,
    endedBy: pair.endedBy,
    updatedAt: pair.updatedAt,
    version: pair.version,
  };
}

/** A new pair as its row. */
export function pairRow(pair: Pair): NewRow<'pairs'> {
  return {
    id: pair.id,
    orgId: pair.orgId,
    programId: pair.programId,
    mentorId: pair.mentorId,
    menteeId: pair.menteeId,
    createdAt: pair.createdAt,
    deletedAt: null,
    ...pairColumns(pair),
  };
}
