import { type Issue, newId, type Pair, type PairRole, type Program, pairSchema } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { nowIso, todayIso } from '../../db/json.js';
import type { Database } from '../../db/schema.js';
import { Problem } from '../../http/problem.js';
import { loadMatchGround, type MatchGround } from '../matching/match-ground.store.js';
import { scoreOf } from '../matching/match-input.js';
import { claimPairing } from '../programs/programs.store.js';
import { insertPairs } from './pairs.store.js';

/** One pair to make: by hand (any field) or from a published proposal (the two people only). */
export interface PairRequest {
  mentorId: string;
  menteeId: string;
  override?: boolean;
  topics?: string[];
  status?: 'proposed' | 'active';
  startedOn?: string | null;
}

type Side = 'mentorId' | 'menteeId';
const ROLE_OF: Record<Side, PairRole> = { mentorId: 'mentor', menteeId: 'mentee' };

/** Why someone's enrolment does not let them be paired in a role, or null when it does. */
function enrolmentProblem(ground: MatchGround, personId: string, role: PairRole): string | null {
  const enrollment = ground.enrollments.get(personId);
  if (!enrollment) return `Not enrolled in this program: enrol them as ${role}, or pair them by override`;
  if (enrollment.role !== role) return `Enrolled as ${enrollment.role}, not as ${role}`;
  if (enrollment.status !== 'accepted') {
    return `Their enrolment is ${enrollment.status}: only an accepted one can be paired`;
  }
  return null;
}

/**
 * Refuses a pair that breaks a rule, as it would be made after every pair already in
 * `ground`: both people of the organisation (422); never across a hard rule of matching,
 * that is one reporting line, an admin's ban, or one department when the program keeps them
 * apart (422); unless by override, both with an accepted enrolment in their role (422); a
 * mentee in one live pair of the program (409); unless by override, a mentor within
 * capacity (409). `at` says where each side sits in the request body.
 */
function checkPair(ground: MatchGround, request: PairRequest, at: (side: Side) => Issue['path']): void {
  const refuse = (code: 'conflict' | 'unprocessable', message: string, side: Side, issue: string) =>
    new Problem(code, message, { issues: [{ path: at(side), message: issue }] });
  for (const side of ['mentorId', 'menteeId'] as const) {
    if (!ground.people.has(request[side])) {
      throw refuse(
        'unprocessable',
        'Both people must belong to this organisation',
        side,
        'No person with that id',
      );
    }
  }
  const { forbidden } = scoreOf(ground, request.mentorId, request.menteeId);
  if (forbidden)
    throw refuse('unprocessable', `These two cannot be paired: ${forbidden.en}`, 'menteeId', forbidden.en);
  if (!request.override) {
    for (const side of ['mentorId', 'menteeId'] as const) {
      const problem = enrolmentProblem(ground, request[side], ROLE_OF[side]);
      if (problem) {
        throw refuse('unprocessable', 'A pair comes from accepted enrolments of its program', side, problem);
      }
    }
  }
  if (ground.livePairs.some((pair) => pair.menteeId === request.menteeId)) {
    throw refuse(
      'conflict',
      'A mentee is in one pair of a program at a time',
      'menteeId',
      'Already in a proposed, active or paused pair of this program',
    );
  }
  const capacity = ground.enrollments.get(request.mentorId)?.capacity ?? 1;
  const taken = ground.livePairs.filter((pair) => pair.mentorId === request.mentorId).length;
  if (!request.override && taken >= capacity) {
    throw refuse(
      'conflict',
      'A mentor takes as many pairs as their capacity, no more',
      'mentorId',
      `No place left: in ${taken} of ${capacity}`,
    );
  }
}

/**
 * Makes pairs of one program, all or none: each is checked (see checkPair) as if made after
 * those before it, scored by the program's weights, and stored as proposed, or as active
 * when an override says it runs already. Claims the program's pairing first, so a request
 * made at the same moment counts these before making its own.
 */
export async function makePairs(
  db: Kysely<Database>,
  program: Program,
  requests: readonly PairRequest[],
  at: (index: number, side: Side) => Issue['path'],
): Promise<Pair[]> {
  if (program.status === 'closed') {
    throw new Problem('conflict', 'A closed program takes no new pairs');
  }
  await claimPairing(db, program.id);
  const ground = await loadMatchGround(db, program);
  const now = nowIso();
  const pairs = requests.map((request, index) => {
    checkPair(ground, request, (side) => at(index, side));
    ground.livePairs.push({ mentorId: request.mentorId, menteeId: request.menteeId });
    const { score, reasons } = scoreOf(ground, request.mentorId, request.menteeId);
    const status = request.status ?? 'proposed';
    return pairSchema.parse({
      id: newId('pair'),
      orgId: program.orgId,
      programId: program.id,
      mentorId: request.mentorId,
      menteeId: request.menteeId,
      status,
      topics: request.topics ?? [],
      matchScore: score,
      matchReasons: reasons.slice(0, 10),
      menteeConsentedAt: null,
      charterAcceptedAt: { mentor: null, mentee: null },
      override: request.override ?? false,
      startedOn: request.startedOn ?? (status === 'active' ? todayIso() : null),
      resumedOn: null,
      endedOn: null,
      endedBy: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  });
  await insertPairs(db, pairs);
  return pairs;
}
