import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app.js';
import type { AppEnv } from '../http/env.js';
import { registerCalendarFeeds } from './calendar/calendar.handlers.js';
import { registerEnrollments } from './enrollments/enrollments.handlers.js';
import { registerEvents } from './events/events.handlers.js';
import { registerFeedback } from './feedback/feedback.handlers.js';
import { registerGoalTemplates } from './goal-templates/goal-templates.handlers.js';
import { registerGoals } from './goals/goals.handlers.js';
import { registerMatching } from './matching/matching.handlers.js';
import { registerMe } from './me/me.handlers.js';
import { registerNotes } from './notes/notes.handlers.js';
import { registerOrganization } from './organization/organization.handlers.js';
import { registerPairs } from './pairs/pairs.handlers.js';
import { registerPeople } from './people/people.handlers.js';
import { registerPersonData } from './person-data/person-data.handlers.js';
import { registerPrograms } from './programs/programs.handlers.js';
import { registerReports } from './reports/reports.handlers.js';
import { serviceTokensApp } from './service-tokens/service-tokens.handlers.js';
import { registerSessions } from './sessions/sessions.handlers.js';
import { registerStories } from './stories/stories.handlers.js';
import { webhookDeliveriesApp, webhooksApp } from './webhooks/webhooks.handlers.js';

/**
 * Every /v1 resource. Each registers its own routes, or is a sub-app mounted at its path
 * when one rule holds for all its routes (service tokens, webhooks: admins only); order does not matter.
 */
export function registerApi(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  registerOrganization(app);
  registerMe(app, { demo: Boolean(deps.demo) });
  registerPeople(app);
  registerPersonData(app);
  registerPrograms(app);
  registerEnrollments(app);
  registerPairs(app);
  registerMatching(app);
  registerSessions(app);
  registerNotes(app);
  registerGoals(app);
  registerGoalTemplates(app);
  registerFeedback(app);
  registerCalendarFeeds(app);
  registerReports(app);
  registerStories(app);
  app.route('/v1/service-tokens', serviceTokensApp());
  app.route('/v1/webhooks', webhooksApp(deps.config));
  app.route('/v1/webhook-deliveries', webhookDeliveriesApp());
  registerEvents(app, deps.bus);
}
