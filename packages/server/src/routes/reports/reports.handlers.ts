import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  CSV_DELIMITERS,
  type CsvOptions,
  type exportQuerySchema,
  pairRowsCsv,
  programDashboard,
  programDashboardSchema,
  programReport,
  programReportCsv,
  programReportSchema,
} from '@rm-kit/core';
import type { Context } from 'hono';
import type * as z from 'zod';
import { requireAdmin } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import type { AppEnv } from '../../http/env.js';
import { json } from '../../http/json-answer.js';
import { findVisibleProgram } from '../programs/programs.store.js';
import { dashboardGround } from './dashboard.store.js';
import { programDashboardRoute, programReportRoute } from './reports.routes.js';
import { livePairsOf, minGroupSizeOf, releasedFeedbackFigures } from './reports.store.js';

function csvOptions(query: z.output<typeof exportQuerySchema>): CsvOptions {
  return { delimiter: CSV_DELIMITERS[query.delimiter], bom: query.bom === 'true' };
}

function csvAnswer(c: Context<AppEnv>, csv: string, name: string) {
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name}.csv"`,
  });
}

/**
 * The program an admin reports on, and its report as it is released now. A member who may
 * see the program is told they may not report on it; a draft stays as invisible to them as
 * a missing id, as when they read the program itself.
 */
async function reportOf(c: Context<AppEnv>, caller: Caller, programId: string, refusal: string) {
  const db = c.get('db');
  const program = await findVisibleProgram(db, caller, programId);
  requireAdmin(caller, refusal);
  const minGroupSize = await minGroupSizeOf(db, caller.orgId);
  const [pairs, released] = await Promise.all([
    livePairsOf(db, caller.orgId, program.id),
    releasedFeedbackFigures(db, caller.orgId, program.id, minGroupSize),
  ]);
  return { program, report: programReportSchema.parse(programReport(pairs, released, minGroupSize)) };
}

export function registerReports(app: OpenAPIHono<AppEnv>) {
  app.openapi(programReportRoute, async (c) => {
    const caller = c.get('caller');
    const { programId } = c.req.valid('param');
    const query = c.req.valid('query');
    const { report } = await reportOf(c, caller, programId, 'Only a program admin can read its report');
    if (query.format === 'csv')
      return csvAnswer(c, programReportCsv(report, csvOptions(query)), `report-${programId}`);
    return json(c, report, 200);
  });

  app.openapi(programDashboardRoute, async (c) => {
    const caller = c.get('caller');
    const { programId } = c.req.valid('param');
    const query = c.req.valid('query');
    const { program, report } = await reportOf(
      c,
      caller,
      programId,
      'Only a program admin can read its dashboard',
    );
    // Feedback exactly as the report releases it: one release, wherever it is read.
    const ground = await dashboardGround(c.get('db'), program, new Date());
    const dashboard = programDashboardSchema.parse(programDashboard(ground, report.feedback));
    if (query.format === 'csv')
      return csvAnswer(c, pairRowsCsv(dashboard.pairRows, csvOptions(query)), `dashboard-${programId}`);
    return json(c, dashboard, 200);
  });
}
