import { type BaseKey, baseEnglish } from '../base/base.strings.en.js';
import type { Strings, Words } from '../base/localize.js';

/** Every word the enrolment form shows: its own and the state words every element shares. */
export type EnrollmentFormKey =
  | BaseKey
  | 'empty'
  | 'noPerson'
  | 'period'
  | 'cadence'
  | 'formTitle'
  | 'editTitle'
  | 'apply'
  | 'roleLegend'
  | 'role.mentor'
  | 'role.mentorHint'
  | 'role.mentee'
  | 'role.menteeHint'
  | 'topicsLegend'
  | 'topicsLegend.mentor'
  | 'topicsLegend.mentee'
  | 'topicsHint'
  | 'capacity'
  | 'capacityHint'
  | 'languagesLegend'
  | 'availabilityLegend'
  | 'availabilityHint'
  | 'morning'
  | 'afternoon'
  | 'motivation'
  | 'motivationHint'
  | 'optional'
  | 'submit'
  | 'submitting'
  | 'saveChanges'
  | 'saving'
  | 'cancel'
  | 'error.role'
  | 'error.topics'
  | 'error.tooManyTopics'
  | 'error.capacity'
  | 'error.languages'
  | 'error.motivation'
  | 'error.other'
  | 'errorsFound.one'
  | 'errorsFound.other'
  | 'submitFailed'
  | 'alreadyEnrolled'
  | 'enrolmentClosed'
  | 'changedElsewhere'
  | 'yourApplication'
  | 'status.applied'
  | 'status.accepted'
  | 'status.declined'
  | 'status.withdrawn'
  | 'statusLabel'
  | 'help.applied'
  | 'help.accepted'
  | 'help.declined'
  | 'help.withdrawn'
  | 'help.pending'
  | 'summary.role'
  | 'summary.topics'
  | 'summary.capacity'
  | 'summary.languages'
  | 'summary.availability'
  | 'summary.motivation'
  | 'anyTime'
  | 'noneGiven'
  | 'edit'
  | 'withdraw'
  | 'withdrawing'
  | 'withdraw.title'
  | 'withdraw.body'
  | 'withdraw.keep'
  | 'withdraw.confirm'
  | 'withdrawFailed'
  | 'announce.applied'
  | 'announce.queued'
  | 'announce.edited'
  | 'announce.withdrawn';

/**
 * The form's words. Mind the inversion: the mentor is the junior who teaches, the mentee
 * the senior who learns, and the role choice says so. English here, Italian in a module of
 * its own, loaded when a page first shows the form in Italian.
 */
export const enrollmentFormEnglish: Words<EnrollmentFormKey> = {
  ...baseEnglish,
  empty: 'No program is open for enrolment right now.',
  noPerson: 'Enrolment is for people of the organisation: sign in as yourself to apply.',
  period: 'Dates: {start} – {end}',
  cadence: 'A session every {interval}',
  formTitle: 'Apply to take part',
  editTitle: 'Change your application',
  apply: 'Apply to {program}',
  roleLegend: 'How do you want to take part?',
  'role.mentor': 'Mentor · early career, you teach',
  'role.mentorHint':
    'You show a senior colleague what you know of digital tools, social media, AI or sustainability.',
  'role.mentee': 'Mentee · senior, you learn',
  'role.menteeHint':
    'A colleague early in their career shows you new tools and ways of working; you share your experience in return.',
  topicsLegend: 'Topics',
  'topicsLegend.mentor': 'Topics you can teach',
  'topicsLegend.mentee': 'Topics you want to learn',
  topicsHint: 'Choose at least one.',
  capacity: 'How many mentees can you take on at once?',
  capacityHint: 'From 1 to {max}.',
  languagesLegend: 'Languages you can hold a session in',
  availabilityLegend: 'When you are usually free',
  availabilityHint:
    'Half days of the working week, in your own time zone. Leave it empty if any time suits you.',
  morning: 'Morning',
  afternoon: 'Afternoon',
  motivation: 'Why do you want to take part?',
  motivationHint: 'In your own words. The program’s HR leads read it.',
  optional: '(optional)',
  submit: 'Send my application',
  submitting: 'Sending…',
  saveChanges: 'Save changes',
  saving: 'Saving…',
  cancel: 'Cancel',
  'error.role': 'Choose whether you take part as mentor or as mentee.',
  'error.topics': 'Choose at least one topic.',
  'error.tooManyTopics': 'Choose at most {max} topics.',
  'error.capacity': 'Choose a number from 1 to {max}.',
  'error.languages': 'Choose at most {max} languages.',
  'error.motivation': 'You can write at most {max} characters.',
  'error.other': 'Check this answer.',
  'errorsFound.one': 'There is 1 answer to check.',
  'errorsFound.other': 'There are {count} answers to check.',
  submitFailed: 'Your application could not be sent. Try again.',
  alreadyEnrolled: 'You have applied to this program already: here is your application.',
  enrolmentClosed: 'Enrolment for this program has closed.',
  changedElsewhere: 'Your application was changed elsewhere: here it is as it is now.',
  yourApplication: 'Your application',
  'status.applied': 'Under review',
  'status.accepted': 'Accepted',
  'status.declined': 'Not accepted',
  'status.withdrawn': 'Withdrawn',
  statusLabel: 'Status: {status}',
  'help.applied': 'The program’s HR leads will review it. Until they do, you can change it or withdraw it.',
  'help.accepted':
    'You are taking part. Once the pairs are proposed, you will see yours and be asked to confirm it.',
  'help.declined': 'It was not accepted this time. The program’s HR leads can tell you more.',
  'help.withdrawn': 'You withdrew it. To take part after all, ask the program’s HR leads.',
  'help.pending': 'You are offline: it will be sent when you are back online.',
  'summary.role': 'Role',
  'summary.topics': 'Topics',
  'summary.capacity': 'Mentees at once',
  'summary.languages': 'Languages',
  'summary.availability': 'Usually free',
  'summary.motivation': 'Why you take part',
  anyTime: 'Any time',
  noneGiven: 'Not given',
  edit: 'Change my application',
  withdraw: 'Withdraw my application',
  withdrawing: 'Withdrawing…',
  'withdraw.title': 'Withdraw your application?',
  'withdraw.body':
    'You will not be matched in {program}. Only the program’s HR leads can let you take part again.',
  'withdraw.keep': 'Keep my application',
  'withdraw.confirm': 'Withdraw it',
  withdrawFailed: 'Your application could not be withdrawn. Try again.',
  'announce.applied': 'Application sent.',
  'announce.queued': 'You are offline: your application will be sent when you are back online.',
  'announce.edited': 'Changes saved.',
  'announce.withdrawn': 'Application withdrawn.',
};

export const enrollmentFormStrings: Strings<EnrollmentFormKey> = {
  en: enrollmentFormEnglish,
  it: () => import('./enrollment-form.strings.it.js').then((words) => words.enrollmentFormItalian),
};
