import type {
  FeedbackKind,
  GoalStatus,
  PairRole,
  PairStatus,
  ReasonText,
  SessionFormat,
  SessionStatus,
  TopicKey,
} from '@rm-kit/core';
import type { PersonKey } from './demo-people.js';

/**
 * The pairs of Digital Bridge, the demo's running program, at every stage (healthy, quiet
 * for six weeks, losing trust, proposed, paused, completed), with what each has lived:
 * sessions, goals and feedback, dated in days from the day the demo is seeded. Data only;
 * demo-seed.ts builds the rows.
 */

/** One side's answer; ratings are [usefulness, trust, preparation], each 1-5. */
export interface AnswerSpec {
  ratings: [number, number, number];
  recommend: number;
  shared: boolean;
  learned?: string;
  improve?: string;
}

export interface SessionSpec {
  /** Days from today and hour (UTC) it was held or is planned. */
  day: number;
  hour: number;
  status: SessionStatus;
  format: SessionFormat;
  minutes: number | null;
  topics: TopicKey[];
  summary: string;
  actions?: [text: string, owner: PairRole, done: boolean][];
  feedback?: Partial<Record<PairRole, AnswerSpec>>;
}

export interface GoalSpec {
  owner: PairRole;
  title: string;
  topic: TopicKey;
  targetDay?: number;
  status: GoalStatus;
  progress: number;
  /** The owner's self-assessment, 1-5, when the goal was set and now. */
  assessed?: [before: number, after: number | null];
  /** What the mentee (senior) will change, and whether it is done. */
  commitments?: [text: string, done: boolean][];
}

export interface PhaseAnswerSpec {
  kind: Exclude<FeedbackKind, 'session'>;
  side: PairRole;
  day: number;
  hour: number;
  answer: AnswerSpec;
}

export interface PairSpec {
  mentor: PersonKey;
  mentee: PersonKey;
  status: PairStatus;
  proposedDay: number;
  topics: TopicKey[];
  matchScore: number | null;
  matchReasons: ReasonText[];
  /** What happened once the pair started; absent while it is only proposed. */
  history?: {
    startedDay: number;
    endedDay?: number;
    sessions: SessionSpec[];
    goals: GoalSpec[];
    phaseAnswers?: PhaseAnswerSpec[];
  };
}

export const PAIRS: PairSpec[] = [
  // Healthy: meets every two weeks, trusts each other.
  {
    mentor: 'giulia',
    mentee: 'marco',
    status: 'active',
    proposedDay: -71,
    topics: ['social-media', 'personal-branding', 'ai-tools'],
    matchScore: 0.91,
    matchReasons: [
      { en: 'Offers all 3 topics wanted', it: 'Offre tutti e 3 i temi richiesti' },
      { en: 'Different departments: Marketing and Finance', it: 'Reparti diversi: Marketing e Finance' },
      { en: 'Both speak Italian and English', it: 'Parlano entrambi italiano e inglese' },
    ],
    history: {
      startedDay: -67,
      sessions: [
        {
          day: -63,
          hour: 9,
          status: 'held',
          format: 'in-person',
          minutes: 60,
          topics: ['personal-branding', 'social-media'],
          summary:
            'Sistemato con Giulia il profilo LinkedIn del CFO: nuovo titolo, una foto dello shooting per il bilancio annuale e una sezione Informazioni che suona come Marco. Scritta la bozza di un primo post sul bilancio di sostenibilità.',
          actions: [
            ['Pubblicare il post sul bilancio di sostenibilità', 'mentee', true],
            ['Segnalare tre profili di CFO da cui prendere spunto', 'mentor', true],
          ],
          feedback: {
            mentor: {
              ratings: [5, 5, 4],
              recommend: 9,
              shared: true,
              learned: 'Come un CFO decide che cosa può dire in pubblico prima dell’uscita dei risultati.',
              improve: 'Mandare l’agenda un giorno prima.',
            },
            mentee: {
              ratings: [5, 5, 5],
              recommend: 10,
              shared: true,
              learned: 'Un profilo serve ad aprire conversazioni, non è un curriculum.',
            },
          },
        },
        {
          day: -49,
          hour: 15,
          status: 'held',
          format: 'video',
          minutes: 60,
          topics: ['social-media'],
          summary:
            'Il post sulla sostenibilità ha raggiunto 4.100 persone e ha ricevuto 63 commenti. Li abbiamo letti insieme e ci siamo esercitati a rispondere alle critiche senza sembrare un comunicato stampa.',
          actions: [
            ['Rispondere alle tre domande rimaste aperte sotto il post', 'mentee', true],
            ['Scrivere una guida di una pagina alle statistiche di LinkedIn', 'mentor', true],
          ],
          feedback: {
            mentor: {
              ratings: [4, 5, 4],
              recommend: 9,
              shared: false,
              learned: 'Perché la finanza non può commentare le previsioni sui risultati.',
            },
            mentee: {
              ratings: [5, 4, 4],
              recommend: 9,
              shared: true,
              learned: 'Rispondere ai commenti conta quanto il post.',
            },
          },
        },
        {
          day: -35,
          hour: 9,
          status: 'held',
          format: 'video',
          minutes: 45,
          topics: ['ai-tools'],
          summary:
            'Provato Copilot sul commento agli scostamenti del mese scorso: una buona prima bozza, ma con due numeri sbagliati. Concordato quando il team finanza può usare gli assistenti di IA e che cosa va sempre verificato a mano.',
          actions: [
            ['Preparare una nota sull’uso dell’IA per il team finanza', 'mentee', false],
            ['Mostrare due schemi di prompt per riassumere i fogli di calcolo', 'mentor', true],
          ],
          feedback: {
            mentee: {
              ratings: [5, 5, 4],
              recommend: 9,
              shared: false,
              learned: 'Dove l’IA fa risparmiare tempo al mio team e dove non ci si può ancora fidare.',
            },
          },
        },
        {
          day: -21,
          hour: 16,
          status: 'held',
          format: 'phone',
          minutes: 30,
          topics: ['personal-branding'],
          summary:
            'Breve telefonata prima dell’investor day: scelti i due messaggi da ripetere su LinkedIn e in sala. Giulia ha chiesto come si decidono i budget delle campagne digitali e Marco le ha spiegato i passaggi di approvazione.',
          actions: [['Pubblicare un riepilogo dell’investor day entro 24 ore', 'mentee', true]],
          feedback: {
            mentor: {
              ratings: [5, 5, 5],
              recommend: 10,
              shared: true,
              learned: 'Come il comitato budget confronta una campagna con le altre spese.',
            },
          },
        },
        {
          day: -7,
          hour: 9,
          status: 'held',
          format: 'in-person',
          minutes: 60,
          topics: ['social-media', 'ai-tools'],
          summary:
            'Analizzati tre mesi di statistiche di LinkedIn: i follower sono passati da 310 a 1.450 e i post personali sono andati meglio. Pianificati i prossimi quattro post e un breve video sulla nuova app per le note spese.',
          actions: [
            ['Registrare un video di 60 secondi sull’app per le note spese', 'mentee', false],
            ['Montare il video e aggiungere i sottotitoli', 'mentor', false],
          ],
          feedback: {
            mentor: { ratings: [5, 5, 4], recommend: 9, shared: false },
            mentee: {
              ratings: [5, 4, 5],
              recommend: 9,
              shared: true,
              improve: 'Mi piacerebbe avere qualche compito tra una sessione e l’altra.',
            },
          },
        },
        {
          day: 7,
          hour: 9,
          status: 'planned',
          format: 'video',
          minutes: 60,
          topics: ['ai-tools'],
          summary:
            'Agenda: rivedere la nota sull’uso dell’IA per il team finanza e scegliere una prima attività da automatizzare.',
        },
      ],
      goals: [
        {
          owner: 'mentee',
          title: 'Pubblicare un primo post su LinkedIn sul bilancio di sostenibilità',
          topic: 'social-media',
          targetDay: -45,
          status: 'achieved',
          progress: 100,
          assessed: [1, 4],
          commitments: [
            ['Leggere ogni mattina i post di tre colleghi e commentarne uno', true],
            ['Scrivere io la bozza, senza passarla all’ufficio comunicazione', true],
          ],
        },
        {
          owner: 'mentee',
          title: 'Pubblicare su LinkedIn ogni due settimane per un trimestre',
          topic: 'personal-branding',
          targetDay: 30,
          status: 'in-progress',
          progress: 60,
          assessed: [2, 3],
          commitments: [
            ['Bloccare in agenda mezz’ora il venerdì per scrivere', true],
            ['Rispondere di persona ai commenti entro un giorno', false],
          ],
        },
        {
          owner: 'mentee',
          title: 'Concordare con il team finanza le regole per l’uso dell’IA',
          topic: 'ai-tools',
          targetDay: 45,
          status: 'in-progress',
          progress: 40,
          assessed: [1, null],
          commitments: [['Usare l’assistente di IA per riassumere la riunione del lunedì', false]],
        },
        {
          owner: 'mentor',
          title: 'Capire come si prendono le decisioni sul budget',
          topic: 'strategy',
          targetDay: 60,
          status: 'in-progress',
          progress: 50,
        },
      ],
      phaseAnswers: [
        {
          kind: 'midpoint',
          side: 'mentor',
          day: -10,
          hour: 11,
          answer: {
            ratings: [5, 5, 4],
            recommend: 9,
            shared: true,
            learned: 'Capisco i nostri numeri molto meglio di quanto pensassi.',
          },
        },
        {
          kind: 'midpoint',
          side: 'mentee',
          day: -10,
          hour: 17,
          answer: {
            ratings: [5, 5, 5],
            recommend: 10,
            shared: true,
            learned: 'Essere visibili online ormai fa parte del lavoro.',
          },
        },
      ],
    },
  },
  // At risk: has not met for six weeks; Francesca cancelled the session and then its new date.
  {
    mentor: 'luca',
    mentee: 'francesca',
    status: 'active',
    proposedDay: -71,
    topics: ['ai-tools', 'digital-transformation'],
    matchScore: 0.86,
    matchReasons: [
      {
        en: 'Offers 2 of the 2 topics wanted: AI tools, Digital transformation',
        it: 'Offre 2 dei 2 temi richiesti: Strumenti di IA, Trasformazione digitale',
      },
      { en: 'Different departments: IT and Legal', it: 'Reparti diversi: IT e Legal' },
      { en: 'Both speak Italian', it: 'Parlano entrambi italiano' },
    ],
    history: {
      startedDay: -66,
      sessions: [
        {
          day: -60,
          hour: 13,
          status: 'held',
          format: 'video',
          minutes: 60,
          topics: ['ai-tools'],
          summary:
            'Visto insieme che cosa l’assistente di IA aziendale può e non può leggere. Provato su un accordo di riservatezza standard: ha trovato in pochi secondi la clausola sulla legge applicabile mancante.',
          actions: [
            ['Elencare cinque controlli contrattuali di routine da provare con l’assistente', 'mentee', true],
            ['Creare una raccolta condivisa di prompt in Teams', 'mentor', true],
          ],
          feedback: {
            mentor: {
              ratings: [4, 4, 4],
              recommend: 8,
              shared: true,
              learned: 'Come l’ufficio legale decide che cosa è riservato.',
            },
            mentee: {
              ratings: [4, 5, 3],
              recommend: 8,
              shared: false,
              learned: 'L’assistente è un lettore junior veloce, non un avvocato.',
              improve: 'Più tempo per provarlo da sola durante la sessione.',
            },
          },
        },
        {
          day: -46,
          hour: 13,
          status: 'held',
          format: 'in-person',
          minutes: 60,
          topics: ['ai-tools', 'digital-transformation'],
          summary:
            'Costruito un prompt con la checklist per i contratti con i fornitori e provato su tre accordi anonimizzati. Parlato di dove l’IA generativa crea rischi legali: dati che escono dall’ambiente aziendale, citazioni inventate.',
          actions: [
            ['Condividere il prompt con due colleghi e raccogliere i loro commenti', 'mentee', false],
            ['Trovare la policy IT sulla localizzazione dei dati per gli strumenti di IA', 'mentor', true],
          ],
          feedback: {
            mentor: { ratings: [4, 5, 4], recommend: 9, shared: true },
          },
        },
        {
          day: -32,
          hour: 13,
          status: 'cancelled',
          format: 'video',
          minutes: null,
          topics: ['digital-transformation'],
          summary:
            'Annullata da Francesca per le revisioni dei contratti di fine trimestre. Da riprogrammare.',
        },
        {
          day: -18,
          hour: 13,
          status: 'cancelled',
          format: 'video',
          minutes: null,
          topics: ['digital-transformation'],
          summary:
            'Annullata di nuovo da Francesca il giorno stesso: riunione urgente con il collegio sindacale.',
        },
      ],
      goals: [
        {
          owner: 'mentee',
          title: 'Usare un assistente di IA per una prima revisione degli accordi di riservatezza standard',
          topic: 'ai-tools',
          targetDay: 30,
          status: 'in-progress',
          progress: 30,
          assessed: [1, 2],
          commitments: [
            ['Provare l’assistente su un accordo già firmato, prima che su uno nuovo', true],
            ['Annotare ogni errore dell’assistente da discutere con Luca', false],
          ],
        },
        {
          owner: 'mentee',
          title: 'Mappare dove l’IA generativa crea rischi legali per l’azienda',
          topic: 'digital-transformation',
          targetDay: 75,
          status: 'open',
          progress: 0,
        },
      ],
    },
  },
  // At risk: meets on time, but trust has been sliding for a month.
  {
    mentor: 'matteo',
    mentee: 'stefano',
    status: 'active',
    proposedDay: -71,
    topics: ['digital-transformation', 'new-ways-of-working'],
    matchScore: 0.74,
    matchReasons: [
      {
        en: 'Offers 2 of the 2 topics wanted: Digital transformation, New ways of working',
        it: 'Offre 2 dei 2 temi richiesti: Trasformazione digitale, Nuovi modi di lavorare',
      },
      { en: 'Different departments: R&D and Operations', it: 'Reparti diversi: R&D e Operations' },
      { en: 'Both speak Italian', it: 'Parlano entrambi italiano' },
    ],
    history: {
      startedDay: -64,
      sessions: [
        {
          day: -58,
          hour: 8,
          status: 'held',
          format: 'in-person',
          minutes: 60,
          topics: ['digital-transformation'],
          summary:
            'Visitato insieme il magazzino di Bologna ed elencati i report ancora tenuti su fogli di calcolo. Scelte le spedizioni puntuali come primo indicatore da automatizzare.',
          actions: [
            ['Inviare il foglio delle spedizioni dell’ultimo trimestre', 'mentee', true],
            ['Abbozzare una prima dashboard', 'mentor', true],
          ],
          feedback: {
            mentor: {
              ratings: [4, 4, 4],
              recommend: 8,
              shared: true,
              learned: 'Com’è davvero un turno di notte in magazzino.',
            },
            mentee: { ratings: [4, 4, 3], recommend: 7, shared: false },
          },
        },
        {
          day: -44,
          hour: 14,
          status: 'held',
          format: 'video',
          minutes: 45,
          topics: ['digital-transformation'],
          summary:
            'Rivista la prima bozza della dashboard. Stefano ha messo in dubbio la qualità dei dati; Matteo sistemerà i codici dei corrieri prima della prossima sessione.',
          actions: [
            ['Sistemare i codici dei corrieri nei dati delle spedizioni', 'mentor', true],
            ['Chiedere ai capiturno quali numeri controllano ogni mattina', 'mentee', false],
          ],
          feedback: {
            mentor: {
              ratings: [3, 3, 4],
              recommend: 7,
              shared: false,
              improve: 'La sessione si è trasformata in una riunione di aggiornamento.',
            },
            mentee: {
              ratings: [3, 3, 3],
              recommend: 6,
              shared: false,
              improve: 'Meno gergo tecnico, per favore.',
            },
          },
        },
        {
          day: -30,
          hour: 14,
          status: 'held',
          format: 'video',
          minutes: 30,
          topics: ['new-ways-of-working'],
          summary:
            'Provata una lavagna online condivisa per la riunione settimanale dei turni. Stefano l’ha trovata più lenta della carta, quindi per ora è accantonata.',
          actions: [['Provare la lavagna una volta con un solo turno', 'mentee', false]],
          feedback: {
            mentor: {
              ratings: [3, 3, 3],
              recommend: 6,
              shared: false,
              improve: 'È difficile dire apertamente a un direttore che non si è d’accordo.',
            },
          },
        },
        {
          day: -16,
          hour: 14,
          status: 'held',
          format: 'video',
          minutes: 30,
          topics: ['digital-transformation'],
          summary:
            'Mostrata la dashboard a due capiturno. La discussione su chi sia responsabile dei numeri si è fatta tesa e si è chiusa senza passi successivi.',
          feedback: {
            mentee: {
              ratings: [2, 2, 3],
              recommend: 5,
              shared: false,
              improve: 'Non sono più sicuro di che cosa stiamo cercando di ottenere.',
            },
          },
        },
        {
          day: -2,
          hour: 14,
          status: 'held',
          format: 'phone',
          minutes: 20,
          topics: ['digital-transformation'],
          summary:
            'Breve telefonata. Concordato di chiedere al referente del programma un incontro a tre prima di proseguire.',
          actions: [['Fissare un incontro con il referente HR del programma', 'mentor', false]],
          feedback: {
            mentor: {
              ratings: [3, 2, 3],
              recommend: 5,
              shared: false,
              improve: 'Vorrei un aiuto per ripensare il modo in cui lavoriamo insieme.',
            },
          },
        },
        {
          day: 12,
          hour: 8,
          status: 'planned',
          format: 'in-person',
          minutes: 60,
          topics: ['digital-transformation', 'new-ways-of-working'],
          summary:
            'Agenda: incontro con il referente del programma su come lavoriamo insieme; ridefinire gli obiettivi.',
        },
      ],
      goals: [
        {
          owner: 'mentee',
          title: 'Creare una dashboard self-service per i numeri del magazzino',
          topic: 'digital-transformation',
          targetDay: 45,
          status: 'in-progress',
          progress: 25,
        },
        {
          owner: 'mentee',
          title: 'Condurre la riunione settimanale dei turni su una lavagna online condivisa',
          topic: 'new-ways-of-working',
          status: 'dropped',
          progress: 10,
        },
      ],
      phaseAnswers: [
        {
          kind: 'midpoint',
          side: 'mentee',
          day: -10,
          hour: 9,
          answer: {
            ratings: [2, 1, 3],
            recommend: 4,
            shared: false,
            learned: 'Qualche idea utile sulle dashboard.',
            improve: 'Non mi sento a mio agio nel sollevare problemi durante le nostre sessioni.',
          },
        },
      ],
    },
  },
  {
    mentor: 'tom',
    mentee: 'elena',
    status: 'proposed',
    proposedDay: -3,
    topics: ['ai-tools', 'digital-transformation'],
    matchScore: 0.82,
    matchReasons: [
      {
        en: 'Offers 1 of the 2 topics wanted: AI tools',
        it: 'Offre 1 dei 2 temi richiesti: Strumenti di IA',
      },
      { en: 'Different departments: IT and Sales', it: 'Reparti diversi: IT e Sales' },
      { en: 'Both speak English', it: 'Parlano entrambi inglese' },
    ],
  },
  // Paused while the mentee leads a product launch.
  {
    mentor: 'sofia',
    mentee: 'sarah',
    status: 'paused',
    proposedDay: -71,
    topics: ['sustainability', 'communication'],
    matchScore: 0.79,
    matchReasons: [
      {
        en: 'Offers 2 of the 2 topics wanted: Sustainability, New ways of communicating',
        it: 'Offre 2 dei 2 temi richiesti: Sostenibilità, Nuovi modi di comunicare',
      },
      { en: 'Different departments: Operations and R&D', it: 'Reparti diversi: Operations e R&D' },
      { en: 'Both speak English', it: 'Parlano entrambi inglese' },
    ],
    history: {
      startedDay: -65,
      sessions: [
        {
          day: -59,
          hour: 10,
          status: 'held',
          format: 'video',
          minutes: 60,
          topics: ['sustainability'],
          summary:
            'Explained the company’s scope 1-3 emissions and where R&D’s share comes from: test rigs and travel. Sarah asked for a simple way to estimate the footprint of a project.',
          actions: [['Find two carbon calculators R&D could use', 'mentor', true]],
          feedback: {
            mentor: {
              ratings: [5, 4, 4],
              recommend: 9,
              shared: true,
              learned: 'How R&D decides which projects go ahead.',
            },
            mentee: {
              ratings: [4, 4, 5],
              recommend: 8,
              shared: true,
              learned: 'Our test rigs weigh more than our flights.',
            },
          },
        },
        {
          day: -45,
          hour: 10,
          status: 'held',
          format: 'async',
          minutes: 30,
          topics: ['sustainability', 'communication'],
          summary:
            'Worked asynchronously on a one-page carbon estimate template; Sarah commented in the shared document and tried it on the sensor-housing project.',
          actions: [['Present the template at the R&D leadership meeting', 'mentee', false]],
          feedback: { mentee: { ratings: [4, 4, 4], recommend: 8, shared: false } },
        },
      ],
      goals: [
        {
          owner: 'mentee',
          title: 'Add a carbon estimate to every R&D project proposal',
          topic: 'sustainability',
          targetDay: 90,
          status: 'in-progress',
          progress: 35,
        },
        {
          owner: 'mentor',
          title: 'Learn how an R&D portfolio is prioritised',
          topic: 'strategy',
          status: 'open',
          progress: 0,
        },
      ],
    },
  },
  // Completed early, on the CTO's request, once its goals were met.
  {
    mentor: 'aisha',
    mentee: 'james',
    status: 'completed',
    proposedDay: -72,
    topics: ['diversity-inclusion', 'communication', 'social-media'],
    matchScore: null,
    matchReasons: [
      {
        en: 'Paired by the HR program lead at the CTO’s request',
        it: 'Coppia formata dalla referente HR del programma su richiesta del CTO',
      },
    ],
    history: {
      startedDay: -68,
      endedDay: -6,
      sessions: [
        {
          day: -61,
          hour: 12,
          status: 'held',
          format: 'in-person',
          minutes: 60,
          topics: ['diversity-inclusion'],
          summary:
            'Read the IT job ads side by side with those of companies that hire more women into engineering, and listed the phrases that put candidates off.',
          actions: [
            ['Rewrite the cloud engineer ad', 'mentee', true],
            ['Collect candidate comments from the last graduate fair', 'mentor', true],
          ],
          feedback: {
            mentor: {
              ratings: [5, 5, 5],
              recommend: 10,
              shared: true,
              learned: 'How hiring budgets are set for a whole department.',
            },
            mentee: {
              ratings: [5, 5, 5],
              recommend: 10,
              shared: true,
              learned: 'Words like "rockstar" cost us candidates.',
            },
          },
        },
        {
          day: -47,
          hour: 12,
          status: 'held',
          format: 'video',
          minutes: 45,
          topics: ['communication'],
          summary:
            'Planned an open Q&A with the new graduate cohort: no slides, and questions collected anonymously beforehand.',
          actions: [
            ['Collect anonymous questions through a form', 'mentor', true],
            ['Block an hour with the graduates', 'mentee', true],
          ],
          feedback: { mentee: { ratings: [5, 5, 4], recommend: 9, shared: false } },
        },
        {
          day: -33,
          hour: 12,
          status: 'held',
          format: 'in-person',
          minutes: 90,
          topics: ['communication', 'diversity-inclusion'],
          summary:
            'Ran the Q&A with 24 graduates, then went through the hardest questions: career paths, remote work, and why so few women sit in the IT leadership team.',
          actions: [['Publish answers to the questions we ran out of time for', 'mentee', true]],
          feedback: { mentor: { ratings: [5, 4, 5], recommend: 9, shared: true } },
        },
        {
          day: -19,
          hour: 12,
          status: 'held',
          format: 'video',
          minutes: 45,
          topics: ['social-media'],
          summary:
            'Wrote James’s first LinkedIn post about the Q&A; Aisha showed how to tag the graduates who agreed to be named.',
        },
        {
          day: -8,
          hour: 12,
          status: 'held',
          format: 'in-person',
          minutes: 60,
          topics: ['diversity-inclusion', 'communication'],
          summary:
            'Closing session: two goals achieved, one dropped. James will propose a reverse-mentoring circle inside IT for the next cohort.',
          actions: [['Propose an IT mentoring circle for the next cohort', 'mentee', true]],
          feedback: {
            mentor: { ratings: [5, 5, 5], recommend: 10, shared: true },
            mentee: {
              ratings: [5, 5, 4],
              recommend: 10,
              shared: true,
              learned: 'Listening to graduates is cheaper than any consultancy.',
            },
          },
        },
      ],
      goals: [
        {
          owner: 'mentee',
          title: 'Rewrite the IT job ads in inclusive language',
          topic: 'diversity-inclusion',
          targetDay: -40,
          status: 'achieved',
          progress: 100,
        },
        {
          owner: 'mentee',
          title: 'Host an open Q&A with the new graduate cohort',
          topic: 'communication',
          targetDay: -30,
          status: 'achieved',
          progress: 100,
        },
        {
          owner: 'mentee',
          title: 'Post about IT culture on LinkedIn once a month',
          topic: 'social-media',
          status: 'dropped',
          progress: 20,
        },
      ],
      phaseAnswers: [
        {
          kind: 'midpoint',
          side: 'mentor',
          day: -10,
          hour: 13,
          answer: { ratings: [5, 5, 5], recommend: 10, shared: false },
        },
      ],
    },
  },
];
