import type { TestApi } from './harness.js';
import type { World } from './world.js';

let programs = 0;

/** A program running since the world's (2026-01-05 to 2026-12-18), offering every default topic. */
export async function runningProgram(api: TestApi, world: World, overrides: Record<string, unknown> = {}) {
  programs += 1;
  const res = await api.call('POST', '/v1/programs', {
    token: world.tokens.admin,
    body: {
      name: `Cohort ${programs}`,
      startsOn: '2026-01-05',
      endsOn: '2026-12-18',
      status: 'active',
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`program: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/**
 * A pair already running, as an admin records one made outside the kit (an override, active
 * from the program's start), in a program of its own unless one is given: for tests about what
 * a pair does, not about how pairs are made. The world's mentor and mentee by default.
 */
export async function runningPair(
  api: TestApi,
  world: World,
  options: {
    mentorId?: string;
    menteeId?: string;
    programId?: string;
    topics?: string[];
    startedOn?: string;
  } = {},
) {
  const programId = options.programId ?? (await runningProgram(api, world));
  const res = await api.call('POST', `/v1/programs/${programId}/pairs`, {
    token: world.tokens.admin,
    body: {
      mentorId: options.mentorId ?? world.people.mentor,
      menteeId: options.menteeId ?? world.people.mentee,
      topics: options.topics ?? [],
      status: 'active',
      startedOn: options.startedOn ?? '2026-01-05',
      override: true,
    },
  });
  if (res.status !== 201) throw new Error(`pair: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
