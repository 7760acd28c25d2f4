/**
 * The whole kit in one module, for a single `<script type="module" src="rm-kit.js">`:
 * importing it defines every element (with the `rm-` prefix, unless setPrefix was called
 * first). Built to dist/bundle/rm-kit.js with lit and the SDK inside.
 *
 * The provider, the pair card and the session log are defined at once. The feedback form
 * (a page of its own, or opened from the session log, which loads it itself), the
 * enrolment form (once a year), the match board, the program dashboard and the webhook settings
 * (admins only),
 * the goal list (a pair's page, or an admin's for a program's suggested goals) and the
 * person-data element (a download now and then), and the stories (a home page, a pair's
 * page) are defined once a page
 * uses one (see defineWhenUsed): their classes are not exported here, and
 * `customElements.whenDefined(tag)` gives them.
 */

import { defineWhenUsed } from './base/define-when-used.js';

/**
 * The SDK's client, already inside the bundle: a page that asks the server itself (who is
 * signed in, to choose what to show) makes one and gives it to `<rm-provider>` as `.client`,
 * so the elements share its connection, its offline copies and the answers it just had.
 */
export { type ClientOptions, createClient, type RmClient } from '@rm-kit/sdk';

export { clientContext, localeContext } from './base/context.js';
export { define, setPrefix, tagName } from './base/define.js';
export type {
  EnrollmentChange,
  PairChange,
  RmErrorAction,
  RmEventDetails,
  RmEventName,
  SessionChange,
  StoryChange,
} from './base/events.js';
export { RmElement } from './base/rm-element.js';
export type { RmEnrollmentForm } from './enrollment-form/enrollment-form.js';
export type { RmFeedbackForm } from './feedback-form/feedback-form.js';
export type { RmGoalList } from './goal-list/goal-list.js';
export type { RmMatchBoard } from './match-board/match-board.js';
export { RmPairCard } from './pair-card/pair-card.js';
export type { RmPersonData } from './person-data/person-data.js';
export type { RmProgramDashboard } from './program-dashboard/program-dashboard.js';
export { RmProvider } from './provider/provider.js';
export { RmSessionLog } from './session-log/session-log.js';
export type { RmStories } from './stories/stories.js';
export type { RmWebhookSettings } from './webhook-settings/webhook-settings.js';

defineWhenUsed({
  'feedback-form': () => import('./feedback-form/feedback-form.js'),
  'enrollment-form': () => import('./enrollment-form/enrollment-form.js'),
  'match-board': () => import('./match-board/match-board.js'),
  'goal-list': () => import('./goal-list/goal-list.js'),
  'person-data': () => import('./person-data/person-data.js'),
  'program-dashboard': () => import('./program-dashboard/program-dashboard.js'),
  'webhook-settings': () => import('./webhook-settings/webhook-settings.js'),
  stories: () => import('./stories/stories.js'),
});
