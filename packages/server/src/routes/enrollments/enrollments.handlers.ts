import type { OpenAPIHono } from '@hono/zod-openapi';
import { enrollmentSchema, newId } from '@rm-kit/core';
import { requireAdmin } from '../../auth/access.js';
import { nowIso } from '../../db/json.js';
import { softDelete } from '../../db/soft-delete.js';
import type { AppEnv } from '../../http/env.js';
import { checkIfMatch, etagOf } from '../../http/etag.js';
import { json } from '../../http/json-answer.js';
import { forbidden, Problem } from '../../http/problem.js';
import { checkOfferedTopics, findVisibleProgram } from '../programs/programs.store.js';
import {
  createEnrollmentRoute,
  deleteEnrollmentRoute,
  getEnrollmentRoute,
  listEnrollmentsRoute,
  updateEnrollmentRoute,
} from './enrollments.routes.js';
import {
  alreadyEnrolled,
  findEnrollablePerson,
  findEnrollmentOf,
  findVisibleEnrollment,
  listEnrollments,
  saveNewEnrollment,
  toEnrollment,
  updateEnrollment,
} from './enrollments.store.js';

export function registerEnrollments(app: OpenAPIHono<AppEnv>) {
  app.openapi(createEnrollmentRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const program = await findVisibleProgram(db, caller, c.req.valid('param').programId);
    const body = c.req.valid('json');
    if (!caller.isAdmin) {
      if (body.personId !== caller.personId) {
        throw forbidden('You can enrol only yourself; an admin enrols others');
      }
      if (program.status !== 'enrolling') {
        throw new Problem('unprocessable', `The program is ${program.status}, not enrolling`, {
          issues: [{ path: [], message: 'Enrolment is open only while the program is enrolling' }],
        });
      }
    }
    const person = await findEnrollablePerson(db, caller.orgId, body.personId);
    checkOfferedTopics(program, body.topics);
    const previous = await findEnrollmentOf(db, program.id, body.personId);
    if (previous && previous.deletedAt === null) throw alreadyEnrolled(previous.id);
    const now = nowIso();
    const enrollment = enrollmentSchema.parse({
      ...body,
      languages: body.languages ?? person.languages,
      // A member applies; only an admin decides.
      status: caller.isAdmin ? body.status : 'applied',
      id: previous?.id ?? newId('enrollment'),
      orgId: caller.orgId,
      programId: program.id,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      version: previous ? previous.version + 1 : 1,
    });
    const saved = await saveNewEnrollment(db, enrollment, { revive: previous ?? null });
    if (!saved) {
      // Someone enrolled them in the meantime: the answer a second request gets after the first.
      throw alreadyEnrolled((await findEnrollmentOf(db, program.id, body.personId))?.id);
    }
    return json(c, enrollment, 201, {
      ETag: etagOf(enrollment.version),
      Location: `/v1/enrollments/${enrollment.id}`,
    });
  });

  app.openapi(listEnrollmentsRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const program = await findVisibleProgram(db, caller, c.req.valid('param').programId);
    const onlyOf = caller.isAdmin ? null : caller.personId;
    return json(c, await listEnrollments(db, program, onlyOf, c.req.valid('query')), 200);
  });

  app.openapi(getEnrollmentRoute, async (c) => {
    const { row } = await findVisibleEnrollment(
      c.get('db'),
      c.get('caller'),
      c.req.valid('param').enrollmentId,
    );
    return json(c, toEnrollment(row), 200, { ETag: etagOf(row.version) });
  });

  app.openapi(updateEnrollmentRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const { row, program } = await findVisibleEnrollment(db, caller, c.req.valid('param').enrollmentId);
    const changes = c.req.valid('json');
    const statusChange = changes.status !== undefined && changes.status !== row.status;
    if (!caller.isAdmin && statusChange && changes.status !== 'withdrawn') {
      throw forbidden('You can withdraw your enrolment; accepting or declining it is for an admin');
    }
    checkIfMatch(c, row.version);
    if (changes.topics) checkOfferedTopics(program, changes.topics);
    const next = await updateEnrollment(db, row, changes);
    return json(c, next, 200, { ETag: etagOf(next.version) });
  });

  app.openapi(deleteEnrollmentRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const { row } = await findVisibleEnrollment(db, caller, c.req.valid('param').enrollmentId);
    requireAdmin(caller, 'Only an admin can remove an enrolment; withdraw it instead');
    checkIfMatch(c, row.version);
    await softDelete(db, 'enrollments', row);
    return c.body(null, 204);
  });
}
