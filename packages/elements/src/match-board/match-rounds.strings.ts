import { mergeStrings, type Strings } from '../base/localize.js';
import { type MatchBoardKey, matchBoardStrings } from './match-board.strings.js';

/** The words only the board's rounds of matching show: proposals, pins and bans, pairs by hand, publishing. */
export type MatchRoundsKey =
  | 'fairness'
  | 'fairness.total'
  | 'fairness.mean'
  | 'fairness.minimum'
  | 'proposals'
  | 'noProposals'
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
  | 'why.other';

/**
 * The rounds part's words, with the board's own. Its module loads with the part, so that a
 * board that is only looked at does not download them; Italian in a module of its own.
 */
export const matchRoundsStrings: Strings<MatchBoardKey | MatchRoundsKey> = mergeStrings(matchBoardStrings, {
  en: {
    fairness: 'How fair the proposals are',
    'fairness.total': 'Total score',
    'fairness.mean': 'Average match',
    'fairness.minimum': 'Lowest match',
    proposals: 'Proposed pairs ({count})',
    noProposals: 'No pair can be proposed: there is no accepted mentor and mentee left to pair.',
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
  },
  it: () => import('./match-rounds.strings.it.js').then((words) => words.matchRoundsItalian),
} satisfies Strings<MatchRoundsKey>);
