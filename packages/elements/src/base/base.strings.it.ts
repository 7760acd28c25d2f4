import type { BaseKey } from './base.strings.en.js';

/** Words every element uses for its states, in Italian. */
export const baseItalian: Record<BaseKey, string> = {
  loading: 'Caricamento…',
  retry: 'Riprova',
  offline:
    'Sei offline. Ciò che vedi potrebbe non essere aggiornato; le modifiche saranno inviate quando tornerai online.',
  originRefused:
    'Il servizio rm-kit ha rifiutato questa pagina ({origin}). Chiedi a chi lo gestisce di aggiungere questo indirizzo all’impostazione RMKIT_CORS_ORIGINS.',
  notFound: 'Contenuto non trovato o non condiviso con te.',
  forbidden: 'Non hai accesso a questo contenuto.',
  unauthorized: 'Il tuo accesso è scaduto. Accedi di nuovo per continuare.',
  failed: 'Si è verificato un problema durante il caricamento.',
  noClient:
    'Questo elemento ha bisogno di una connessione: inseriscilo in <rm-provider base-url="…"> o imposta la proprietà client.',
  noPair: 'Al momento non fai parte di una coppia di mentoring.',
  stale: 'Copia offline, aggiornata a: {when}',
  pending: 'In attesa di invio',
  reference: 'Rif. {id}',
  mentorRole: 'Mentor',
  menteeRole: 'Mentee',
};
