import { type BaseKey, baseEnglish } from '../base/base.strings.en.js';
import { careerStageStrings } from '../base/career-stage.strings.js';
import type { Strings } from '../base/localize.js';

/** Every word the card shows: its own, the state words every element shares, the career stages. */
export type PairCardKey =
  | BaseKey
  | keyof (typeof careerStageStrings)['en']
  | 'cardLabel'
  | 'roleWithStage'
  | 'photoOf'
  | 'status.proposed'
  | 'status.active'
  | 'status.paused'
  | 'status.completed'
  | 'status.dissolved'
  | 'statusLabel'
  | 'atRiskWithReasons'
  | 'atRiskViewer'
  | 'risk.noRecentSession'
  | 'risk.noRecentSessionCadence'
  | 'risk.lowTrust'
  | 'risk.twoCancellations'
  | 'progress'
  | 'sessions'
  | 'sessionsHeld'
  | 'sessionsAhead'
  | 'noSessionsDue'
  | 'adherence'
  | 'goals'
  | 'noGoals'
  | 'lastSession'
  | 'nextSession'
  | 'noSessionYet'
  | 'noSessionPlanned'
  | 'topics'
  | 'noTopics'
  | 'charter.both'
  | 'charter.waitingMentor'
  | 'charter.waitingMentee'
  | 'charter.waitingBoth'
  | 'acceptCharter'
  | 'accepting'
  | 'readCharter'
  | 'accepted'
  | 'acceptQueued'
  | 'acceptFailed';

/**
 * The card's words. Mind the inversion: the mentor is the junior who teaches, the mentee
 * the senior who learns, and the role line says so with the career stage. English here,
 * Italian in a module of its own, loaded when a page first shows the card in Italian.
 */
export const pairCardStrings: Strings<PairCardKey> = {
  en: {
    ...baseEnglish,
    ...careerStageStrings.en,
    cardLabel: 'Mentoring pair: {mentor} and {mentee}',
    roleWithStage: '{role} · {stage}',
    photoOf: 'Photo of {name}',
    'status.proposed': 'To be confirmed',
    'status.active': 'Active',
    'status.paused': 'Paused',
    'status.completed': 'Completed',
    'status.dissolved': 'Ended early',
    statusLabel: 'Status: {status}',
    atRiskWithReasons: 'At risk: {reasons}',
    atRiskViewer:
      'Based on the sessions and on the feedback you may read: someone who reads other answers may see a different result.',
    'risk.noRecentSession': 'no session for over {duration}',
    'risk.noRecentSessionCadence': 'no session for over twice the agreed interval',
    'risk.lowTrust': 'low trust in recent feedback',
    'risk.twoCancellations': 'the last two sessions were cancelled',
    progress: 'Progress',
    sessions: 'Sessions held: {held} of {expected}',
    sessionsHeld: 'Sessions held: {held}',
    sessionsAhead: 'Sessions held: {held} (expected: {expected})',
    noSessionsDue: 'No sessions due yet',
    adherence: 'Session regularity: {percent}',
    goals: 'Goals achieved: {achieved} of {total}',
    noGoals: 'No goals yet',
    lastSession: 'Last session',
    nextSession: 'Next session',
    noSessionYet: 'None yet',
    noSessionPlanned: 'None planned',
    topics: 'Topics',
    noTopics: 'No topics chosen yet',
    'charter.both': 'Charter accepted by both',
    'charter.waitingMentor': 'Waiting for the mentor to accept the charter',
    'charter.waitingMentee': 'Waiting for the mentee to accept the charter',
    'charter.waitingBoth': 'Waiting for both to accept the charter',
    acceptCharter: 'Accept the charter',
    accepting: 'Accepting…',
    readCharter: 'Read the mentoring charter',
    accepted: 'You accepted the charter.',
    acceptQueued: 'You are offline: your acceptance of the charter will be sent when you are back online.',
    acceptFailed: 'The charter could not be accepted. Try again.',
  },
  it: () => import('./pair-card.strings.it.js').then((words) => words.pairCardItalian),
};
