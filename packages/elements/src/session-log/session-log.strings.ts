import type { Strings } from '../base/localize.js';

export type SessionLogKey =
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
  | 'formTitle'
  | 'status'
  | 'status.held'
  | 'status.planned'
  | 'status.cancelled'
  | 'status.missed'
  | 'whenHeld'
  | 'whenPlanned'
  | 'duration'
  | 'durationHint'
  | 'format'
  | 'format.in-person'
  | 'format.video'
  | 'format.phone'
  | 'format.async'
  | 'topics'
  | 'summary'
  | 'sharedWithPartner'
  | 'onlyYou'
  | 'onlyYouLong'
  | 'actionItems'
  | 'actionItemsHint'
  | 'actionItemText'
  | 'actionItemOwner'
  | 'addActionItem'
  | 'removeActionItem'
  | 'noActionItems'
  | 'privateNote'
  | 'save'
  | 'saving'
  | 'cancel'
  | 'saved'
  | 'savedOffline'
  | 'sent'
  | 'refused'
  | 'error.when'
  | 'error.duration'
  | 'error.format'
  | 'error.status'
  | 'error.topics'
  | 'error.summary'
  | 'error.actionItems'
  | 'error.actionItemText'
  | 'error.actionItemOwner'
  | 'error.note'
  | 'markedDone'
  | 'markedNotDone'
  | 'toggleFailed'
  | 'changedMeanwhile'
  | 'noteLoading'
  | 'noteSave'
  | 'noteSaved'
  | 'noteSavedOffline'
  | 'noteDeleted'
  | 'noteFailed'
  | 'noteLoadFailed'
  | 'olderSessions'
  | 'olderLoading'
  | 'olderFailed'
  | 'newFromPartner'
  | 'noSummary'
  | 'discard';

/** Every word `<rm-session-log>` shows, in English and Italian (the shared state words are in base). */
export const sessionLogStrings: Strings<SessionLogKey> = {
  en: {
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
    formTitle: 'Log or plan a session',
    status: 'Status',
    'status.held': 'Held',
    'status.planned': 'Planned',
    'status.cancelled': 'Cancelled',
    'status.missed': 'Missed',
    whenHeld: 'When it took place',
    whenPlanned: 'When it is planned',
    duration: 'Duration (minutes)',
    durationHint: 'Between 1 and 480 minutes; leave empty if you do not know',
    format: 'Format',
    'format.in-person': 'In person',
    'format.video': 'Video call',
    'format.phone': 'Phone',
    'format.async': 'Async (in writing)',
    topics: 'Topics',
    summary: 'Summary',
    sharedWithPartner: 'Shared with your partner',
    onlyYou: 'Only you can see this',
    onlyYouLong: 'Only you can see this — not your partner, not the program admins',
    actionItems: 'Action items',
    actionItemsHint:
      'Shared with your partner. The mentor is the early-career colleague who teaches; the mentee is the senior colleague who learns.',
    actionItemText: 'Action item {n}',
    actionItemOwner: 'Who does action item {n}',
    addActionItem: 'Add an action item',
    removeActionItem: 'Remove action item {n}',
    noActionItems: 'No action items yet.',
    privateNote: 'Private note',
    save: 'Save session',
    saving: 'Saving…',
    cancel: 'Cancel',
    saved: 'Session saved',
    savedOffline: 'Saved offline: it will be sent when you are back online',
    sent: 'A session saved offline has been sent',
    refused: 'The server refused this: {message}',
    'error.when': 'Enter the date and time.',
    'error.duration': 'Enter a whole number of minutes between 1 and 480, or leave it empty.',
    'error.format': 'Choose how you met.',
    'error.status': 'Choose whether the session was held or is planned.',
    'error.topics': 'Choose at most 20 topics.',
    'error.summary': 'Keep the summary under 10,000 characters.',
    'error.actionItems': 'Keep to at most 30 action items.',
    'error.actionItemText': 'Write what needs doing (up to 500 characters), or remove this row.',
    'error.actionItemOwner': 'Choose who does it.',
    'error.note': 'Write something before saving.',
    markedDone: 'Marked done: {text}',
    markedNotDone: 'Marked not done: {text}',
    toggleFailed: 'This action item could not be changed.',
    changedMeanwhile: 'Your partner changed this session meanwhile; it now shows their version.',
    noteLoading: 'Loading your note…',
    noteSave: 'Save note',
    noteSaved: 'Private note saved',
    noteSavedOffline: 'Private note saved offline: it will be sent when you are back online',
    noteDeleted: 'Private note deleted',
    noteFailed: 'The note could not be saved.',
    noteLoadFailed: 'Your note could not be loaded.',
    olderSessions: 'Show older sessions',
    olderLoading: 'Loading older sessions…',
    olderFailed: 'Older sessions could not be loaded.',
    newFromPartner: 'Session list updated',
    noSummary: 'No summary yet.',
    discard: 'Discard',
  },
  it: {
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
    formTitle: 'Registra o pianifica una sessione',
    status: 'Stato',
    'status.held': 'Svolta',
    'status.planned': 'Pianificata',
    'status.cancelled': 'Annullata',
    'status.missed': 'Saltata',
    whenHeld: 'Quando si è svolta',
    whenPlanned: 'Quando è pianificata',
    duration: 'Durata (minuti)',
    durationHint: 'Tra 1 e 480 minuti; lascia vuoto se non lo sai',
    format: 'Modalità',
    'format.in-person': 'Di persona',
    'format.video': 'Videochiamata',
    'format.phone': 'Telefono',
    'format.async': 'Asincrona (per iscritto)',
    topics: 'Temi',
    summary: 'Riepilogo',
    sharedWithPartner: 'Condiviso con il tuo partner',
    onlyYou: 'Solo tu puoi vederlo',
    onlyYouLong: 'Solo tu puoi vederlo — non il tuo partner, non gli amministratori del programma',
    actionItems: 'Azioni da fare',
    actionItemsHint:
      'Condivise con il tuo partner. Il mentor è il collega a inizio carriera che insegna; il mentee è il collega senior che impara.',
    actionItemText: 'Azione {n}',
    actionItemOwner: 'Chi fa l’azione {n}',
    addActionItem: 'Aggiungi un’azione',
    removeActionItem: 'Rimuovi l’azione {n}',
    noActionItems: 'Ancora nessuna azione.',
    privateNote: 'Nota privata',
    save: 'Salva la sessione',
    saving: 'Salvataggio…',
    cancel: 'Annulla',
    saved: 'Sessione salvata',
    savedOffline: 'Salvata offline: sarà inviata quando tornerai online',
    sent: 'Una sessione salvata offline è stata inviata',
    refused: 'Il server l’ha rifiutata: {message}',
    'error.when': 'Inserisci data e ora.',
    'error.duration': 'Inserisci un numero intero di minuti tra 1 e 480, oppure lascia vuoto.',
    'error.format': 'Scegli come vi siete incontrati.',
    'error.status': 'Scegli se la sessione si è svolta o è pianificata.',
    'error.topics': 'Scegli al massimo 20 temi.',
    'error.summary': 'Il riepilogo deve restare sotto i 10.000 caratteri.',
    'error.actionItems': 'Al massimo 30 azioni.',
    'error.actionItemText': 'Scrivi che cosa va fatto (fino a 500 caratteri), oppure rimuovi la riga.',
    'error.actionItemOwner': 'Scegli chi la fa.',
    'error.note': 'Scrivi qualcosa prima di salvare.',
    markedDone: 'Segnata come fatta: {text}',
    markedNotDone: 'Segnata come da fare: {text}',
    toggleFailed: 'Non è stato possibile modificare questa azione.',
    changedMeanwhile: 'Nel frattempo il tuo partner ha modificato questa sessione; ora vedi la sua versione.',
    noteLoading: 'Caricamento della nota…',
    noteSave: 'Salva la nota',
    noteSaved: 'Nota privata salvata',
    noteSavedOffline: 'Nota privata salvata offline: sarà inviata quando tornerai online',
    noteDeleted: 'Nota privata eliminata',
    noteFailed: 'Non è stato possibile salvare la nota.',
    noteLoadFailed: 'Non è stato possibile caricare la nota.',
    olderSessions: 'Mostra le sessioni precedenti',
    olderLoading: 'Caricamento delle sessioni precedenti…',
    olderFailed: 'Non è stato possibile caricare le sessioni precedenti.',
    newFromPartner: 'Elenco delle sessioni aggiornato',
    noSummary: 'Ancora nessun riepilogo.',
    discard: 'Scarta',
  },
};
