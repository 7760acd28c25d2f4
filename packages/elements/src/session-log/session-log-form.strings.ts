import type { Strings } from '../base/localize.js';

export type SessionLogFormKey =
  | 'sharedWithPartner'
  | 'actionItems'
  | 'savedOffline'
  | 'saveFailed'
  | 'formTitle'
  | 'status'
  | 'whenHeld'
  | 'whenPlanned'
  | 'duration'
  | 'durationHint'
  | 'format'
  | 'summary'
  | 'onlyYou'
  | 'actionItemsHint'
  | 'actionItemText'
  | 'actionItemOwner'
  | 'owner.mentor'
  | 'owner.mentee'
  | 'addActionItem'
  | 'removeActionItem'
  | 'noActionItems'
  | 'save'
  | 'cancel'
  | 'error.when'
  | 'error.duration'
  | 'error.format'
  | 'error.status'
  | 'error.topics'
  | 'error.summary'
  | 'error.actionItems'
  | 'error.actionItemText'
  | 'error.actionItemOwner'
  | 'editTitle'
  | 'saveChanges'
  | 'draftRestored'
  | 'discardDraft';

/**
 * The form's words, in English and Italian; the log lends it its own (the statuses, the
 * formats) when it loads.
 */
export const sessionLogFormStrings: Strings<SessionLogFormKey> = {
  en: {
    sharedWithPartner: 'Visible to both of you',
    actionItems: 'Agreed action items',
    savedOffline: 'Saved offline: it will be sent when you are back online',
    saveFailed: 'The session could not be saved. Try again.',
    formTitle: 'Log or plan a session',
    status: 'Status',
    whenHeld: 'When it took place',
    whenPlanned: 'When it is planned',
    duration: 'Duration (minutes)',
    durationHint: 'Between 1 and 480 minutes; leave empty if you do not know',
    format: 'Format',
    summary: 'Summary',
    onlyYou: 'Only you can see it',
    actionItemsHint: 'Visible to both of you.',
    actionItemText: 'Action item {n}',
    actionItemOwner: 'Who takes it on (action item {n})',
    'owner.mentor': '{name} (mentor)',
    'owner.mentee': '{name} (mentee)',
    addActionItem: 'Add an action item',
    removeActionItem: 'Remove action item {n}',
    noActionItems: 'No action items yet.',
    save: 'Save session',
    cancel: 'Cancel',
    'error.when': 'Enter the date and time.',
    'error.duration': 'Enter a whole number of minutes between 1 and 480, or leave it empty.',
    'error.format': 'Choose the format.',
    'error.status': 'Choose whether the session was held or is planned.',
    'error.topics': 'Choose at most 20 topics.',
    'error.summary': 'The summary can have at most 10,000 characters.',
    'error.actionItems': 'Add at most 30 action items.',
    'error.actionItemText': 'Write what needs doing (up to 500 characters), or remove this row.',
    'error.actionItemOwner': 'Choose who takes it on.',
    editTitle: 'Edit the session',
    saveChanges: 'Save changes',
    draftRestored: 'Draft restored: the form shows what you typed last time.',
    discardDraft: 'Discard draft',
  },
  it: {
    sharedWithPartner: 'Visibile a entrambi',
    actionItems: 'Azioni concordate',
    savedOffline: 'Salvata offline: sarà inviata quando tornerai online',
    saveFailed: 'Non è stato possibile salvare la sessione. Riprova.',
    formTitle: 'Registra o pianifica una sessione',
    status: 'Stato',
    whenHeld: 'Quando si è svolta',
    whenPlanned: 'Quando è in programma',
    duration: 'Durata (minuti)',
    durationHint: 'Tra 1 e 480 minuti; lascia vuoto se non lo sai',
    format: 'Modalità',
    summary: 'Riepilogo',
    onlyYou: 'Solo tu puoi vederla',
    actionItemsHint: 'Visibili a entrambi.',
    actionItemText: 'Azione {n}',
    actionItemOwner: 'Chi se ne occupa (azione {n})',
    'owner.mentor': '{name} (mentor)',
    'owner.mentee': '{name} (mentee)',
    addActionItem: 'Aggiungi un’azione',
    removeActionItem: 'Rimuovi l’azione {n}',
    noActionItems: 'Ancora nessuna azione.',
    save: 'Salva la sessione',
    cancel: 'Annulla',
    'error.when': 'Inserisci data e ora.',
    'error.duration': 'Inserisci un numero intero di minuti tra 1 e 480, oppure lascia vuoto.',
    'error.format': 'Scegli la modalità.',
    'error.status': 'Scegli se la sessione si è svolta o è in programma.',
    'error.topics': 'Scegli al massimo 20 temi.',
    'error.summary': 'Il riepilogo può avere al massimo 10.000 caratteri.',
    'error.actionItems': 'Puoi aggiungere al massimo 30 azioni.',
    'error.actionItemText': 'Scrivi che cosa va fatto (fino a 500 caratteri), oppure rimuovi la riga.',
    'error.actionItemOwner': 'Scegli chi se ne occupa.',
    editTitle: 'Modifica la sessione',
    saveChanges: 'Salva le modifiche',
    draftRestored: 'Bozza ripristinata: il modulo mostra quello che avevi scritto l’ultima volta.',
    discardDraft: 'Scarta la bozza',
  },
};
