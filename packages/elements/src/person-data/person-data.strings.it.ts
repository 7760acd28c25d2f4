import { baseItalian } from '../base/base.strings.it.js';
import type { PersonDataKey } from './person-data.strings.js';

/** `<rm-person-data>`'s words in Italian (see person-data.strings.ts). */
export const personDataItalian: Record<PersonDataKey, string> = {
  ...baseItalian,
  mineTitle: 'I tuoi dati',
  mineIntro:
    'Scarica in un file JSON tutto ciò che rm-kit conserva su di te: il tuo profilo, le tue candidature, le tue coppie con le sessioni e gli obiettivi, le tue note private e le tue risposte ai questionari di feedback. Il file non contiene mai le note o le risposte dell’altra persona.',
  download: 'Scarica i miei dati',
  downloading: 'Preparazione del file in corso…',
  downloaded: 'I tuoi dati sono stati scaricati nel file {file}.',
  peopleTitle: 'Dati delle persone',
  peopleIntro:
    'Per la richiesta di una collega o di un collega: esporta in un file ciò che i referenti HR del programma possono leggere (profilo, candidature, coppie), oppure cancella la persona. Note private, risposte ai feedback e riepiloghi delle sessioni sono solo nel file che la persona scarica da sé.',
  searchLabel: 'Cerca una persona per nome o email',
  search: 'Cerca',
  searching: 'Ricerca in corso…',
  noMatch: 'Nessuna persona corrisponde a «{q}».',
  export: 'Esporta',
  exportLabel: 'Esporta i dati di {name}',
  exporting: 'Preparazione del file in corso…',
  exported: 'I dati di {name} sono stati scaricati nel file {file}.',
  erase: 'Cancella',
  eraseLabel: 'Cancella {name}',
  'erase.title': 'Vuoi cancellare {name}?',
  'erase.body':
    'Nome, email, qualifica, foto e responsabile vengono rimossi e la persona non potrà più accedere. Le sue note private e i testi dei suoi feedback e delle sue candidature vengono eliminati. Le sue coppie e le sessioni restano, con il nome «Ex partecipante», così la storia dell’altra persona e i dati del programma non cambiano. L’operazione non si può annullare.',
  'erase.type': 'Per confermare, scrivi il nome: {name}',
  'erase.mismatch': 'Il nome non corrisponde ancora.',
  'erase.keep': 'Annulla',
  'erase.confirm': 'Cancella definitivamente',
  erasing: 'Cancellazione in corso…',
  erased:
    'Cancellazione completata: {name}. Note private eliminate: {notes}. Risposte ai feedback senza testo: {answers}. Candidature senza motivazione: {motivations}.',
  exportFailed: 'Non è stato possibile preparare il file. Riprova.',
  eraseFailed: 'La cancellazione non è andata a buon fine e non è stato modificato nulla. Riprova.',
};
