import { type Pair, pairSchema } from '@rm-kit/core';
import { fromJson } from '../../db/json.js';
import type { Row } from '../../db/schema.js';

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
    charterAcceptedAt: { mentor: row.charterMentorAt, mentee: row.charterMenteeAt },
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  });
}
