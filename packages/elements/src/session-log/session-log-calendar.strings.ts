import type { Strings } from '../base/localize.js';

export type SessionCalendarKey =
  | 'calendarTitle'
  | 'calendarIntro'
  | 'pairFeed'
  | 'myFeed'
  | 'myFeedHint'
  | 'noLink'
  | 'makeLink'
  | 'linkLabel'
  | 'shownOnce'
  | 'linkOn'
  | 'linkOnHint'
  | 'copy'
  | 'copied'
  | 'copyFailed'
  | 'newLink'
  | 'turnOff'
  | 'newLinkQuestion'
  | 'turnOffQuestion'
  | 'confirmNewLink'
  | 'confirmTurnOff'
  | 'keepLink'
  | 'linkMade'
  | 'turnedOff'
  | 'linkFailed'
  | 'howTo'
  | 'outlook'
  | 'google'
  | 'updates'
  | 'close';

/** The "Add to calendar" dialog, loaded with it the first time someone opens it. */
export const sessionCalendarStrings: Strings<SessionCalendarKey> = {
  en: {
    calendarTitle: 'Add your sessions to a calendar',
    calendarIntro:
      'Subscribe from your calendar app and your sessions appear there, kept up to date. A link shows when you meet and with whom, never what you write: keep it to yourself.',
    pairFeed: 'Sessions of this pair',
    myFeed: 'All my sessions',
    myFeedHint: 'The sessions of every pair you are in, in one calendar.',
    noLink: 'No link yet.',
    makeLink: 'Make a link',
    linkLabel: 'Link for your calendar app',
    shownOnce: 'Copy it now: for your safety it is shown only this once.',
    linkOn: 'The link is on. Made on: {date}.',
    linkOnHint:
      'It is shown only when it is made. To add these sessions to another calendar, make a new link.',
    copy: 'Copy link',
    copied: 'Link copied',
    copyFailed: 'Select the link and copy it.',
    newLink: 'New link',
    turnOff: 'Turn off',
    newLinkQuestion:
      'Make a new link? The current one stops working, and calendars that use it stop updating.',
    turnOffQuestion: 'Turn the link off? Calendars that use it stop updating.',
    confirmNewLink: 'Make a new link',
    confirmTurnOff: 'Turn off the link',
    keepLink: 'Keep the link',
    linkMade: 'New link made',
    turnedOff: 'Link turned off',
    linkFailed: 'The link could not be changed. Check your connection and try again.',
    howTo: 'How to subscribe',
    outlook: 'Outlook: choose Add calendar, then Subscribe from web, and paste the link.',
    google: 'Google Calendar: next to Other calendars choose +, then From URL, and paste the link.',
    updates: 'Calendar apps check for changes every few hours: a change may take a while to appear.',
    close: 'Close',
  },
  it: {
    calendarTitle: 'Aggiungi le sessioni a un calendario',
    calendarIntro:
      'Iscriviti dalla tua app di calendario e le sessioni compariranno lì, sempre aggiornate. Il link mostra quando vi incontrate e con chi, mai ciò che scrivete: non condividerlo.',
    pairFeed: 'Sessioni di questa coppia',
    myFeed: 'Tutte le mie sessioni',
    myFeedHint: 'Le sessioni di tutte le tue coppie, in un unico calendario.',
    noLink: 'Nessun link per ora.',
    makeLink: 'Crea il link',
    linkLabel: 'Link per l’app di calendario',
    shownOnce: 'Copialo ora: per sicurezza viene mostrato solo questa volta.',
    linkOn: 'Il link è attivo. Data di creazione: {date}.',
    linkOnHint:
      'Il link viene mostrato solo al momento della creazione. Per aggiungere queste sessioni a un altro calendario, crea un nuovo link.',
    copy: 'Copia il link',
    copied: 'Link copiato',
    copyFailed: 'Seleziona il link e copialo.',
    newLink: 'Nuovo link',
    turnOff: 'Disattiva',
    newLinkQuestion:
      'Vuoi creare un nuovo link? Quello attuale smetterà di funzionare e i calendari che lo usano non si aggiorneranno più.',
    turnOffQuestion: 'Vuoi disattivare il link? I calendari che lo usano non si aggiorneranno più.',
    confirmNewLink: 'Crea un nuovo link',
    confirmTurnOff: 'Disattiva il link',
    keepLink: 'Mantieni il link',
    linkMade: 'Nuovo link creato',
    turnedOff: 'Link disattivato',
    linkFailed: 'Non è stato possibile modificare il link. Controlla la connessione e riprova.',
    howTo: 'Come iscriversi',
    outlook: 'Outlook: scegli Aggiungi calendario, poi Sottoscrivi dal Web, e incolla il link.',
    google: 'Google Calendar: accanto ad Altri calendari scegli +, poi Da URL, e incolla il link.',
    updates:
      'Le app di calendario controllano le modifiche ogni qualche ora: una modifica può comparire con un po’ di ritardo.',
    close: 'Chiudi',
  },
};
