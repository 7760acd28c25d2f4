import type { Strings } from '../base/localize.js';

export type SessionNoteKey =
  | 'onlyYouLong'
  | 'noteDeleteHint'
  | 'noteSave'
  | 'noteSaved'
  | 'noteSavedOffline'
  | 'noteDeleted'
  | 'noteFailed'
  | 'error.note';

/** The private-note panel's words, in English and Italian; the log lends it its own when it loads. */
export const sessionNoteStrings: Strings<SessionNoteKey> = {
  en: {
    onlyYouLong: 'Only you can see it: not the other person, not the program’s HR leads.',
    noteDeleteHint: 'To delete it, empty the field and save.',
    noteSave: 'Save note',
    noteSaved: 'Private note saved',
    noteSavedOffline: 'Private note saved offline: it will be sent when you are back online',
    noteDeleted: 'Private note deleted',
    noteFailed: 'The note could not be saved.',
    'error.note': 'Write something before saving.',
  },
  it: {
    onlyYouLong: 'Solo tu puoi vederla: né l’altra persona né i referenti HR del programma.',
    noteDeleteHint: 'Per eliminarla, svuota il campo e salva.',
    noteSave: 'Salva la nota',
    noteSaved: 'Nota privata salvata',
    noteSavedOffline: 'Nota privata salvata offline: sarà inviata quando tornerai online',
    noteDeleted: 'Nota privata eliminata',
    noteFailed: 'Non è stato possibile salvare la nota.',
    'error.note': 'Scrivi qualcosa prima di salvare.',
  },
};
