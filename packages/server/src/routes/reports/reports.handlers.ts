import type { OpenAPIHono } from '@hono/zod-openapi';
import { programReport, programReportSchema } from '@rm-kit/core';
import type { AppEnv } from '../../http/env.js';
import { programReportRoute } from './reports.routes.js';
import { findReportableProgram, minGroupSizeOf, reportInputs } from './reports.store.js';

export function registerReports(app: OpenAPIHono<AppEnv>) {
  app.openapi(programReportRoute, async (c) => {
    const db = c.get('db');
    const caller = c.get('caller');
    const program = await findReportableProgram(db, caller, c.req.valid('param').programId);
    const [minGroupSize, inputs] = await Promise.all([
      minGroupSizeOf(db, caller.orgId),
      reportInputs(db, caller.orgId, program.id),
    ]);
    const report = programReportSchema.parse(programReport(inputs.pairs, inputs.feedback, minGroupSize));
    return c.json(report, 200);
  });
}
