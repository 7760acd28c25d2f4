import { type BaseKey, baseEnglish } from '../base/base.strings.en.js';
import type { Strings } from '../base/localize.js';

/** The words of the log itself; the form and the private-note panel add theirs when they load. */
export type SessionLogKey =
  | BaseKey
  | 'title'
  | 'listLabel'
  | 'empty'
  | 'live'
  | 'liveHint'
  | 'liveOffline'
  | 'liveOfflineHint'
  | 'liveReconnecting'
  | 'liveReconnectingHint'
  | 'presenting'
  | 'presentingHint'
  | 'presentingOn'
  | 'presentingOff'
  | 'logSession'
  | 'addToCalendar'
  | 'status.held'
  | 'status.planned'
  | 'status.cancelled'
  | 'status.missed'
  | 'format.in-person'
  | 'format.video'
  | 'format.phone'
  | 'format.async'
  | 'topics'
  | 'actionItemsShared'
  | 'privateNote'
  | 'saving'
  | 'saved'
  | 'sent'
  | 'refused'
  | 'markedDone'
  | 'markedNotDone'
  | 'toggleFailed'
  | 'changedMeanwhile'
  | 'noteLoading'
  | 'noteLoadFailed'
  | 'olderSessions'
  | 'olderLoading'
  | 'olderFailed'
  | 'newFromPartner'
  | 'noSummary'
  | 'discard'
  | 'cancelledBecause'
  | 'deleteRefused';

/**
 * Every word the log shows, with the shared state words of every element: English here,
 * Italian in a module of its own, loaded when a page first shows the log in Italian.
 */
export const sessionLogStrings: Strings<SessionLogKey> = {
  en: {
    ...baseEnglish,
    title: 'Sessions',
    listLabel: 'Sessions, newest first',
    empty: 'No sessions yet. Add the first one.',
    live: 'Live',
    liveHint: 'Changes the other person makes appear here as they happen',
    liveOffline: 'Offline',
    liveOfflineHint: 'You are offline: changes the other person makes will appear when you are back online',
    liveReconnecting: 'Reconnecting…',
    liveReconnectingHint:
      'The connection dropped: changes the other person makes will appear once it is back',
    presenting: 'Presenting mode',
    presentingHint: 'Hides private notes while you share your screen',
    presentingOn: 'Presenting mode is on: private notes are hidden',
    presentingOff: 'Private notes are shown again',
    addToCalendar: 'Add to calendar',
    logSession: 'Add a session',
    'status.held': 'Held',
    'status.planned': 'Planned',
    'status.cancelled': 'Cancelled',
    'status.missed': 'Missed',
    'format.in-person': 'In person',
    'format.video': 'Video call',
    'format.phone': 'Phone call',
    'format.async': 'In writing (chat, email)',
    topics: 'Topics',
    actionItemsShared: 'Agreed action items · visible to both of you',
    privateNote: 'Private note',
    saving: 'Saving…',
    saved: 'Session saved',
    sent: 'A session saved offline has been sent',
    refused: 'This session could not be saved. Discard it and log it again.',
    markedDone: 'Action item done: {text}',
    markedNotDone: 'Action item reopened: {text}',
    toggleFailed: 'This action item could not be changed.',
    changedMeanwhile: 'The other person changed this session meanwhile; it now shows their version.',
    noteLoading: 'Loading your note…',
    noteLoadFailed: 'Your note could not be loaded.',
    olderSessions: 'Show older sessions',
    olderLoading: 'Loading older sessions…',
    olderFailed: 'Older sessions could not be loaded.',
    newFromPartner: 'Session list updated',
    noSummary: 'No summary yet.',
    discard: 'Discard',
    cancelledBecause: 'Why it was cancelled: {reason}',
    deleteRefused:
      'A session you deleted offline is back: the other person changed it first, so it was not deleted.',
  },
  it: () => import('./session-log.strings.it.js').then((words) => words.sessionLogItalian),
};
