import type { PairRole } from '@rm-kit/core';
import { type MatchCandidate, scorePair } from '@rm-kit/core/matching';
import { RmConflictError, RmValidationError } from '@rm-kit/sdk/errors';
import type { LocalizeController } from '../base/localize.js';
import type { MatchBoardKey } from './match-board.strings.js';
import type { BoardView } from './match-board-data.js';
import { nameOf } from './match-people.js';
import type { MatchRoundsKey } from './match-rounds.strings.js';

type Localize = LocalizeController<MatchBoardKey | MatchRoundsKey>;
type Two = { mentorId: string; menteeId: string };

/** One side as matching sees it: their application, or nothing known for someone not enrolled. */
function candidate(view: BoardView, personId: string, role: PairRole): MatchCandidate {
  const enrollment = view.enrollments.find((e) => e.personId === personId && e.role === role);
  return {
    personId,
    role,
    department: view.people.get(personId)?.department ?? '',
    topics: enrollment?.topics ?? [],
    languages: enrollment?.languages ?? [],
    availability: enrollment?.availability ?? [],
    capacity: enrollment?.capacity ?? 1,
  };
}

/**
 * Why two people may never be paired (one reporting line, one department when the program
 * keeps departments apart, an admin's ban), by core's own rule, the one the server applies;
 * null when they may.
 */
function forbidden(view: BoardView, pair: Two) {
  const managerOf = Object.fromEntries([...view.people.values()].map((p) => [p.id, p.managerId]));
  const bans = view.constraints.filter((c) => c.kind === 'ban');
  return scorePair(
    {
      mentors: [candidate(view, pair.mentorId, 'mentor')],
      mentees: [candidate(view, pair.menteeId, 'mentee')],
      managerOf,
      weights: view.program.matching.weights,
      separateDepartments: view.program.matching.separateDepartments,
      pins: [],
      bans,
    },
    pair.mentorId,
    pair.menteeId,
  ).forbidden;
}

/**
 * Why the server refused to pair a mentor and a mentee (by hand, or in a publish), in the
 * board's words: the server's own messages are English only. The refusal's status says
 * which kind of rule it was: a place taken (409), whose issue names the side that has none
 * left (`menteeId`, `mentorId`); a rule of who may be paired (422), which what the board
 * knows of the two people tells.
 */
export function refusalWhy(
  t: Localize,
  error: unknown,
  view: BoardView,
  pair: Two,
  override: boolean,
): string {
  if (error instanceof RmConflictError) {
    const side = error.issues[0]?.path.at(-1);
    if (side === 'menteeId') return t.t('why.menteeTaken', { mentee: nameOf(view.people, pair.menteeId) });
    if (side === 'mentorId') return t.t('why.mentorFull', { mentor: nameOf(view.people, pair.mentorId) });
  }
  if (error instanceof RmValidationError) {
    const rule = forbidden(view, pair);
    if (rule) {
      const words = rule[t.locale];
      return `${words.charAt(0).toLocaleLowerCase(t.locale)}${words.slice(1)}.`;
    }
    const accepted = (id: string, role: PairRole) =>
      view.enrollments.some((e) => e.personId === id && e.role === role && e.status === 'accepted');
    if (!override && !(accepted(pair.mentorId, 'mentor') && accepted(pair.menteeId, 'mentee'))) {
      return t.t('why.notAccepted');
    }
  }
  return t.t('why.other');
}
