import { type BaseKey, baseEnglish } from '../base/base.strings.en.js';
import type { Strings, Words } from '../base/localize.js';

/** Every word `<rm-person-data>` shows: its own and the state words every element shares. */
export type PersonDataKey =
  | BaseKey
  | 'mineTitle'
  | 'mineIntro'
  | 'download'
  | 'downloading'
  | 'downloaded'
  | 'peopleTitle'
  | 'peopleIntro'
  | 'searchLabel'
  | 'search'
  | 'searching'
  | 'noMatch'
  | 'export'
  | 'exportLabel'
  | 'exporting'
  | 'exported'
  | 'erase'
  | 'eraseLabel'
  | 'erase.title'
  | 'erase.body'
  | 'erase.type'
  | 'erase.mismatch'
  | 'erase.keep'
  | 'erase.confirm'
  | 'erasing'
  | 'erased'
  | 'exportFailed'
  | 'eraseFailed';

export const personDataEnglish: Words<PersonDataKey> = {
  ...baseEnglish,
  mineTitle: 'Your data',
  mineIntro:
    'Download everything rm-kit keeps about you as a JSON file: your profile, your applications, your pairs with their sessions and goals, your private notes and your own feedback answers. It never holds the other person’s notes or answers.',
  download: 'Download my data',
  downloading: 'Preparing your file…',
  downloaded: 'Your data was downloaded as {file}.',
  peopleTitle: 'People’s data',
  peopleIntro:
    'For a colleague’s request: export what the program’s HR leads may read about them (profile, applications, pairs) as a file, or erase them. Private notes, feedback answers and session logs are only in the file they download themselves.',
  searchLabel: 'Find a person by name or email',
  search: 'Search',
  searching: 'Searching…',
  noMatch: 'Nobody matches “{q}”.',
  export: 'Export',
  exportLabel: 'Export the data of {name}',
  exporting: 'Preparing the file…',
  exported: 'The data of {name} was downloaded as {file}.',
  erase: 'Erase',
  eraseLabel: 'Erase {name}',
  'erase.title': 'Erase {name}?',
  'erase.body':
    'Their name, email, job title, photo and manager are removed, and they can no longer sign in. Their private notes and the text of their feedback answers and applications are deleted. Their pairs and sessions stay, shown as “Former participant”, so the other person’s history and the program’s figures do not change. This cannot be undone.',
  'erase.type': 'To confirm, type their name: {name}',
  'erase.mismatch': 'The name does not match yet.',
  'erase.keep': 'Cancel',
  'erase.confirm': 'Erase for good',
  erasing: 'Erasing…',
  erased:
    'Erased: {name}. Private notes deleted: {notes}. Feedback answers cleared of their text: {answers}. Applications cleared of their motivation: {motivations}.',
  exportFailed: 'The file could not be prepared. Try again.',
  eraseFailed: 'The erasure did not go through and nothing was changed. Try again.',
};

export const personDataStrings: Strings<PersonDataKey> = {
  en: personDataEnglish,
  it: () => import('./person-data.strings.it.js').then((words) => words.personDataItalian),
};
