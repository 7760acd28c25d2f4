import { mergeStrings, type Strings } from '../base/localize.js';
import { pairCardStrings } from './pair-card.strings.js';

/** The words of the card's life-cycle part: a proposed pair's consent, a decline, pause and resume. */
export type PairLifeKey =
  | 'whyMatched'
  | 'matchScore'
  | 'consent.title'
  | 'consent.intro'
  | 'consent.done'
  | 'consent.waiting'
  | 'consent.doneYou'
  | 'consent.waitingYou'
  | 'charterStep.done'
  | 'charterStep.waiting'
  | 'charterStep.doneYou'
  | 'charterStep.waitingYou'
  | 'consent'
  | 'consenting'
  | 'consentQueued'
  | 'consentFailed'
  | 'started'
  | 'decline'
  | 'leave'
  | 'decline.title'
  | 'leave.title'
  | 'decline.body'
  | 'decline.keep'
  | 'decline.confirm'
  | 'leave.confirm'
  | 'declining'
  | 'declined'
  | 'declineQueued'
  | 'declineFailed'
  | 'pause'
  | 'resume'
  | 'pausing'
  | 'paused'
  | 'resumed'
  | 'pauseQueued'
  | 'pauseFailed'
  | 'pausedNote'
  | 'endedNote'
  | 'endedNoDate'
  | 'changedElsewhere';

/**
 * The life-cycle part's words, with the card's own (the charter's button, "Waiting to be
 * sent"). Italian in a module of its own, loaded when a page first shows it in Italian.
 */
export const pairLifeStrings = mergeStrings(pairCardStrings, {
  en: {
    whyMatched: 'Why this pair',
    matchScore: 'Match: {percent}',
    'consent.title': 'Before this pair starts',
    'consent.intro': 'It starts once the mentee agrees to it and both sides accept the charter.',
    'consent.done': '{name} agreed to this pair.',
    'consent.waiting': 'Waiting for {name} to agree to this pair.',
    'consent.doneYou': 'You agreed to this pair.',
    'consent.waitingYou': 'You have not agreed to this pair yet.',
    'charterStep.done': '{name} accepted the charter.',
    'charterStep.waiting': 'Waiting for {name} to accept the charter.',
    'charterStep.doneYou': 'You accepted the charter.',
    'charterStep.waitingYou': 'You have not accepted the charter yet.',
    consent: 'Agree to this pair',
    consenting: 'Sending…',
    consentQueued: 'You are offline: your agreement will be sent when you are back online.',
    consentFailed: 'Your agreement could not be sent. Try again.',
    started: 'The pair has started.',
    decline: 'Decline this pair',
    leave: 'End this pair',
    'decline.title': 'Decline this pair?',
    'leave.title': 'End this pair?',
    'decline.body':
      '{name} will see that the pair has ended, not who ended it, and nobody will ask you why. You can both take part in matching again.',
    'decline.keep': 'Keep the pair',
    'decline.confirm': 'Decline the pair',
    'leave.confirm': 'End the pair',
    declining: 'Ending…',
    declined: 'The pair has ended.',
    declineQueued: 'You are offline: the pair will end when you are back online.',
    declineFailed: 'The pair could not be ended. Try again.',
    pause: 'Pause the pair',
    resume: 'Resume the pair',
    pausing: 'Saving…',
    paused: 'The pair is paused.',
    resumed: 'The pair is active again.',
    pauseQueued: 'You are offline: the change will be sent when you are back online.',
    pauseFailed: 'The pair could not be changed. Try again.',
    pausedNote: 'Paused: no sessions are expected meanwhile, and the pair is not flagged at risk.',
    endedNote: 'This pair ended early ({date}).',
    endedNoDate: 'This pair ended early.',
    changedElsewhere: 'The pair changed meanwhile: here it is as it is now.',
  },
  it: () => import('./pair-card-life.strings.it.js').then((words) => words.pairLifeItalian),
} satisfies Strings<PairLifeKey>);
