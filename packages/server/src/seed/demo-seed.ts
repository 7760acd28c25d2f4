import {
  type CareerStage,
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
  type Session,
  type SessionFormat,
  type SessionStatus,
  sessionSchema,
  type TopicKey,
} from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { toFlag, toJson } from '../db/json.js';
import type { Database, NewRow } from '../db/schema.js';

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
    motivation: 'I run our LinkedIn page and would love to help leaders find their own voice there.',
  },
  {
    who: 'luca',
    role: 'mentor',
    topics: ['ai-tools', 'digital-transformation'],
    motivation: 'I am rolling out our AI assistant and want to see how it works for people outside IT.',
  },
  {
    who: 'matteo',
    role: 'mentor',
    topics: ['digital-transformation', 'ai-tools', 'new-ways-of-working'],
    motivation: 'Data only helps when the people who run the business use it every day.',
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
    motivation: 'Our climate targets only work if leaders understand them well enough to explain them.',
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
    motivation: 'Our investors read LinkedIn more than they read our press releases.',
  },
  {
    who: 'francesca',
    role: 'mentee',
    topics: ['ai-tools', 'digital-transformation'],
    motivation: 'I am asked to advise on AI without ever having used it seriously myself.',
  },
  {
    who: 'stefano',
    role: 'mentee',
    topics: ['digital-transformation', 'new-ways-of-working'],
    motivation: 'My teams still run on spreadsheets and paper, and I do not know where to start.',
  },
  {
    who: 'elena',
    role: 'mentee',
    topics: ['ai-tools', 'social-media'],
    motivation: 'Selling will change with AI and I want to lead that change, not follow it.',
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
    motivation: 'I organised our first carbon literacy workshop and want to take it to the leadership team.',
  },
  {
    who: 'sofia',
    role: 'mentor',
    topics: ['carbon-literacy', 'sustainability', 'communication'],
    capacity: 2,
    motivation: 'Digital Bridge showed me how much a single leader can change. I would like to mentor two.',
  },
  {
    who: 'paolo',
    role: 'mentee',
    topics: ['carbon-literacy', 'sustainability'],
    motivation: 'I want our campaigns to talk about sustainability without greenwashing.',
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
  matchReasons: string[];
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
      'Both speak Italian and English',
      'Offers social media and personal branding, which the mentee wants to learn',
      'Different departments: Marketing meets Finance',
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
            'Set up the CFO’s LinkedIn profile with Giulia: new headline, a photo from the annual report shoot and an About section that sounds like Marco. Drafted a first post about the sustainability report.',
          actions: [
            ['Publish the post on the sustainability report', 'mentee', true],
            ['Share three CFO profiles worth learning from', 'mentor', true],
          ],
          feedback: {
            mentor: {
              ratings: [5, 5, 4],
              recommend: 9,
              shared: true,
              learned: 'How a CFO decides what he may say in public before the results are out.',
              improve: 'Send the agenda a day earlier.',
            },
            mentee: {
              ratings: [5, 5, 5],
              recommend: 10,
              shared: true,
              learned: 'A profile is a conversation starter, not a CV.',
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
            'The sustainability post reached 4,100 people and drew 63 comments. Went through the comments together and practised answering critics without sounding like a press release.',
          actions: [
            ['Reply to the three open questions under the post', 'mentee', true],
            ['Write a one-page guide to LinkedIn analytics', 'mentor', true],
          ],
          feedback: {
            mentor: {
              ratings: [4, 5, 4],
              recommend: 9,
              shared: false,
              learned: 'Why finance cannot comment on guidance figures.',
            },
            mentee: {
              ratings: [5, 4, 4],
              recommend: 9,
              shared: true,
              learned: 'Answering the comments matters as much as the post.',
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
            'Tried Copilot on last month’s variance commentary: a good first draft, wrong on two numbers. Agreed when the finance team may use AI assistants and what must always be checked by hand.',
          actions: [
            ['Draft an AI-use note for the finance team', 'mentee', false],
            ['Show two prompt patterns for summarising spreadsheets', 'mentor', true],
          ],
          feedback: {
            mentee: {
              ratings: [5, 5, 4],
              recommend: 9,
              shared: false,
              learned: 'Where AI saves my team time, and where it cannot be trusted yet.',
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
            'Short call before the investor day: picked the two messages to repeat on LinkedIn and in the room. Giulia asked how digital campaign budgets are decided, and Marco walked her through the approval steps.',
          actions: [['Post a recap of the investor day within 24 hours', 'mentee', true]],
          feedback: {
            mentor: {
              ratings: [5, 5, 5],
              recommend: 10,
              shared: true,
              learned: 'How the budget committee weighs a campaign against other spending.',
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
            'Looked at three months of LinkedIn analytics: followers up from 310 to 1,450, and the personal posts did best. Planned the next four posts and a short video about the new expenses app.',
          actions: [
            ['Record a 60-second video about the expenses app', 'mentee', false],
            ['Edit the video and add subtitles', 'mentor', false],
          ],
          feedback: {
            mentor: { ratings: [5, 5, 4], recommend: 9, shared: false },
            mentee: {
              ratings: [5, 4, 5],
              recommend: 9,
              shared: true,
              improve: 'I would like a little homework between sessions.',
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
          summary: 'Agenda: review the AI-use note for the finance team and pick a first task to automate.',
        },
      ],
      goals: [
        {
          owner: 'mentee',
          title: 'Publish a first LinkedIn post about the sustainability report',
          topic: 'social-media',
          targetDay: -45,
          status: 'achieved',
          progress: 100,
        },
        {
          owner: 'mentee',
          title: 'Post on LinkedIn every two weeks for a quarter',
          topic: 'personal-branding',
          targetDay: 30,
          status: 'in-progress',
          progress: 60,
        },
        {
          owner: 'mentee',
          title: 'Agree AI-use rules with the finance team',
          topic: 'ai-tools',
          targetDay: 45,
          status: 'in-progress',
          progress: 40,
        },
        {
          owner: 'mentor',
          title: 'Learn how budget decisions are made',
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
            learned: 'I understand our numbers far better than I expected to.',
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
            learned: 'Being visible online is part of the job now.',
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
      'Both speak Italian',
      'Offers AI tools, which the mentee wants to learn',
      'Different departments: IT meets Legal',
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
            'Walked through what the company’s AI assistant can and cannot see. Tried it on a standard NDA: it spotted the missing governing-law clause in seconds.',
          actions: [
            ['List five routine contract checks to try with the assistant', 'mentee', true],
            ['Set up a shared prompt library in Teams', 'mentor', true],
          ],
          feedback: {
            mentor: {
              ratings: [4, 4, 4],
              recommend: 8,
              shared: true,
              learned: 'How Legal decides what counts as confidential.',
            },
            mentee: {
              ratings: [4, 5, 3],
              recommend: 8,
              shared: false,
              learned: 'The assistant is a fast junior reader, not a lawyer.',
              improve: 'More time to try it myself during the session.',
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
            'Built a checklist prompt for supplier contracts and tested it on three anonymised agreements. Talked about where generative AI creates legal risk: data leaving the tenant, invented citations.',
          actions: [
            ['Share the prompt with two colleagues and collect their comments', 'mentee', false],
            ['Find the IT policy on data residency for AI tools', 'mentor', true],
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
          summary: 'Cancelled by Francesca: quarter-end contract reviews. To be rebooked.',
        },
      ],
      goals: [
        {
          owner: 'mentee',
          title: 'Use an AI assistant for a first review of standard NDAs',
          topic: 'ai-tools',
          targetDay: 30,
          status: 'in-progress',
          progress: 30,
        },
        {
          owner: 'mentee',
          title: 'Map where generative AI creates legal risk for the company',
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
      'Both speak Italian',
      'Offers digital transformation, which the mentee wants to learn',
      'Different departments: R&D meets Operations',
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
            'Toured the Bologna warehouse together and listed the reports still kept in spreadsheets. Chose on-time dispatch as the first figure to automate.',
          actions: [
            ['Send last quarter’s dispatch spreadsheet', 'mentee', true],
            ['Sketch a first dashboard', 'mentor', true],
          ],
          feedback: {
            mentor: {
              ratings: [4, 4, 4],
              recommend: 8,
              shared: true,
              learned: 'What a night shift at the warehouse actually looks like.',
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
            'Reviewed the first dashboard draft. Stefano questioned the data quality; Matteo will clean up the carrier codes before the next session.',
          actions: [
            ['Clean up the carrier codes in the dispatch data', 'mentor', true],
            ['Ask the shift leads which figures they check every morning', 'mentee', false],
          ],
          feedback: {
            mentor: {
              ratings: [3, 3, 4],
              recommend: 7,
              shared: false,
              improve: 'The session turned into a status meeting.',
            },
            mentee: { ratings: [3, 3, 3], recommend: 6, shared: false, improve: 'Less jargon, please.' },
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
            'Tried a shared online whiteboard for the weekly shift meeting. Stefano found it slower than paper, so it is parked for now.',
          actions: [['Try the whiteboard once with a single shift', 'mentee', false]],
          feedback: {
            mentor: {
              ratings: [3, 3, 3],
              recommend: 6,
              shared: false,
              improve: 'It is hard to disagree openly with a director.',
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
            'Showed the dashboard to two shift leads. The discussion about who owns the figures got tense and ended without next steps.',
          feedback: {
            mentee: {
              ratings: [2, 2, 3],
              recommend: 5,
              shared: false,
              improve: 'I am no longer sure what we are trying to achieve.',
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
          summary: 'Short call. Agreed to ask the program lead for a three-way check-in before carrying on.',
          actions: [['Book a check-in with the HR program lead', 'mentor', false]],
          feedback: {
            mentor: {
              ratings: [3, 2, 3],
              recommend: 5,
              shared: false,
              improve: 'I would like help resetting how we work together.',
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
          summary: 'Agenda: check-in with the program lead on how we work together; reset our goals.',
        },
      ],
      goals: [
        {
          owner: 'mentee',
          title: 'Build a self-service dashboard for the warehouse figures',
          topic: 'digital-transformation',
          targetDay: 45,
          status: 'in-progress',
          progress: 25,
        },
        {
          owner: 'mentee',
          title: 'Run the weekly shift meeting on a shared online whiteboard',
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
            learned: 'Some useful ideas about dashboards.',
            improve: 'I do not feel comfortable raising problems in our sessions.',
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
      'Both speak Italian and English',
      'Offers AI tools, which the mentee wants to learn',
      'Different departments: IT meets Sales',
      'One hour apart: London and Rome',
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
      'Both speak English',
      'Offers sustainability, which the mentee wants to learn',
      'Different departments: Operations meets R&D',
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
    matchReasons: ['Paired by the HR program lead at the CTO’s request'],
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

const CHARTER = `Our pair charter

1. Confidentiality. What we say in our sessions stays between us. Private notes belong to their author alone, and neither of us repeats the other's words without asking first.
2. Cadence. We meet every two weeks for about an hour, in person or on video. If one of us must cancel, we say so at least a day ahead and book a new date within the week.
3. Respect. Here the junior colleague leads and the senior colleague learns. Titles stay outside the room: questions are welcome, disagreement is fine, judgement is not.
4. Follow-through. Each session ends with action items, and each of us does our own before the next one.
5. Honest feedback. We answer the short feedback form after each session. HR sees only anonymous averages.
6. Safety. Nothing said here is used in a performance review, and either of us may ask the program lead to end the pairing without giving a reason.`;

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
      charterAcceptedAt: history
        ? { mentor: at(history.startedDay - 2, 10), mentee: at(history.startedDay - 1, 16) }
        : { mentor: null, mentee: null },
      startedOn: history ? day(history.startedDay) : null,
      endedOn: history?.endedDay === undefined ? null : day(history.endedDay),
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

const programRow = (p: Program): NewRow<'programs'> => ({
  ...p,
  topics: toJson(p.topics),
  customTopics: toJson(p.customTopics),
  deletedAt: null,
});

const enrollmentRow = (e: Enrollment): NewRow<'enrollments'> => ({
  ...e,
  topics: toJson(e.topics),
  deletedAt: null,
});

const pairRow = ({ charterAcceptedAt, ...p }: Pair): NewRow<'pairs'> => ({
  ...p,
  topics: toJson(p.topics),
  matchReasons: toJson(p.matchReasons),
  charterMentorAt: charterAcceptedAt.mentor,
  charterMenteeAt: charterAcceptedAt.mentee,
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
