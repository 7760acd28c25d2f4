import type { PairRole } from '@rm-kit/core';
import { type MatchCandidate, scorePair } from '@rm-kit/core/matching';
import { RmConflictError, RmValidationError } from '@rm-kit/sdk/errors';
import type { LocalizeController } from '../base/localize.js';
import type { MatchBoardKey } from './match-board.strings.js';
import type { BoardView } from './match-board-data.js';
import { nameOf } from './match-people.js';

type Localize = LocalizeController<MatchBoardKey>;
type Two = { mentorId: string; menteeId: string };

const LIVE = ['proposed', 'active', 'paused'];

/** Live pairs of the program: the places they hold. */
const livePairs = (view: BoardView) => view.pairs.filter((p) => LIVE.includes(p.status));

function capacity(view: BoardView, mentorId: string): number {
  return view.enrollments.find((e) => e.personId === mentorId && e.role === 'mentor')?.capacity ?? 1;
}

/**
 * Which of the pairs sent hit a place taken meanwhile (a mentee paired already, a mentor
 * with no place left), as the board knows the program now; -1 if none does. A 409 carries
 * no issue to name it.
 */
export function placeTaken(view: BoardView, pairs: Two[]): number {
  const live = livePairs(view);
  return pairs.findIndex(
    (pair) =>
      live.some((p) => p.menteeId === pair.menteeId) ||
      live.filter((p) => p.mentorId === pair.mentorId).length >= capacity(view, pair.mentorId),
  );
}

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
 * which kind of rule it was (409: a place taken; 422: a rule of who may be paired), and
 * what the board knows of the two people says which rule.
 */
export function refusalWhy(
  t: Localize,
  error: unknown,
  view: BoardView,
  pair: Two,
  override: boolean,
): string {
  const mentor = nameOf(view.people, pair.mentorId);
  const mentee = nameOf(view.people, pair.menteeId);
  const live = livePairs(view);
  const mentorFull = live.filter((p) => p.mentorId === pair.mentorId).length >= capacity(view, pair.mentorId);
  if (error instanceof RmConflictError) {
    if (live.some((p) => p.menteeId === pair.menteeId)) return t.t('why.menteeTaken', { mentee });
    if (mentorFull) return t.t('why.mentorFull', { mentor });
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
