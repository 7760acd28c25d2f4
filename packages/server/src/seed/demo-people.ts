import type { CareerStage, Locale } from '@rm-kit/core';

/**
 * The people of the demo organisation, Contoso Italia: who they are, where they work and
 * whom they report to. Data only; demo-seed.ts builds the rows.
 */

export interface PersonSpec {
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
export const PEOPLE = [
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

export type PersonKey = (typeof PEOPLE)[number]['key'];
