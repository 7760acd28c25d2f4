import {
  type CareerStage,
  defaultProgramMatching,
  type Enrollment,
  type EnrollmentStatus,
  enrollmentSchema,
  type Feedback,
  type FeedbackKind,
  feedbackSchema,
  type Goal,
  type GoalStatus,
  goalSchema,
  type IdKind,
  type Locale,
  newId,
  type Organization,
  organizationSchema,
  PAIR_ROLES,
  type Pair,
  type PairRole,
  type PairStatus,
  type Person,
  type Program,
  pairSchema,
  personSchema,
  programSchema,
  type ReasonText,
  type Session,
  type SessionFormat,
  type SessionStatus,
  sessionSchema,
  type TopicKey,
} from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { toFlag, toJson } from '../db/json.js';
import type { Database, NewRow } from '../db/schema.js';
import { enrollmentRow } from '../routes/enrollments/enrollments.store.js';
import { pairRow } from '../routes/pairs/pairs.store.js';
import { programRow } from '../routes/programs/programs.store.js';

/**
 * Fixed, unlike every other id here: finding it is how a restart knows the demo is
 * already there, so restarting a demo server never doubles its data.
 */
export const DEMO_ORG_ID = 'org_00000000000000000000000DEM';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface PersonSpec {
  key: string;
  name: string;
  title: string;
  department: string;
  manager: string | null;
  stage: CareerStage;
  locale: Locale;
  languages: readonly string[];
  timeZone?: string;
  admin?: true;
}

// Mentors (juniors, early/mid career) sit at the bottom of the tree and mentees (senior,
// executive) above them, but never above their own mentor: see the pairs below.
const PEOPLE = [
  {
    key: 'alessandro',
    name: 'Alessandro Conti',
    title: 'Chief Executive Officer',
    department: 'Operations',
    manager: null,
    stage: 'executive',
    locale: 'it',
    languages: ['it', 'en'],
  },
  {
    key: 'marco',
    name: 'Marco Rinaldi',
    title: 'Chief Financial Officer',
    department: 'Finance',
    manager: 'alessandro',
    stage: 'executive',
    locale: 'it',
    languages: ['it', 'en'],
  },
  {
    key: 'elena',
    name: 'Elena Moretti',
    title: 'Chief Commercial Officer',
    department: 'Sales',
    manager: 'alessandro',
    stage: 'executive',
    locale: 'it',
    languages: ['it', 'en', 'fr'],
  },
  {
    key: 'james',
    name: 'James Whitfield',
    title: 'Chief Technology Officer',
    department: 'IT',
    manager: 'alessandro',
    stage: 'executive',
    locale: 'en',
    languages: ['en', 'it'],
  },
  {
    key: 'francesca',
    name: 'Francesca Galli',
    title: 'Head of Legal',
    department: 'Legal',
    manager: 'alessandro',
    stage: 'senior',
    locale: 'it',
    languages: ['it', 'en'],
  },
  {
    key: 'stefano',
    name: 'Stefano Marino',
    title: 'Operations Director',
    department: 'Operations',
    manager: 'alessandro',
    stage: 'senior',
    locale: 'it',
    languages: ['it'],
  },
  {
    key: 'chiara',
    name: 'Chiara Ferri',
    title: 'HR Program Lead',
    department: 'HR',
    manager: 'alessandro',
    stage: 'senior',
    locale: 'it',
    languages: ['it', 'en'],
    admin: true,
  },
  {
    key: 'paolo',
    name: 'Paolo Ricci',
    title: 'Marketing Director',
    department: 'Marketing',
    manager: 'elena',
    stage: 'senior',
    locale: 'it',
    languages: ['it', 'en'],
  },
  {
    key: 'sarah',
    name: 'Sarah Collins',
    title: 'Head of R&D',
    department: 'R&D',
    manager: 'james',
    stage: 'senior',
    locale: 'en',
    languages: ['en'],
    timeZone: 'Europe/London',
  },
  {
    key: 'giulia',
    name: 'Giulia Rossi',
    title: 'Digital Marketing Specialist',
    department: 'Marketing',
    manager: 'paolo',
    stage: 'early',
    locale: 'it',
    languages: ['it', 'en'],
  },
  {
    key: 'luca',
    name: 'Luca Esposito',
    title: 'Cloud Engineer',
    department: 'IT',
    manager: 'james',
    stage: 'early',
    locale: 'it',
    languages: ['it', 'en'],
  },
  {
    key: 'matteo',
    name: 'Matteo Colombo',
    title: 'Data Scientist',
    department: 'R&D',
    manager: 'sarah',
    stage: 'mid',
    locale: 'it',
    languages: ['it', 'en'],
  },
  {
    key: 'tom',
    name: 'Tom Bennett',
    title: 'Software Developer',
    department: 'IT',
    manager: 'james',
    stage: 'early',
    locale: 'en',
    languages: ['en', 'it'],
    timeZone: 'Europe/London',
  },
  {
    key: 'sofia',
    name: 'Sofia Romano',
    title: 'Sustainability Analyst',
    department: 'Operations',
    manager: 'stefano',
    stage: 'early',
    locale: 'it',
    languages: ['it', 'en'],
  },
  {
    key: 'aisha',
    name: 'Aisha Khan',
    title: 'Sales Operations Analyst',
    department: 'Sales',
    manager: 'elena',
    stage: 'early',
    locale: 'en',
    languages: ['en', 'it', 'ur'],
  },
  {
    key: 'federica',
    name: 'Federica Greco',
    title: 'HR Generalist',
    department: 'HR',
    manager: 'chiara',
    stage: 'early',
    locale: 'it',
    languages: ['it', 'en'],
  },
] as const satisfies readonly PersonSpec[];

type PersonKey = (typeof PEOPLE)[number]['key'];

interface EnrollmentSpec {
  who: PersonKey;
  role: PairRole;
  topics: TopicKey[];
  capacity?: number;
  motivation: string;
}

const BRIDGE_ENROLLMENTS: EnrollmentSpec[] = [
  {
    who: 'giulia',
    role: 'mentor',
    topics: ['social-media', 'personal-branding', 'ai-tools'],
    capacity: 2,
    motivation:
      'Curo la nostra pagina LinkedIn e mi piacerebbe aiutare i dirigenti a trovare lì la propria voce.',
  },
  {
    who: 'luca',
    role: 'mentor',
    topics: ['ai-tools', 'digital-transformation'],
    motivation:
      'Sto introducendo il nostro assistente di IA e voglio vedere come funziona per chi non lavora nell’IT.',
  },
  {
    who: 'matteo',
    role: 'mentor',
    topics: ['digital-transformation', 'ai-tools', 'new-ways-of-working'],
    motivation: 'I dati servono solo se chi guida l’azienda li usa ogni giorno.',
  },
  {
    who: 'tom',
    role: 'mentor',
    topics: ['ai-tools', 'digital-transformation'],
    capacity: 2,
    motivation: 'I want to understand how the business side thinks about technology.',
  },
  {
    who: 'sofia',
    role: 'mentor',
    topics: ['sustainability', 'communication'],
    motivation:
      'I nostri obiettivi climatici funzionano solo se i dirigenti li capiscono abbastanza bene da saperli spiegare.',
  },
  {
    who: 'aisha',
    role: 'mentor',
    topics: ['diversity-inclusion', 'communication', 'social-media'],
    motivation: 'I want to help make this a company where people like me stay.',
  },
  {
    who: 'marco',
    role: 'mentee',
    topics: ['social-media', 'personal-branding', 'ai-tools'],
    motivation: 'I nostri investitori leggono LinkedIn più dei nostri comunicati stampa.',
  },
  {
    who: 'francesca',
    role: 'mentee',
    topics: ['ai-tools', 'digital-transformation'],
    motivation: 'Mi chiedono pareri sull’IA senza che io l’abbia mai usata seriamente.',
  },
  {
    who: 'stefano',
    role: 'mentee',
    topics: ['digital-transformation', 'new-ways-of-working'],
    motivation: 'I miei team lavorano ancora con fogli di calcolo e carta, e non so da dove cominciare.',
  },
  {
    who: 'elena',
    role: 'mentee',
    topics: ['ai-tools', 'social-media'],
    motivation: 'Con l’IA il modo di vendere cambierà e voglio guidare questo cambiamento, non subirlo.',
  },
  {
    who: 'sarah',
    role: 'mentee',
    topics: ['sustainability', 'communication'],
    motivation: 'Customers now ask about the footprint of what we design, and I want good answers.',
  },
  {
    who: 'james',
    role: 'mentee',
    topics: ['diversity-inclusion', 'communication'],
    motivation: 'One engineer in eight here is a woman. I want to hear why from people who chose to join.',
  },
];

const GREEN_APPLICATIONS: EnrollmentSpec[] = [
  {
    who: 'federica',
    role: 'mentor',
    topics: ['sustainability', 'carbon-literacy'],
    motivation:
      'Ho organizzato il nostro primo workshop di alfabetizzazione climatica e voglio portarlo al gruppo dirigente.',
  },
  {
    who: 'sofia',
    role: 'mentor',
    topics: ['carbon-literacy', 'sustainability', 'communication'],
    capacity: 2,
    motivation:
      'Digital Bridge mi ha mostrato quanto può cambiare un singolo dirigente. Vorrei seguirne due come mentor.',
  },
  {
    who: 'paolo',
    role: 'mentee',
    topics: ['carbon-literacy', 'sustainability'],
    motivation: 'Voglio che le nostre campagne parlino di sostenibilità senza greenwashing.',
  },
];

/** One side's answer; ratings are [usefulness, trust, preparation], each 1-5. */
interface AnswerSpec {
  ratings: [number, number, number];
  recommend: number;
  shared: boolean;
  learned?: string;
  improve?: string;
}

interface SessionSpec {
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

interface GoalSpec {
  owner: PairRole;
  title: string;
  topic: TopicKey;
  targetDay?: number;
  status: GoalStatus;
  progress: number;
}

interface PhaseAnswerSpec {
  kind: Exclude<FeedbackKind, 'session'>;
  side: PairRole;
  day: number;
  hour: number;
  answer: AnswerSpec;
}

interface PairSpec {
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

const PAIRS: PairSpec[] = [
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
        },
        {
          owner: 'mentee',
          title: 'Pubblicare su LinkedIn ogni due settimane per un trimestre',
          topic: 'personal-branding',
          targetDay: 30,
          status: 'in-progress',
          progress: 60,
        },
        {
          owner: 'mentee',
          title: 'Concordare con il team finanza le regole per l’uso dell’IA',
          topic: 'ai-tools',
          targetDay: 45,
          status: 'in-progress',
          progress: 40,
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
  // At risk: has not met for six weeks, since one cancellation was never rebooked.
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
      ],
      goals: [
        {
          owner: 'mentee',
          title: 'Usare un assistente di IA per una prima revisione degli accordi di riservatezza standard',
          topic: 'ai-tools',
          targetDay: 30,
          status: 'in-progress',
          progress: 30,
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

/** The charter both demo programs use, in both languages the kit speaks. */
const CHARTER = {
  en: `Our pair charter

1. Confidentiality. What we say in our sessions stays between us. Private notes belong to their author alone, and neither of us repeats the other's words without asking first.
2. Cadence. We meet every two weeks for about an hour, in person or on video. If one of us must cancel, we say so at least a day ahead and book a new date within the week.
3. Respect. Here the junior colleague leads and the senior colleague learns. Titles stay outside the room: questions are welcome, disagreement is fine, judgement is not.
4. Follow-through. Each session ends with agreed action items, and each of us does our own before the next one.
5. Honest feedback. We answer the short feedback form after each session. The program's HR leads see only anonymous averages.
6. Safety. Nothing said here is used in a performance review, and either of us may ask the program lead to end the pairing without giving a reason.`,
  it: `Il nostro patto di mentoring

1. Riservatezza. Ciò che ci diciamo nelle sessioni resta tra noi. Le note private appartengono solo a chi le scrive e nessuno di noi riporta le parole dell'altra persona senza prima chiederle il permesso.
2. Cadenza. Ci incontriamo ogni due settimane per circa un'ora, di persona o in videochiamata. Chi deve annullare avvisa almeno un giorno prima e fissiamo una nuova data entro la settimana.
3. Rispetto. Qui guida chi è a inizio carriera e impara chi ha più esperienza. I titoli restano fuori dalla porta: le domande sono benvenute, il disaccordo è legittimo, i giudizi no.
4. Impegni. Ogni sessione si chiude con azioni concordate e ciascuno porta a termine le proprie prima della sessione successiva.
5. Feedback sincero. Dopo ogni sessione compiliamo il breve questionario di feedback. L'ufficio HR vede solo medie anonime.
6. Tutela. Nulla di ciò che diciamo qui viene usato nella valutazione delle prestazioni e ciascuno di noi può chiedere al referente del programma di chiudere l'abbinamento, senza doverne spiegare il motivo.`,
};

/**
 * Juniors tend to answer right after a session and executives the next morning; spreading
 * the answers out also gives the "latest three answers" trust rule a real order.
 */
const ANSWER_DELAY_HOURS: Record<PairRole, number> = { mentor: 3, mentee: 20 };

/** Days and instants counted from today (UTC), so the demo looks current whenever it is seeded. */
function clock(now: Date) {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    day: (days: number) => new Date(midnight + days * DAY_MS).toISOString().slice(0, 10),
    at: (days: number, hours: number) => new Date(midnight + days * DAY_MS + hours * HOUR_MS).toISOString(),
  };
}

const later = (instant: string, hours: number) =>
  new Date(Date.parse(instant) + hours * HOUR_MS).toISOString();
const idAt = (kind: IdKind, createdAt: string) => newId(kind, Date.parse(createdAt));
const stored = (createdAt: string) => ({ orgId: DEMO_ORG_ID, createdAt, updatedAt: createdAt, version: 1 });

interface Demo {
  organization: Organization;
  people: Person[];
  programs: Program[];
  enrollments: Enrollment[];
  pairs: Pair[];
  sessions: Session[];
  goals: Goal[];
  feedback: Feedback[];
}

/** Every entity goes through its core schema, so a change in the contract breaks the seed loudly. */
function buildDemo(now: Date): Demo {
  const { day, at } = clock(now);
  const founded = at(-120, 8);
  const organization = organizationSchema.parse({
    id: DEMO_ORG_ID,
    name: 'Contoso Italia',
    defaultLocale: 'it',
    settings: { minAggregateGroupSize: 3 },
    createdAt: founded,
    updatedAt: founded,
    version: 1,
  });

  const joined = at(-118, 8);
  const personId = Object.fromEntries(PEOPLE.map((p) => [p.key, idAt('person', joined)])) as Record<
    PersonKey,
    string
  >;
  const people = PEOPLE.map((spec) => {
    const email = `${spec.name.toLowerCase().replace(' ', '.')}@contoso.example`;
    return personSchema.parse({
      id: personId[spec.key],
      ...stored(joined),
      // Demo tokens carry the external id as their subject.
      externalId: email,
      email,
      displayName: spec.name,
      title: spec.title,
      department: spec.department,
      managerId: spec.manager === null ? null : personId[spec.manager],
      careerStage: spec.stage,
      locale: spec.locale,
      languages: [...spec.languages],
      timeZone: 'timeZone' in spec ? spec.timeZone : 'Europe/Rome',
      photoUrl: null,
      isAdmin: 'admin' in spec,
    });
  });

  const bridgeCreated = at(-100, 9);
  const bridgeStart = day(-70);
  const digitalBridge = programSchema.parse({
    id: idAt('program', bridgeCreated),
    ...stored(bridgeCreated),
    name: `Digital Bridge ${bridgeStart.slice(0, 4)}`,
    description:
      'Junior colleagues coach senior leaders on the skills that are changing how we work: social media, AI tools, data and new ways of collaborating. Senior leaders share strategy and experience in return.',
    topics: [
      'digital-transformation',
      'social-media',
      'personal-branding',
      'ai-tools',
      'sustainability',
      'diversity-inclusion',
      'communication',
      'new-ways-of-working',
      'strategy',
      'career',
    ],
    customTopics: [],
    startsOn: bridgeStart,
    endsOn: day(112),
    cadenceDays: 14,
    sessionMinutes: 60,
    status: 'active',
    charter: CHARTER,
    matching: defaultProgramMatching(),
  });

  const greenCreated = at(-12, 9);
  const greenStart = day(120);
  const greenLeaders = programSchema.parse({
    id: idAt('program', greenCreated),
    ...stored(greenCreated),
    name: `Green Leaders ${greenStart.slice(0, 4)}`,
    description:
      'Young sustainability champions help senior leaders turn the company’s climate targets into everyday decisions, from travel to product design.',
    topics: ['sustainability', 'carbon-literacy', 'communication', 'new-ways-of-working', 'strategy'],
    customTopics: [
      {
        key: 'carbon-literacy',
        labels: { en: 'Carbon literacy', it: 'Alfabetizzazione climatica' },
        direction: 'reverse',
      },
    ],
    startsOn: greenStart,
    endsOn: day(393),
    cadenceDays: 14,
    sessionMinutes: 45,
    status: 'enrolling',
    charter: CHARTER,
    matching: defaultProgramMatching(),
  });

  const enroll = (program: Program, status: EnrollmentStatus, specs: EnrollmentSpec[], firstDay: number) =>
    specs.map((spec, i) => {
      const createdAt = at(firstDay + i, 10);
      return enrollmentSchema.parse({
        id: idAt('enrollment', createdAt),
        ...stored(createdAt),
        programId: program.id,
        personId: personId[spec.who],
        role: spec.role,
        topics: spec.topics,
        capacity: spec.capacity ?? 1,
        motivation: spec.motivation,
        languages: [...(PEOPLE.find((p) => p.key === spec.who)?.languages ?? [])],
        availability: [],
        status,
      });
    });

  const demo: Demo = {
    organization,
    people,
    programs: [digitalBridge, greenLeaders],
    enrollments: [
      ...enroll(digitalBridge, 'accepted', BRIDGE_ENROLLMENTS, -95),
      ...enroll(greenLeaders, 'applied', GREEN_APPLICATIONS, -6),
    ],
    pairs: [],
    sessions: [],
    goals: [],
    feedback: [],
  };

  const answer = (
    pair: Pair,
    side: PairRole,
    target: { kind: FeedbackKind; sessionId: string | null },
    createdAt: string,
    spec: AnswerSpec,
  ) =>
    feedbackSchema.parse({
      id: idAt('feedback', createdAt),
      ...stored(createdAt),
      pairId: pair.id,
      ...target,
      authorId: side === 'mentor' ? pair.mentorId : pair.menteeId,
      authorRole: side,
      ratings: { usefulness: spec.ratings[0], trust: spec.ratings[1], preparation: spec.ratings[2] },
      recommend: spec.recommend,
      learned: spec.learned ?? '',
      improve: spec.improve ?? '',
      shareWithPartner: spec.shared,
    });

  // Nothing in the demo may look created after `now`, so rows planned ahead were made yesterday at the latest.
  const yesterday = Date.parse(at(-1, 17));

  for (const spec of PAIRS) {
    const history = spec.history;
    const proposedAt = at(spec.proposedDay, 11);
    const pair = pairSchema.parse({
      id: idAt('pair', proposedAt),
      ...stored(proposedAt),
      programId: digitalBridge.id,
      mentorId: personId[spec.mentor],
      menteeId: personId[spec.mentee],
      status: spec.status,
      topics: spec.topics,
      matchScore: spec.matchScore,
      matchReasons: spec.matchReasons,
      menteeConsentedAt: history ? at(history.startedDay - 3, 12) : null,
      charterAcceptedAt: history
        ? { mentor: at(history.startedDay - 2, 10), mentee: at(history.startedDay - 1, 16) }
        : { mentor: null, mentee: null },
      override: false,
      startedOn: history ? day(history.startedDay) : null,
      endedOn: history?.endedDay === undefined ? null : day(history.endedDay),
      endedBy: history?.endedDay === undefined ? null : 'admin',
    });
    demo.pairs.push(pair);
    if (!history) continue;

    for (const s of history.sessions) {
      const when = at(s.day, s.hour);
      const held = s.status === 'held';
      const createdAt = held
        ? later(when, 2)
        : new Date(Math.min(Date.parse(when) - 7 * DAY_MS, yesterday)).toISOString();
      const session = sessionSchema.parse({
        id: idAt('session', createdAt),
        ...stored(createdAt),
        pairId: pair.id,
        status: s.status,
        scheduledAt: when,
        occurredAt: held ? when : null,
        durationMinutes: s.minutes,
        format: s.format,
        topics: s.topics,
        summary: s.summary,
        cancellationReason: null,
        actionItems: (s.actions ?? []).map(([text, owner, done], i) => ({
          id: `ai_${i + 1}`,
          text,
          owner,
          done,
        })),
      });
      demo.sessions.push(session);
      for (const side of PAIR_ROLES) {
        const reply = s.feedback?.[side];
        if (!reply) continue;
        const target = { kind: 'session' as const, sessionId: session.id };
        demo.feedback.push(answer(pair, side, target, later(when, ANSWER_DELAY_HOURS[side]), reply));
      }
    }

    const goalsSet = at(history.startedDay + 1, 10);
    for (const g of history.goals) {
      demo.goals.push(
        goalSchema.parse({
          id: idAt('goal', goalsSet),
          ...stored(goalsSet),
          pairId: pair.id,
          owner: g.owner,
          title: g.title,
          topic: g.topic,
          targetDate: g.targetDay === undefined ? null : day(g.targetDay),
          status: g.status,
          progress: g.progress,
        }),
      );
    }

    for (const p of history.phaseAnswers ?? []) {
      demo.feedback.push(
        answer(pair, p.side, { kind: p.kind, sessionId: null }, at(p.day, p.hour), p.answer),
      );
    }
  }
  return demo;
}

const organizationRow = (o: Organization): NewRow<'organizations'> => ({
  ...o,
  settings: toJson(o.settings),
});

const personRow = (p: Person): NewRow<'people'> => ({
  ...p,
  languages: toJson(p.languages),
  isAdmin: toFlag(p.isAdmin),
  deletedAt: null,
});

const goalRow = (g: Goal): NewRow<'goals'> => ({ ...g, deletedAt: null });

const sessionRow = (s: Session): NewRow<'sessions'> => ({
  ...s,
  sortAt: s.occurredAt ?? s.scheduledAt ?? s.createdAt,
  topics: toJson(s.topics),
  actionItems: toJson(s.actionItems),
  deletedAt: null,
});

const feedbackRow = ({ ratings, shareWithPartner, ...f }: Feedback): NewRow<'feedback'> => ({
  ...f,
  ...ratings,
  target: f.sessionId ?? f.kind,
  shareWithPartner: toFlag(shareWithPartner),
});

/**
 * Seeds Contoso Italia: 16 people, an active program with six pairs at different stages
 * (healthy, quiet for six weeks, losing trust, proposed, paused, completed) and a second
 * program taking applications. Does nothing when the demo organisation already exists.
 */
export async function seedDemo(db: Kysely<Database>, now: Date = new Date()): Promise<void> {
  const demo = buildDemo(now);
  await db.transaction().execute(async (trx) => {
    // Inserting the organisation doubles as the "already seeded?" check, and stays right
    // when two demo servers start on one PostgreSQL database at the same moment.
    const org = await trx
      .insertInto('organizations')
      .values(organizationRow(demo.organization))
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (org.numInsertedOrUpdatedRows === 0n) return;
    await trx.insertInto('people').values(demo.people.map(personRow)).execute();
    await trx.insertInto('programs').values(demo.programs.map(programRow)).execute();
    await trx.insertInto('enrollments').values(demo.enrollments.map(enrollmentRow)).execute();
    await trx.insertInto('pairs').values(demo.pairs.map(pairRow)).execute();
    await trx.insertInto('sessions').values(demo.sessions.map(sessionRow)).execute();
    await trx.insertInto('goals').values(demo.goals.map(goalRow)).execute();
    await trx.insertInto('feedback').values(demo.feedback.map(feedbackRow)).execute();
  });
}
