import { type BaseKey, baseEnglish } from '../base/base.strings.en.js';
import { careerStageStrings } from '../base/career-stage.strings.js';
import type { Strings, Words } from '../base/localize.js';

/** Every word the match board shows: its own, the state words every element shares, the career stages. */
export type MatchBoardKey =
  | BaseKey
  | keyof (typeof careerStageStrings)['en']
  | 'empty'
  | 'programStatus.draft'
  | 'programStatus.enrolling'
  | 'programStatus.matching'
  | 'programStatus.active'
  | 'programStatus.closed'
  | 'counts'
  | 'roleWithStage'
  | 'applications'
  | 'noApplications'
  | 'waitingDecision'
  | 'decidedApplications'
  | 'enrollment.applied'
  | 'enrollment.accepted'
  | 'enrollment.declined'
  | 'enrollment.withdrawn'
  | 'accept'
  | 'declineApplication'
  | 'capacityLine'
  | 'languagesLine'
  | 'availabilityLine'
  | 'anyTime'
  | 'motivation'
  | 'accepted'
  | 'declined'
  | 'decideFailed'
  | 'matching'
  | 'matchingIntro'
  | 'run'
  | 'rerun'
  | 'running'
  | 'proposalsFailed'
  | 'proposalsReady'
  | 'score'
  | 'pairs'
  | 'noPairs'
  | 'pairStatus.proposed'
  | 'pairStatus.active'
  | 'pairStatus.paused'
  | 'pairStatus.completed'
  | 'pairStatus.dissolved'
  | 'overrideBadge'
  | 'consentGiven'
  | 'consentWaiting'
  | 'charters'
  | 'pairWith'
  | 'queued';

/**
 * The board's words. Mind the inversion: the mentor is the junior who teaches, the mentee
 * the senior who learns. English here, Italian in a module of its own, loaded when a page
 * first shows the board in Italian.
 */
export const matchBoardEnglish: Words<MatchBoardKey> = {
  ...baseEnglish,
  ...careerStageStrings.en,
  empty:
    'No program to show yet. Set the program-id attribute to the id of a program, e.g. program-id="prg_…".',
  'programStatus.draft': 'Draft',
  'programStatus.enrolling': 'Enrolling',
  'programStatus.matching': 'Matching',
  'programStatus.active': 'Running',
  'programStatus.closed': 'Closed',
  counts: 'Applications: {total} · under review: {applied} · accepted: {accepted} · pairs: {pairs}',
  roleWithStage: '{role} · {stage}',
  applications: 'Applications',
  noApplications: 'No applications yet.',
  waitingDecision: 'Waiting for a decision ({count})',
  decidedApplications: 'Decided or withdrawn ({count})',
  'enrollment.applied': 'Under review',
  'enrollment.accepted': 'Accepted',
  'enrollment.declined': 'Not accepted',
  'enrollment.withdrawn': 'Withdrawn',
  accept: 'Accept',
  declineApplication: 'Decline',
  capacityLine: 'Mentees at once: {count}',
  languagesLine: 'Languages: {list}',
  availabilityLine: 'Usually free: {list}',
  anyTime: 'any time',
  motivation: 'Why they take part',
  accepted: 'Application accepted: {name}.',
  declined: 'Application declined: {name}.',
  decideFailed: 'The application could not be changed. Try again.',
  matching: 'Matching',
  matchingIntro:
    'Proposes pairs among the accepted applications not yet in a pair, so that the total match score is as high as possible. Nothing is saved until you publish.',
  run: 'Run matching',
  rerun: 'Run matching again',
  running: 'Matching…',
  proposalsFailed: 'Matching could not be run. Try again.',
  proposalsReady: 'Proposed pairs: {count}.',
  score: 'Match: {percent}',
  pairs: 'Pairs',
  noPairs: 'No pairs yet.',
  'pairStatus.proposed': 'To be confirmed',
  'pairStatus.active': 'Active',
  'pairStatus.paused': 'Paused',
  'pairStatus.completed': 'Completed',
  'pairStatus.dissolved': 'Ended early',
  overrideBadge: 'Override',
  consentGiven: 'Mentee agreed',
  consentWaiting: 'Mentee not agreed yet',
  charters: 'Charters accepted: {count} of 2',
  pairWith: '{mentor} with {mentee}',
  queued: 'You are offline: the change will be sent when you are back online.',
};

export const matchBoardStrings: Strings<MatchBoardKey> = {
  en: matchBoardEnglish,
  it: () => import('./match-board.strings.it.js').then((words) => words.matchBoardItalian),
};
