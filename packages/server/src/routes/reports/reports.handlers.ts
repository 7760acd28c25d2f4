import type { OpenAPIHono } from '@hono/zod-openapi';
import { programReport, programReportSchema } from '@rm-kit/core';
import { requireAdmin } from '../../auth/access.js';
import type { AppEnv } from '../../http/env.js';
import { findVisibleProgram } from '../programs/programs.store.js';
import { programReportRoute } from './reports.routes.js';
import { livePairsOf, minGroupSizeOf, releasedFeedbackFigures } from './reports.store.js';

export function registerReports(app: OpenAPIHono<AppEnv>) {
  app.openapi(programReportRoute, async (c) => {
    const db = c.get('db');
    const caller = c.get('caller');
    // A member who may see the program is told they may not report on it; a draft stays
    // as invisible to them as a missing id, as when they read the program itself.
    const program = await findVisibleProgram(db, caller, c.req.valid('param').programId);
    requireAdmin(caller, 'Only a program admin can read its report');
    const minGroupSize = await minGroupSizeOf(db, caller.orgId);
    const [pairs, released] = await Promise.all([
      livePairsOf(db, caller.orgId, program.id),
      releasedFeedbackFigures(db, caller.orgId, program.id, minGroupSize),
    ]);
    return c.json(programReportSchema.parse(programReport(pairs, released, minGroupSize)), 200);
  });
}
