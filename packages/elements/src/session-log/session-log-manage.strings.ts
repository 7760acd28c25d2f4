import type { Strings } from '../base/localize.js';

export type SessionManageKey =
  | 'giveFeedback'
  | 'showFeedback'
  | 'feedbackGiven'
  | 'manage'
  | 'edit'
  | 'reschedule'
  | 'markHeld'
  | 'cancelSession'
  | 'delete'
  | 'newWhen'
  | 'heldWhen'
  | 'saveNewDate'
  | 'confirmHeld'
  | 'reason'
  | 'reasonHint'
  | 'confirmCancel'
  | 'keep'
  | 'back'
  | 'deleteQuestion'
  | 'confirmDelete'
  | 'error.when'
  | 'changedBy'
  | 'changedByOther'
  | 'gone'
  | 'changeFailed'
  | 'done.edited'
  | 'done.rescheduled'
  | 'done.held'
  | 'done.cancelled'
  | 'done.deleted'
  | 'queued'
  | 'deletedOffline';

/** The words of a session's change panel, in English and Italian. */
export const sessionManageStrings: Strings<SessionManageKey> = {
  en: {
    giveFeedback: 'Give feedback',
    showFeedback: 'Your feedback',
    feedbackGiven: 'Feedback given',
    manage: 'Change',
    edit: 'Edit details',
    reschedule: 'Reschedule',
    markHeld: 'Mark as held',
    cancelSession: 'Cancel session',
    delete: 'Delete',
    newWhen: 'New date and time',
    heldWhen: 'When it took place',
    saveNewDate: 'Save the new date',
    confirmHeld: 'Mark as held',
    reason: 'Why is it cancelled? (optional)',
    reasonHint: 'Visible to both of you.',
    confirmCancel: 'Cancel the session',
    keep: 'Keep the session',
    back: 'Back',
    deleteQuestion:
      'Delete this session for both of you? Its summary, action items and private notes go with it, and it cannot be undone.',
    confirmDelete: 'Delete the session',
    'error.when': 'Enter the date and time.',
    changedBy: '{name} changed this session meanwhile; here is the current version. Check it and try again.',
    changedByOther:
      'The other person changed this session meanwhile; here is the current version. Check it and try again.',
    gone: 'This session was deleted meanwhile.',
    changeFailed: 'The change could not be saved. Try again.',
    'done.edited': 'Changes saved',
    'done.rescheduled': 'Session rescheduled',
    'done.held': 'Session marked as held',
    'done.cancelled': 'Session cancelled',
    'done.deleted': 'Session deleted',
    queued: '{done} offline: the change will be sent when you are back online',
    deletedOffline: 'Session deleted offline: it will be deleted for both of you when you are back online',
  },
  it: {
    giveFeedback: 'Compila il feedback',
    showFeedback: 'Il tuo feedback',
    feedbackGiven: 'Feedback compilato',
    manage: 'Modifica',
    edit: 'Modifica i dettagli',
    reschedule: 'Sposta a un’altra data',
    markHeld: 'Segna come svolta',
    cancelSession: 'Annulla la sessione',
    delete: 'Elimina',
    newWhen: 'Nuova data e ora',
    heldWhen: 'Quando si è svolta',
    saveNewDate: 'Salva la nuova data',
    confirmHeld: 'Segna come svolta',
    reason: 'Perché viene annullata? (facoltativo)',
    reasonHint: 'Visibile a entrambi.',
    confirmCancel: 'Annulla la sessione',
    keep: 'Mantieni la sessione',
    back: 'Indietro',
    deleteQuestion:
      'Vuoi eliminare questa sessione per entrambi? Con lei vengono eliminati il riepilogo, le azioni e le note private, e non si può tornare indietro.',
    confirmDelete: 'Elimina la sessione',
    'error.when': 'Inserisci data e ora.',
    changedBy:
      'Nel frattempo {name} ha modificato questa sessione; ecco la versione attuale. Controllala e riprova.',
    changedByOther:
      'Nel frattempo l’altra persona ha modificato questa sessione; ecco la versione attuale. Controllala e riprova.',
    gone: 'Nel frattempo questa sessione è stata eliminata.',
    changeFailed: 'Non è stato possibile salvare la modifica. Riprova.',
    'done.edited': 'Modifiche salvate',
    'done.rescheduled': 'Sessione spostata',
    'done.held': 'Sessione segnata come svolta',
    'done.cancelled': 'Sessione annullata',
    'done.deleted': 'Sessione eliminata',
    queued: '{done} offline: la modifica sarà inviata quando tornerai online',
    deletedOffline: 'Sessione eliminata offline: sarà eliminata per entrambi quando tornerai online',
  },
};
