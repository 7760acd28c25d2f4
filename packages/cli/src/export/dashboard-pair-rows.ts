import type { ErrorBody } from '@rm-kit/core';
import { errorFromResponse } from '@rm-kit/sdk/errors';
import type { Connection } from '../connection.js';

/**
 * One pair's row of `GET /v1/programs/{programId}/dashboard` (`pairRows`), as issue 12's
 * split fixes it. The dashboard's schema lands in core (`programDashboardSchema`) on another
 * branch; at the merge this type becomes core's and `dashboardPairRows` calls
 * `client.reports.dashboard(programId)`.
 */
export interface DashboardPairRow {
  pairId: string;
  mentorName: string;
  menteeName: string;
  status: string;
  startedOn: string | null;
  sessionsHeld: number;
  sessionsCancelled: number;
  sessionsPlanned: number;
  lastHeldAt: string | null;
  cancelledInARow: number;
  atRisk: boolean;
  atRiskReasons: string[];
}

export async function dashboardPairRows(
  { baseUrl, token }: Connection,
  programId: string,
): Promise<DashboardPairRow[]> {
  const url = new URL(
    `v1/programs/${encodeURIComponent(programId)}/dashboard`,
    `${baseUrl.replace(/\/?$/, '/')}`,
  );
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw errorFromResponse(response.status, body as ErrorBody | null, undefined);
  return (body as { pairRows: DashboardPairRow[] }).pairRows;
}

/** The per-pair rows of the dashboard, as `export sessions` writes them. */
export function sessionsRows(rows: readonly DashboardPairRow[]): unknown[][] {
  return [
    [
      'pairId',
      'mentor (junior)',
      'mentee (senior)',
      'status',
      'startedOn',
      'sessionsHeld',
      'sessionsCancelled',
      'sessionsPlanned',
      'lastHeldAt',
      'cancelledInARow',
      'atRisk',
      'atRiskReasons',
    ],
    ...rows.map((row) => [
      row.pairId,
      row.mentorName,
      row.menteeName,
      row.status,
      row.startedOn,
      row.sessionsHeld,
      row.sessionsCancelled,
      row.sessionsPlanned,
      row.lastHeldAt,
      row.cancelledInARow,
      row.atRisk,
      row.atRiskReasons.join(' '),
    ]),
  ];
}
