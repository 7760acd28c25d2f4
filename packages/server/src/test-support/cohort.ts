import type { TestApi } from './harness.js';
import type { World } from './world.js';

let people = 0;
let programs = 0;

export interface Member {
  id: string;
  token: string;
}

/**
 * A program taking applications, and the people of it, for tests of how pairs come to be:
 * each person joins the world's organisation, and is enrolled by the admin as asked.
 */
export async function startCohort(api: TestApi, world: World, program: Record<string, unknown> = {}) {
  programs += 1;
  const created = await api.call('POST', '/v1/programs', {
    token: world.tokens.admin,
    body: {
      name: `Cohort ${programs}`,
      startsOn: '2026-01-05',
      endsOn: '2027-12-17',
      status: 'enrolling',
      ...program,
    },
  });
  if (created.status !== 201) throw new Error(`program: ${created.status} ${JSON.stringify(created.body)}`);
  const programId = created.body.id as string;

  /** Someone new in the organisation: junior by default, in Sales, with no manager. */
  const person = async (
    options: { department?: string; managerId?: string; careerStage?: string; languages?: string[] } = {},
  ): Promise<Member> => {
    people += 1;
    const res = await api.call('POST', '/v1/people', {
      token: world.tokens.admin,
      body: {
        externalId: `sub-cohort-${people}`,
        email: `cohort.${people}@example.com`,
        displayName: `Cohort Person ${people}`,
        department: options.department ?? 'Sales',
        careerStage: options.careerStage ?? 'early',
        locale: 'en',
        languages: options.languages ?? ['en'],
        ...(options.managerId ? { managerId: options.managerId } : {}),
      },
    });
    if (res.status !== 201) throw new Error(`person: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id, token: await api.idp.sign({ sub: res.body.externalId }) };
  };

  /** Enrols someone, accepted unless said otherwise; returns the enrolment. */
  const enrol = async (
    who: Member,
    role: 'mentor' | 'mentee',
    options: { status?: string; capacity?: number; topics?: string[]; availability?: string[] } = {},
  ) => {
    const res = await api.call('POST', `/v1/programs/${programId}/enrollments`, {
      token: world.tokens.admin,
      body: {
        personId: who.id,
        role,
        topics: options.topics ?? ['ai-tools'],
        capacity: options.capacity ?? 1,
        status: options.status ?? 'accepted',
        ...(options.availability ? { availability: options.availability } : {}),
      },
    });
    if (res.status !== 201) throw new Error(`enrolment: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** A new person, enrolled and accepted in a role. */
  const member = async (role: 'mentor' | 'mentee', options: Parameters<typeof person>[0] = {}) => {
    const who = await person({ careerStage: role === 'mentor' ? 'early' : 'senior', ...options });
    await enrol(who, role);
    return who;
  };

  /** Asks the admin to pair two people; the raw answer. */
  const pair = (mentor: Member, mentee: Member, body: Record<string, unknown> = {}) =>
    api.call('POST', `/v1/programs/${programId}/pairs`, {
      token: world.tokens.admin,
      body: { mentorId: mentor.id, menteeId: mentee.id, ...body },
    });

  /** The program's pairs, as the admin lists them. */
  const pairs = async () =>
    (await api.call('GET', `/v1/pairs?programId=${programId}&limit=100`, { token: world.tokens.admin })).body
      .items as { id: string; mentorId: string; menteeId: string; status: string }[];

  return { programId, person, enrol, member, pair, pairs };
}

export type Cohort = Awaited<ReturnType<typeof startCohort>>;
