import type { OpenAPIHono } from '@hono/zod-openapi';
import { canMoveProgram, charterFrom, matchingFrom, newId, programSchema } from '@rm-kit/core';
import { requireAdmin } from '../../auth/access.js';
import { nowIso } from '../../db/json.js';
import { softDelete } from '../../db/soft-delete.js';
import type { AppEnv } from '../../http/env.js';
import { checkIfMatch, etagOf } from '../../http/etag.js';
import { json } from '../../http/json-answer.js';
import { Problem } from '../../http/problem.js';
import {
  createProgramRoute,
  deleteProgramRoute,
  getProgramRoute,
  listProgramsRoute,
  updateProgramRoute,
} from './programs.routes.js';
import {
  findVisibleProgram,
  insertProgram,
  listPrograms,
  organizationLocale,
  toProgram,
  updateProgram,
} from './programs.store.js';

export function registerPrograms(app: OpenAPIHono<AppEnv>) {
  app.openapi(listProgramsRoute, async (c) => {
    return json(c, await listPrograms(c.get('db'), c.get('caller'), c.req.valid('query')), 200);
  });

  app.openapi(createProgramRoute, async (c) => {
    const caller = c.get('caller');
    requireAdmin(caller, 'Only an admin can start a program');
    const now = nowIso();
    const body = c.req.valid('json');
    const program = programSchema.parse({
      ...body,
      charter: charterFrom(body.charter, await organizationLocale(c.get('db'), caller.orgId)),
      id: newId('program'),
      orgId: caller.orgId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await insertProgram(c.get('db'), program);
    return json(c, program, 201, { ETag: etagOf(program.version), Location: `/v1/programs/${program.id}` });
  });

  app.openapi(getProgramRoute, async (c) => {
    const row = await findVisibleProgram(c.get('db'), c.get('caller'), c.req.valid('param').programId);
    return json(c, toProgram(row), 200, { ETag: etagOf(row.version) });
  });

  app.openapi(updateProgramRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const row = await findVisibleProgram(db, caller, c.req.valid('param').programId);
    requireAdmin(caller, 'Only an admin can change a program');
    checkIfMatch(c, row.version);
    const changes = c.req.valid('json');
    if (changes.status && !canMoveProgram(row.status, changes.status)) {
      throw new Problem('unprocessable', `A ${row.status} program cannot become ${changes.status}`, {
        issues: [{ path: ['status'], message: 'Move forward one step at a time, or straight to closed' }],
      });
    }
    const current = toProgram(row);
    const { charter, matching, ...rest } = changes;
    const next = await updateProgram(db, current, {
      ...rest,
      matching: matching === undefined ? current.matching : matchingFrom(matching, current.matching),
      charter:
        charter === undefined
          ? current.charter
          : charterFrom(charter, await organizationLocale(db, caller.orgId), current.charter),
    });
    return json(c, next, 200, { ETag: etagOf(next.version) });
  });

  app.openapi(deleteProgramRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const row = await findVisibleProgram(db, caller, c.req.valid('param').programId);
    requireAdmin(caller, 'Only an admin can remove a program');
    checkIfMatch(c, row.version);
    await softDelete(db, 'programs', row);
    return c.body(null, 204);
  });
}
