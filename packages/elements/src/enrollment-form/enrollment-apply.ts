/**
 * The application form, a module of its own: its fields, the rules a draft must keep before
 * it is sent, and their styles. Someone who has applied already sees their application's
 * status and needs the form only to change it, so the element fetches it when the browser
 * is idle; at once for a form it shows (see RmEnrollmentForm).
 */
export {
  changesOf,
  createBody,
  draftErrors,
  draftOf,
  emptyDraft,
  FIELDS,
  serverErrors,
} from './enrollment-draft.js';
export { renderFields } from './enrollment-fields.js';
export { enrollmentFieldsStyles } from './enrollment-fields.styles.js';
