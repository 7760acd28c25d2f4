import type { CareerStage, Locale, PersonCreate } from '@rm-kit/core';
import { type ColumnNames, type FieldRow, listCell, normalized } from '../csv/columns.js';

/** The columns `import people` reads; the first name of each is the one the help and errors show. */
export const PEOPLE_COLUMNS = {
  email: ['email', 'e-mail', 'mail', 'email address', 'indirizzo email', 'posta elettronica'],
  externalId: ['externalId', 'external id', 'object id', 'entra id', 'id esterno'],
  displayName: [
    'displayName',
    'display name',
    'name',
    'full name',
    'nominativo',
    'nome completo',
    'nome e cognome',
  ],
  givenName: ['givenName', 'first name', 'given name', 'nome'],
  familyName: ['familyName', 'last name', 'family name', 'surname', 'cognome'],
  title: ['title', 'job title', 'qualifica', 'mansione', 'posizione'],
  department: ['department', 'reparto', 'dipartimento', 'funzione', 'area'],
  careerStage: ['careerStage', 'career stage', 'seniority', 'fase di carriera', 'livello di carriera'],
  locale: ['locale', 'interface language', 'lingua interfaccia', "lingua dell'interfaccia"],
  languages: ['languages', 'session languages', 'lingue'],
  timeZone: ['timeZone', 'time zone', 'fuso orario'],
  managerEmail: ['managerEmail', 'manager email', 'manager', 'email responsabile', 'responsabile'],
  photoUrl: ['photoUrl', 'photo url', 'photo', 'foto'],
} as const satisfies ColumnNames<string>;

export type PeopleField = keyof typeof PEOPLE_COLUMNS;

export const PEOPLE_REQUIRED: readonly (readonly PeopleField[])[] = [
  ['email'],
  ['displayName', 'givenName'],
  ['department'],
  ['careerStage'],
];

/** Career stages as HR writes them, in English or in the kit's Italian (ITALIAN.md). */
const CAREER_STAGES: Record<string, CareerStage> = {
  early: 'early',
  earlycareer: 'early',
  iniziocarriera: 'early',
  mid: 'mid',
  midcareer: 'mid',
  metacarriera: 'mid',
  senior: 'senior',
  executive: 'executive',
  dirigente: 'executive',
};

const LOCALES: Record<string, Locale> = {
  en: 'en',
  english: 'en',
  inglese: 'en',
  it: 'it',
  italian: 'it',
  italiano: 'it',
};

/** What the schema would make of a cell of a known vocabulary; the cell as written when unknown. */
function term<T extends string>(value: string | undefined, terms: Record<string, T>): T | string | undefined {
  return value === undefined ? undefined : (terms[normalized(value)] ?? value);
}

/** The fields of one row as `personCreateSchema` takes them (it checks them), and the manager's email. */
export function personInput(
  row: FieldRow<PeopleField>,
  defaultLocale: Locale,
): { input: Record<keyof PersonCreate, unknown>; managerEmail: string | undefined } {
  const f = row.fields;
  const joinedName = [f.givenName, f.familyName].filter(Boolean).join(' ');
  return {
    input: {
      email: f.email,
      externalId: f.externalId,
      displayName: f.displayName ?? (joinedName || undefined),
      title: f.title,
      department: f.department,
      managerId: undefined,
      careerStage: term(f.careerStage, CAREER_STAGES),
      locale: term(f.locale, LOCALES) ?? defaultLocale,
      languages: listCell(f.languages),
      timeZone: f.timeZone,
      photoUrl: f.photoUrl,
      isAdmin: undefined,
    },
    managerEmail: f.managerEmail?.toLowerCase(),
  };
}
