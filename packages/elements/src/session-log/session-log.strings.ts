import { baseStrings } from '../base/base.strings.js';
import type { Strings } from '../base/localize.js';

/** The words of the log itself; the form and the private-note panel add theirs when they load. */
export type SessionLogKey =
  | keyof (typeof baseStrings)['en']
  | 'title'
  | 'listLabel'
  | 'empty'
  | 'live'
  | 'liveHint'
  | 'presenting'
  | 'presentingHint'
  | 'presentingOn'
  | 'presentingOff'
  | 'logSession'
  | 'status.held'
  | 'status.planned'
  | 'status.cancelled'
  | 'status.missed'
  | 'format.in-person'
  | 'format.video'
  | 'format.phone'
  | 'format.async'
  | 'topics'
  | 'sharedWithPartner'
  | 'actionItems'
  | 'privateNote'
  | 'saving'
  | 'saved'
  | 'savedOffline'
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
  | 'discard';

/** Every word the log shows, in English and Italian, with the shared state words of every element. */
export const sessionLogStrings: Strings<SessionLogKey> = {
  en: {
    ...baseStrings.en,
    title: 'Sessions',
    listLabel: 'Sessions, newest first',
    empty: 'No sessions yet. Log your first one.',
    live: 'Live',
    liveHint: 'Changes your partner makes appear here as they happen',
    presenting: 'Presenting',
    presentingHint: 'Hides private notes while you share your screen',
    presentingOn: 'Presenting: private notes are hidden',
    presentingOff: 'Private notes are shown again',
    logSession: 'Log a session',
    'status.held': 'Held',
    'status.planned': 'Planned',
    'status.cancelled': 'Cancelled',
    'status.missed': 'Missed',
    'format.in-person': 'In person',
    'format.video': 'Video call',
    'format.phone': 'Phone',
    'format.async': 'Async (in writing)',
    topics: 'Topics',
    sharedWithPartner: 'Shared with your partner',
    actionItems: 'Action items',
    privateNote: 'Private note',
    saving: 'Saving…',
    saved: 'Session saved',
    savedOffline: 'Saved offline: it will be sent when you are back online',
    sent: 'A session saved offline has been sent',
    refused: 'The server refused this: {message}',
    markedDone: 'Marked done: {text}',
    markedNotDone: 'Marked not done: {text}',
    toggleFailed: 'This action item could not be changed.',
    changedMeanwhile: 'Your partner changed this session meanwhile; it now shows their version.',
    noteLoading: 'Loading your note…',
    noteLoadFailed: 'Your note could not be loaded.',
    olderSessions: 'Show older sessions',
    olderLoading: 'Loading older sessions…',
    olderFailed: 'Older sessions could not be loaded.',
    newFromPartner: 'Session list updated',
    noSummary: 'No summary yet.',
    discard: 'Discard',
  },
  it: {
    ...baseStrings.it,
    title: 'Sessioni',
    listLabel: 'Sessioni, dalla più recente',
    empty: 'Ancora nessuna sessione. Registra la prima.',
    live: 'In diretta',
    liveHint: 'Le modifiche del tuo partner compaiono qui appena avvengono',
    presenting: 'Presentazione',
    presentingHint: 'Nasconde le note private mentre condividi lo schermo',
    presentingOn: 'Presentazione: le note private sono nascoste',
    presentingOff: 'Le note private sono di nuovo visibili',
    logSession: 'Registra una sessione',
    'status.held': 'Svolta',
    'status.planned': 'Pianificata',
    'status.cancelled': 'Annullata',
    'status.missed': 'Saltata',
    'format.in-person': 'Di persona',
    'format.video': 'Videochiamata',
    'format.phone': 'Telefono',
    'format.async': 'Asincrona (per iscritto)',
    topics: 'Temi',
    sharedWithPartner: 'Condiviso con il tuo partner',
    actionItems: 'Azioni da fare',
    privateNote: 'Nota privata',
    saving: 'Salvataggio…',
    saved: 'Sessione salvata',
    savedOffline: 'Salvata offline: sarà inviata quando tornerai online',
    sent: 'Una sessione salvata offline è stata inviata',
    refused: 'Il server l’ha rifiutata: {message}',
    markedDone: 'Segnata come fatta: {text}',
    markedNotDone: 'Segnata come da fare: {text}',
    toggleFailed: 'Non è stato possibile modificare questa azione.',
    changedMeanwhile: 'Nel frattempo il tuo partner ha modificato questa sessione; ora vedi la sua versione.',
    noteLoading: 'Caricamento della nota…',
    noteLoadFailed: 'Non è stato possibile caricare la nota.',
    olderSessions: 'Mostra le sessioni precedenti',
    olderLoading: 'Caricamento delle sessioni precedenti…',
    olderFailed: 'Non è stato possibile caricare le sessioni precedenti.',
    newFromPartner: 'Elenco delle sessioni aggiornato',
    noSummary: 'Ancora nessun riepilogo.',
    discard: 'Scarta',
  },
};
