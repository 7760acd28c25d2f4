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
  | 'actionItemsShared'
  | 'privateNote'
  | 'saving'
  | 'saved'
  | 'savedOffline'
  | 'sent'
  | 'refused'
  | 'saveFailed'
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

/** Every word the log shows, in English and Italian, with the shared state words of every element. */
export const sessionLogStrings: Strings<SessionLogKey> = {
  en: {
    ...baseStrings.en,
    title: 'Sessions',
    listLabel: 'Sessions, newest first',
    empty: 'No sessions yet. Add the first one.',
    live: 'Live',
    liveHint: 'Changes the other person makes appear here as they happen',
    presenting: 'Presenting mode',
    presentingHint: 'Hides private notes while you share your screen',
    presentingOn: 'Presenting mode is on: private notes are hidden',
    presentingOff: 'Private notes are shown again',
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
    sharedWithPartner: 'Visible to both of you',
    actionItems: 'Agreed action items',
    actionItemsShared: 'Agreed action items · visible to both of you',
    privateNote: 'Private note',
    saving: 'Saving…',
    saved: 'Session saved',
    savedOffline: 'Saved offline: it will be sent when you are back online',
    sent: 'A session saved offline has been sent',
    refused: 'This session could not be saved. Discard it and log it again.',
    saveFailed: 'The session could not be saved. Try again.',
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
  it: {
    ...baseStrings.it,
    title: 'Sessioni',
    listLabel: 'Sessioni, dalla più recente',
    empty: 'Ancora nessuna sessione. Aggiungi la prima.',
    live: 'In tempo reale',
    liveHint: 'Le modifiche dell’altra persona compaiono qui appena avvengono',
    presenting: 'Modalità presentazione',
    presentingHint: 'Nasconde le note private mentre condividi lo schermo',
    presentingOn: 'Modalità presentazione attiva: le note private sono nascoste',
    presentingOff: 'Le note private sono di nuovo visibili',
    logSession: 'Aggiungi una sessione',
    'status.held': 'Svolta',
    'status.planned': 'In programma',
    'status.cancelled': 'Annullata',
    'status.missed': 'Saltata',
    'format.in-person': 'Di persona',
    'format.video': 'Videochiamata',
    'format.phone': 'Telefonata',
    'format.async': 'Per iscritto (chat, email)',
    topics: 'Temi',
    sharedWithPartner: 'Visibile a entrambi',
    actionItems: 'Azioni concordate',
    actionItemsShared: 'Azioni concordate · visibili a entrambi',
    privateNote: 'Nota privata',
    saving: 'Salvataggio in corso…',
    saved: 'Sessione salvata',
    savedOffline: 'Salvata offline: sarà inviata quando tornerai online',
    sent: 'Una sessione salvata offline è stata inviata',
    refused: 'Non è stato possibile salvare questa sessione. Scartala e registrala di nuovo.',
    saveFailed: 'Non è stato possibile salvare la sessione. Riprova.',
    markedDone: 'Azione completata: {text}',
    markedNotDone: 'Azione riaperta: {text}',
    toggleFailed: 'Non è stato possibile modificare questa azione.',
    changedMeanwhile:
      'Nel frattempo l’altra persona ha modificato questa sessione; ora vedi la sua versione.',
    noteLoading: 'Caricamento della nota…',
    noteLoadFailed: 'Non è stato possibile caricare la nota.',
    olderSessions: 'Mostra le sessioni precedenti',
    olderLoading: 'Caricamento delle sessioni precedenti…',
    olderFailed: 'Non è stato possibile caricare le sessioni precedenti.',
    newFromPartner: 'Elenco delle sessioni aggiornato',
    noSummary: 'Ancora nessun riepilogo.',
    discard: 'Scarta',
    cancelledBecause: 'Motivo dell’annullamento: {reason}',
    deleteRefused:
      'Una sessione che avevi eliminato offline è di nuovo nell’elenco: l’altra persona l’aveva modificata prima, quindi non è stata eliminata.',
  },
};
