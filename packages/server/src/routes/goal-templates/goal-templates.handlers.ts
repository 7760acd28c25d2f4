import type { OpenAPIHono } from '@hono/zod-openapi';
import { requireAdmin } from '../../auth/access.js';
import { softDelete } from '../../db/soft-delete.js';
import type { AppEnv } from '../../http/env.js';
import { checkIfMatch, etagOf } from '../../http/etag.js';
import { json } from '../../http/json-answer.js';
import { findVisibleProgram } from '../programs/programs.store.js';
import {
  createGoalTemplateRoute,
  deleteGoalTemplateRoute,
  listGoalTemplatesRoute,
  updateGoalTemplateRoute,
} from './goal-templates.routes.js';
import {
  checkTemplateTopic,
  findGoalTemplate,
  insertGoalTemplate,
  listGoalTemplates,
  updateGoalTemplate,
} from './goal-templates.store.js';

const ADMINS_ONLY = "Only an admin suggests goals for a program's pairs";

export function registerGoalTemplates(app: OpenAPIHono<AppEnv>) {
  app.openapi(listGoalTemplatesRoute, async (c) => {
    const db = c.get('db');
    const program = await findVisibleProgram(db, c.get('caller'), c.req.valid('param').programId);
    return json(c, await listGoalTemplates(db, program, c.req.valid('query')), 200);
  });

  app.openapi(createGoalTemplateRoute, async (c) => {
    const db = c.get('db');
    const caller = c.get('caller');
    const program = await findVisibleProgram(db, caller, c.req.valid('param').programId);
    requireAdmin(caller, ADMINS_ONLY);
    const body = c.req.valid('json');
    await checkTemplateTopic(db, program.id, body.topic);
    const template = await insertGoalTemplate(db, program, body);
    return json(c, template, 201, {
      ETag: etagOf(template.version),
      Location: `/v1/goal-templates/${template.id}`,
    });
  });

  app.openapi(updateGoalTemplateRoute, async (c) => {
    const db = c.get('db');
    const caller = c.get('caller');
    requireAdmin(caller, ADMINS_ONLY);
    const row = await findGoalTemplate(db, caller.orgId, c.req.valid('param').templateId);
    checkIfMatch(c, row.version);
    const changes = c.req.valid('json');
    if (changes.topic !== undefined) await checkTemplateTopic(db, row.programId, changes.topic);
    const template = await updateGoalTemplate(db, row, changes);
    return json(c, template, 200, { ETag: etagOf(template.version) });
  });

  app.openapi(deleteGoalTemplateRoute, async (c) => {
    const db = c.get('db');
    const caller = c.get('caller');
    requireAdmin(caller, ADMINS_ONLY);
    const row = await findGoalTemplate(db, caller.orgId, c.req.valid('param').templateId);
    checkIfMatch(c, row.version);
    await softDelete(db, 'goalTemplates', row);
    return c.body(null, 204);
  });
}
