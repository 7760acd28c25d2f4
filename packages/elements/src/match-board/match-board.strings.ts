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
  | 'fairness'
  | 'fairness.total'
  | 'fairness.mean'
  | 'fairness.minimum'
  | 'proposals'
  | 'noProposals'
  | 'score'
  | 'pinned'
  | 'pin'
  | 'unpin'
  | 'ban'
  | 'selectForSwap'
  | 'swap'
  | 'swapHint'
  | 'pinnedDone'
  | 'unpinnedDone'
  | 'bannedDone'
  | 'swappedDone'
  | 'constraintFailed'
  | 'unmatched'
  | 'conflicts'
  | 'publish'
  | 'publishing'
  | 'publish.title'
  | 'publish.body'
  | 'publish.keep'
  | 'publish.confirm'
  | 'published'
  | 'publishFailed'
  | 'publishRefused'
  | 'constraints'
  | 'noConstraints'
  | 'constraint.pin'
  | 'constraint.ban'
  | 'remove'
  | 'removed'
  | 'handPair'
  | 'handIntro'
  | 'mentorPicker'
  | 'menteePicker'
  | 'choose'
  | 'pickerStatus'
  | 'override'
  | 'overrideHint'
  | 'makePair'
  | 'making'
  | 'made'
  | 'pickBoth'
  | 'refused'
  | 'why.menteeTaken'
  | 'why.mentorFull'
  | 'why.notAccepted'
  | 'why.other'
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
  fairness: 'How fair the proposals are',
  'fairness.total': 'Total score',
  'fairness.mean': 'Average match',
  'fairness.minimum': 'Lowest match',
  proposals: 'Proposed pairs ({count})',
  noProposals: 'No pair can be proposed: there is no accepted mentor and mentee left to pair.',
  score: 'Match: {percent}',
  pinned: 'Pinned',
  pin: 'Pin this pair',
  unpin: 'Unpin',
  ban: 'Never pair these two',
  selectForSwap: 'Select to swap',
  swap: 'Swap the mentees of the two selected pairs',
  swapHint: 'Select two pairs to swap their mentees.',
  pinnedDone: 'Pinned: {mentor} with {mentee}. Matching ran again.',
  unpinnedDone: 'Unpinned: {mentor} with {mentee}. Matching ran again.',
  bannedDone: 'Excluded: {mentor} with {mentee}. Matching ran again.',
  swappedDone: 'Swapped: matching ran again with the two new pairs pinned.',
  constraintFailed: 'The change could not be saved. Try again.',
  unmatched: 'Left out ({count})',
  conflicts: 'Pins that could not be kept',
  publish: 'Publish the proposed pairs ({count})',
  publishing: 'Publishing…',
  'publish.title': 'Publish the proposed pairs?',
  'publish.body':
    'Pairs to publish: {count}. Each is proposed to its two people: the mentee is asked to agree, and both to accept the charter. Either of them can decline.',
  'publish.keep': 'Not yet',
  'publish.confirm': 'Publish',
  published: 'Pairs published: {count}.',
  publishFailed: 'The pairs could not be published. Try again.',
  publishRefused: 'Nothing was published. {mentor} with {mentee}: {why} Run matching again.',
  constraints: 'Pins and bans',
  noConstraints: 'No pins or bans.',
  'constraint.pin': 'Pinned: {mentor} with {mentee}',
  'constraint.ban': 'Never: {mentor} with {mentee}',
  remove: 'Remove',
  removed: 'Pin or ban removed.',
  handPair: 'Make a pair by hand',
  handIntro: 'Pairs two people directly. The same rules hold as for matching.',
  mentorPicker: 'Mentor (early career, teaches)',
  menteePicker: 'Mentee (senior, learns)',
  choose: 'Choose…',
  pickerStatus: '{name} ({status})',
  override: 'Outside the enrolment rules (recorded as an override)',
  overrideHint:
    'For someone whose application is not accepted, or a mentor with no place left. Reporting lines and bans still hold.',
  makePair: 'Make the pair',
  making: 'Saving…',
  made: 'Pair made: {mentor} with {mentee}.',
  pickBoth: 'Choose a mentor and a mentee.',
  refused: 'This pair cannot be made: {why}',
  'why.menteeTaken': '{mentee} is in a pair of this program already.',
  'why.mentorFull': '{mentor} has no place left.',
  'why.notAccepted': 'both need an accepted application in these roles, unless you record an override.',
  'why.other': 'it breaks a rule of the program.',
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
