import type { PairRole, Person } from '@rm-kit/core';
import type { LocalizeController } from '../base/localize.js';
import type { MatchBoardKey } from './match-board.strings.js';

type Localize = LocalizeController<MatchBoardKey>;

/** A person's name by id; the id itself for someone the board could not read. */
export function nameOf(people: Map<string, Person>, id: string): string {
  return people.get(id)?.displayName ?? id;
}

/** "Mentor · early career": the role with the career stage, the inversion said plainly. */
export function roleLine(t: Localize, role: PairRole, person: Person | undefined): string {
  const roleName = t.t(role === 'mentor' ? 'mentorRole' : 'menteeRole');
  return person
    ? t.t('roleWithStage', { role: roleName, stage: t.t(`stage.${person.careerStage}`) })
    : roleName;
}

/** "Marketing Director · Marketing": what the person does, and where. */
export function workLine(person: Person | undefined): string {
  return [person?.title, person?.department].filter(Boolean).join(' · ');
}

/** A share of 1 as a whole percentage, in the reader's language. */
export function percent(t: Localize, share: number): string {
  return t.number(share, { style: 'percent', maximumFractionDigits: 0 });
}
