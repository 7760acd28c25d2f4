import type { Strings } from './localize.js';

/** Words every element uses for its states. */
export const baseStrings: Strings<
  | 'loading'
  | 'retry'
  | 'offline'
  | 'notFound'
  | 'forbidden'
  | 'unauthorized'
  | 'failed'
  | 'noClient'
  | 'stale'
  | 'pending'
  | 'reference'
  | 'mentorRole'
  | 'menteeRole'
> = {
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    offline:
      'You are offline. What you see may be out of date; changes will be sent when you are back online.',
    notFound: 'This could not be found, or it is not shared with you.',
    forbidden: 'You do not have access to this.',
    unauthorized: 'Your sign-in has expired. Sign in again to continue.',
    failed: 'Something went wrong while loading this.',
    noClient:
      'This element needs a connection: put it inside <rm-provider base-url="…"> or set its client property.',
    stale: 'Offline copy, as of {when}',
    pending: 'Waiting to be sent',
    reference: 'Ref. {id}',
    mentorRole: 'Mentor',
    menteeRole: 'Mentee',
  },
  it: {
    loading: 'Caricamento…',
    retry: 'Riprova',
    offline:
      'Sei offline. Ciò che vedi potrebbe non essere aggiornato; le modifiche saranno inviate quando tornerai online.',
    notFound: 'Contenuto non trovato o non condiviso con te.',
    forbidden: 'Non hai accesso a questo contenuto.',
    unauthorized: 'Il tuo accesso è scaduto. Accedi di nuovo per continuare.',
    failed: 'Si è verificato un problema durante il caricamento.',
    noClient:
      'Questo elemento ha bisogno di una connessione: inseriscilo in <rm-provider base-url="…"> o imposta la proprietà client.',
    stale: 'Copia offline, aggiornata a: {when}',
    pending: 'In attesa di invio',
    reference: 'Rif. {id}',
    mentorRole: 'Mentor',
    menteeRole: 'Mentee',
  },
};
