import type { PairRow, ProgramDashboard } from '../schemas/dashboard.js';
import type { Enrollment, EnrollmentStatus } from '../schemas/enrollment.js';
import type { Goal } from '../schemas/goal.js';
import type { Pair } from '../schemas/pair.js';
import type { Program } from '../schemas/program.js';
import type { ProgramReport } from '../schemas/report.js';
import type { Session } from '../schemas/session.js';
import { ENROLLMENT_STATUSES, PAIR_STATUSES, topicLabel } from '../vocabulary.js';
import { pairProgress } from './pair-progress.js';
import { cancelledInARow, goalCompletion, sessionDate } from './progress.js';

const DAY_MS = 86_400_000;
export const DASHBOARD_WEEKS = 26;

export interface DashboardGround {
  program: Pick<Program, 'id' | 'startsOn' | 'endsOn' | 'cadenceDays' | 'topics' | 'customTopics'>;
  enrollments: readonly Pick<Enrollment, 'personId' | 'role' | 'status' | 'topics'>[];
  pairs: readonly (Pick<Pair, 'id' | 'menteeId' | 'status' | 'startedOn' | 'resumedOn'> & {
    mentorName: string;
    menteeName: string;
  })[];
  sessions: readonly Pick<Session, 'pairId' | 'status' | 'occurredAt' | 'scheduledAt' | 'topics'>[];
  goals: readonly Pick<Goal, 'status'>[];
  now: Date;
}

/** The Monday (UTC) of the week a day falls in, as a calendar date. */
export function weekOf(at: Date | string): string {
  const day = new Date(typeof at === 'string' ? Date.parse(at) : at.getTime());
  day.setUTCHours(0, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * Weeks from the program's start to this week (or its end, if sooner): the latest 26. A pair
 * published before the start may already hold sessions: the weeks then begin with its first.
 */
function programWeeks(program: DashboardGround['program'], now: Date, firstSession: string | null): string[] {
  const last = weekOf(program.endsOn < now.toISOString().slice(0, 10) ? program.endsOn : now);
  let week = weekOf(program.startsOn);
  if (firstSession !== null && weekOf(firstSession) < week) week = weekOf(firstSession);
  const weeks: string[] = [];
  while (week <= last) {
    weeks.push(week);
    week = new Date(Date.parse(week) + 7 * DAY_MS).toISOString().slice(0, 10);
  }
  return weeks.slice(-DASHBOARD_WEEKS);
}

/**
 * Each pair's row, as an admin or a service token sees it: progress from its sessions
 * alone, so 'low-trust', which comes from answers they may not read, is never a reason.
 */
export function pairRows(ground: Pick<DashboardGround, 'program' | 'pairs' | 'sessions' | 'now'>): PairRow[] {
  return ground.pairs.map((pair) => {
    const sessions = ground.sessions.filter((s) => s.pairId === pair.id);
    const progress = pairProgress({
      pair,
      cadenceDays: ground.program.cadenceDays,
      sessions,
      goals: [],
      feedback: [],
      now: ground.now,
    });
    const counted = (status: Session['status']) => sessions.filter((s) => s.status === status).length;
    return {
      pairId: pair.id,
      mentorName: pair.mentorName,
      menteeName: pair.menteeName,
      status: pair.status,
      startedOn: pair.startedOn,
      sessionsHeld: progress.sessionsHeld,
      sessionsCancelled: counted('cancelled'),
      sessionsPlanned: counted('planned'),
      lastHeldAt: progress.lastSessionAt,
      cancelledInARow: cancelledInARow(sessions),
      atRisk: progress.atRisk,
      atRiskReasons: progress.atRiskReasons,
    };
  });
}

function enrollmentFigures(ground: DashboardGround): ProgramDashboard['enrollment'] {
  const byStatus = Object.fromEntries(
    ENROLLMENT_STATUSES.map((s) => [s, { mentor: 0, mentee: 0 }]),
  ) as Record<EnrollmentStatus, { mentor: number; mentee: number }>;
  for (const e of ground.enrollments) byStatus[e.status][e.role] += 1;
  const paired = new Set(ground.pairs.filter((p) => p.status !== 'dissolved').map((p) => p.menteeId));
  const accepted = ground.enrollments.filter((e) => e.role === 'mentee' && e.status === 'accepted');
  const matched = accepted.filter((e) => paired.has(e.personId)).length;
  return {
    byStatus,
    menteesAccepted: accepted.length,
    menteesMatched: matched,
    matchRate: accepted.length === 0 ? null : matched / accepted.length,
  };
}

function topicFigures(ground: DashboardGround): ProgramDashboard['topics'] {
  const figures = new Map<string, { wanted: number; offered: number; covered: number }>();
  const entry = (key: string) => {
    const figure = figures.get(key) ?? { wanted: 0, offered: 0, covered: 0 };
    figures.set(key, figure);
    return figure;
  };
  for (const key of ground.program.topics) entry(key);
  for (const e of ground.enrollments) {
    if (e.status !== 'applied' && e.status !== 'accepted') continue;
    for (const key of new Set(e.topics)) entry(key)[e.role === 'mentee' ? 'wanted' : 'offered'] += 1;
  }
  for (const s of ground.sessions)
    if (s.status === 'held') for (const key of new Set(s.topics)) entry(key).covered += 1;
  const custom = ground.program.customTopics;
  return [...figures].map(([key, figure]) => ({
    key,
    labels: { en: topicLabel(key, 'en', custom), it: topicLabel(key, 'it', custom) },
    ...figure,
  }));
}

/**
 * Every figure of a program's dashboard, from what is stored now and the feedback
 * figures as the report releases them (`feedback`). Pairs, sessions, goals and
 * applications are no one's private answer and are live; feedback moves only with its
 * release, so two dashboards cannot be subtracted down to one answer.
 */
export function programDashboard(
  ground: DashboardGround,
  feedback: ProgramReport['feedback'],
): ProgramDashboard {
  let firstSession: string | null = null;
  for (const s of ground.sessions) {
    const at = s.status === 'held' || s.status === 'cancelled' ? sessionDate(s) : null;
    if (at !== null && (firstSession === null || Date.parse(at) < Date.parse(firstSession)))
      firstSession = at;
  }
  const weeks = programWeeks(ground.program, ground.now, firstSession);
  const perWeek = new Map(weeks.map((week) => [week, { weekOf: week, held: 0, cancelled: 0 }]));
  for (const s of ground.sessions) {
    const at = sessionDate(s);
    if (at === null || (s.status !== 'held' && s.status !== 'cancelled')) continue;
    const week = perWeek.get(weekOf(at));
    if (week) week[s.status] += 1;
  }
  const byStatus = Object.fromEntries(PAIR_STATUSES.map((s) => [s, 0])) as Record<Pair['status'], number>;
  for (const pair of ground.pairs) byStatus[pair.status] += 1;
  const completion = goalCompletion(ground.goals);
  return {
    programId: ground.program.id,
    enrollment: enrollmentFigures(ground),
    pairs: { total: ground.pairs.length, byStatus },
    sessionsPerWeek: [...perWeek.values()],
    pairRows: pairRows(ground),
    goals: {
      achieved: ground.goals.filter((g) => g.status === 'achieved').length,
      inPlay: ground.goals.filter((g) => g.status !== 'dropped').length,
      completion,
    },
    topics: topicFigures(ground),
    feedback,
  };
}
