import { toCsv } from '@rm-kit/core';
import { describe, expect, it } from 'vitest';
import { type DashboardPairRow, sessionsRows } from './dashboard-pair-rows.js';

// Until the dashboard's branch lands, these rows are built here in the shape the issue's
// split fixes for `pairRows`; at the merge the type becomes core's.
const row = (overrides: Partial<DashboardPairRow>): DashboardPairRow => ({
  pairId: 'par_01M8MYXXAKKVFYWJN7MMKSFKJM',
  mentorName: 'Giulia Rossi',
  menteeName: 'Marco Rinaldi',
  status: 'active',
  startedOn: '2026-03-02',
  sessionsHeld: 7,
  sessionsCancelled: 2,
  sessionsPlanned: 1,
  lastHeldAt: '2026-10-14T09:00:00.000Z',
  cancelledInARow: 2,
  atRisk: true,
  atRiskReasons: ['two-cancellations', 'quiet'],
  ...overrides,
});

describe('export sessions', () => {
  it('writes one row per pair with its counts and at-risk reasons, neutralising names that would run as formulas', () => {
    const csv = toCsv(
      sessionsRows([
        row({}),
        row({ mentorName: '=cmd|"/C calc"!A0', menteeName: '@SUM(1+1)', atRisk: false, atRiskReasons: [] }),
        row({ mentorName: '-2+3', menteeName: '+39 Rossi', startedOn: null, lastHeldAt: null }),
      ]),
      { delimiter: ';' },
    );
    expect(csv.split('\r\n')).toEqual([
      'pairId;mentor (junior);mentee (senior);status;startedOn;sessionsHeld;sessionsCancelled;sessionsPlanned;lastHeldAt;cancelledInARow;atRisk;atRiskReasons',
      'par_01M8MYXXAKKVFYWJN7MMKSFKJM;Giulia Rossi;Marco Rinaldi;active;2026-03-02;7;2;1;2026-10-14T09:00:00.000Z;2;true;two-cancellations quiet',
      `par_01M8MYXXAKKVFYWJN7MMKSFKJM;"'=cmd|""/C calc""!A0";'@SUM(1+1);active;2026-03-02;7;2;1;2026-10-14T09:00:00.000Z;2;false;`,
      "par_01M8MYXXAKKVFYWJN7MMKSFKJM;'-2+3;'+39 Rossi;active;;7;2;1;;2;true;two-cancellations quiet",
      '',
    ]);
  });
});
