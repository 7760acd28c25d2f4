import type {
  AvailabilitySlot,
  EnrollmentStatus,
  PairRole,
  ProgramMatching,
  ProgramStatus,
  Topic,
  TopicKey,
} from '@rm-kit/core';
import type { PersonKey } from './demo-people.js';

/**
 * The demo's two programs and who enrolled in each: Digital Bridge, running for ten weeks,
 * and Green Leaders, taking applications, ready for an admin to accept the last one and run
 * matching. Days count from the day the demo is seeded. Data only; demo-seed.ts builds the rows.
 */

export interface EnrollmentSpec {
  who: PersonKey;
  role: PairRole;
  topics: TopicKey[];
  capacity?: number;
  availability?: AvailabilitySlot[];
  /** Accepted unless said otherwise. */
  status?: EnrollmentStatus;
  motivation: string;
}

export interface ProgramSpec {
  /** The program's name before its starting year. */
  name: string;
  description: string;
  topics: TopicKey[];
  customTopics: Topic[];
  createdDay: number;
  startDay: number;
  endDay: number;
  sessionMinutes: number;
  status: ProgramStatus;
  matching: ProgramMatching;
  /** Goals an admin suggests to the program's pairs, by topic. */
  goalTemplates?: { title: { en: string; it: string }; topic: TopicKey }[];
  /** When the first enrolment came in; one more each day after. */
  firstEnrollmentDay: number;
  enrollments: EnrollmentSpec[];
}

/** The charter both demo programs use, in both languages the kit speaks. */
export const CHARTER = {
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

const DEFAULT_MATCHING: ProgramMatching = {
  weights: { topics: 4, crossDepartment: 2, language: 2, availability: 2 },
  separateDepartments: false,
};

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

export const DIGITAL_BRIDGE: ProgramSpec = {
  name: 'Digital Bridge',
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
  createdDay: -100,
  startDay: -70,
  endDay: 112,
  sessionMinutes: 60,
  status: 'active',
  matching: DEFAULT_MATCHING,
  goalTemplates: [
    {
      title: { en: 'Publish a first post on LinkedIn', it: 'Pubblicare un primo post su LinkedIn' },
      topic: 'social-media',
    },
    {
      title: {
        en: 'Use an AI assistant for one recurring task',
        it: 'Usare un assistente di IA per un’attività ricorrente',
      },
      topic: 'ai-tools',
    },
    {
      title: {
        en: 'Run a meeting fully on our collaboration tools',
        it: 'Gestire una riunione solo con gli strumenti di collaborazione',
      },
      topic: 'new-ways-of-working',
    },
  ],
  firstEnrollmentDay: -95,
  enrollments: BRIDGE_ENROLLMENTS,
};

/**
 * Four mentor places (Sofia takes two) for five accepted mentees, so matching leaves one
 * out and says why; Tom's application waits for the admin, and accepting it makes room for
 * everyone. Sofia reports to Stefano and Aisha to Elena: matching never pairs them. Paolo
 * Ricci is not here: he is the demo's person with no pair, who sees the enrolment form.
 */
const GREEN_ENROLLMENTS: EnrollmentSpec[] = [
  {
    who: 'federica',
    role: 'mentor',
    topics: ['sustainability', 'carbon-literacy'],
    availability: ['mon-am', 'wed-am', 'thu-pm'],
    motivation:
      'Ho organizzato il nostro primo workshop di alfabetizzazione climatica e voglio portarlo al gruppo dirigente.',
  },
  {
    who: 'sofia',
    role: 'mentor',
    topics: ['carbon-literacy', 'sustainability', 'communication'],
    capacity: 2,
    availability: ['tue-am', 'tue-pm', 'thu-am'],
    motivation:
      'Digital Bridge mi ha mostrato quanto può cambiare un singolo dirigente. Vorrei seguirne due come mentor.',
  },
  {
    who: 'aisha',
    role: 'mentor',
    topics: ['communication', 'new-ways-of-working'],
    availability: ['mon-pm', 'wed-pm', 'fri-am'],
    motivation: 'Sustainability is also how we work: fewer flights, and hybrid meetings that actually work.',
  },
  {
    who: 'tom',
    role: 'mentor',
    topics: ['new-ways-of-working', 'sustainability'],
    availability: ['tue-pm', 'thu-pm'],
    status: 'applied',
    motivation: 'I built our travel-emissions dashboard and want the people who approve trips to use it.',
  },
  {
    who: 'stefano',
    role: 'mentee',
    topics: ['sustainability', 'carbon-literacy'],
    availability: ['tue-am', 'thu-am'],
    motivation:
      'Gli stabilimenti consumano più energia di tutto il resto dell’azienda: voglio capire da dove cominciare.',
  },
  {
    who: 'elena',
    role: 'mentee',
    topics: ['communication', 'sustainability'],
    availability: ['mon-pm', 'fri-am'],
    motivation:
      'I clienti ci chiedono quanto inquinano i nostri prodotti e i miei venditori non sanno rispondere.',
  },
  {
    who: 'sarah',
    role: 'mentee',
    topics: ['carbon-literacy', 'sustainability'],
    availability: ['tue-pm', 'wed-am'],
    motivation:
      'Customers ask for the footprint of every product; I want to answer with numbers, not adjectives.',
  },
  {
    who: 'francesca',
    role: 'mentee',
    topics: ['sustainability', 'communication'],
    availability: ['wed-pm', 'fri-am'],
    motivation:
      'Le nuove regole europee sulla rendicontazione di sostenibilità arrivano sul mio tavolo: voglio capirle prima di doverle applicare.',
  },
  {
    who: 'marco',
    role: 'mentee',
    topics: ['carbon-literacy', 'communication'],
    availability: ['tue-am', 'thu-pm'],
    motivation: 'Gli investitori ci chiedono un piano di transizione credibile, e devo saperlo spiegare.',
  },
  {
    who: 'james',
    role: 'mentee',
    topics: ['new-ways-of-working'],
    status: 'declined',
    motivation: 'After Digital Bridge I would like another round, this time on how IT travels and meets.',
  },
];

export const GREEN_LEADERS: ProgramSpec = {
  name: 'Green Leaders',
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
  createdDay: -12,
  startDay: 120,
  endDay: 393,
  sessionMinutes: 45,
  status: 'enrolling',
  matching: DEFAULT_MATCHING,
  firstEnrollmentDay: -11,
  enrollments: GREEN_ENROLLMENTS,
};
