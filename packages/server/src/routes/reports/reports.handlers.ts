import type { OpenAPIHono } from '@hono/zod-openapi';
import { programReport, programReportSchema } from '@rm-kit/core';
import type { AppEnv } from '../../http/env.js';
import { programReportRoute } from './reports.routes.js';
import {
  findReportableProgram,
  livePairsOf,
  minGroupSizeOf,
  releasedFeedbackFigures,
} from './reports.store.js';

export function registerReports(app: OpenAPIHono<AppEnv>) {
  app.openapi(programReportRoute, async (c) => {
    const db = c.get('db');
    const caller = c.get('caller');
    const program = await findReportableProgram(db, caller, c.req.valid('param').programId);
    const minGroupSize = await minGroupSizeOf(db, caller.orgId);
    const [pairs, released] = await Promise.all([
      livePairsOf(db, caller.orgId, program.id),
      releasedFeedbackFigures(db, caller.orgId, program.id, minGroupSize),
    ]);
    return c.json(programReportSchema.parse(programReport(pairs, released, minGroupSize)), 200);
  });
}
