import { describe, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { pairRowsCsv, programReportCsv } from './report-csv.js';

describe('pairRowsCsv', () => {
  it('writes one line a pair, a formula in a name neutralised, for Italian Excel with ; and a BOM', () => {
    const pairId = newId('pair');
    const csv = pairRowsCsv(
      [
        {
          pairId,
          mentorName: '=cmd|calc',
          menteeName: 'Niccolò Ferri',
          status: 'active',
          startedOn: '2026-01-05',
          sessionsHeld: 3,
          sessionsCancelled: 2,
          sessionsPlanned: 0,
          lastHeldAt: null,
          cancelledInARow: 2,
          atRisk: true,
          atRiskReasons: ['no-recent-session', 'two-cancellations'],
        },
      ],
      { delimiter: ';', bom: true },
    );
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFpairId;mentorName;menteeName;status;startedOn;sessionsHeld;sessionsCancelled;sessionsPlanned;lastHeldAt;cancelledInARow;atRisk;atRiskReasons',
      `${pairId};'=cmd|calc;Niccolò Ferri;active;2026-01-05;3;2;0;;2;true;no-recent-session two-cancellations`,
      '',
    ]);
  });
});

describe('programReportCsv', () => {
  it('writes each released figure on a line, with decimal commas beside ;', () => {
    const summary = { answers: 3, usefulness: 4, trust: 4.3, preparation: 4, recommend: 9 };
    const csv = programReportCsv(
      {
        pairs: { total: 1, byStatus: { proposed: 0, active: 1, paused: 0, completed: 0, dissolved: 0 } },
        feedback: {
          minGroupSize: 3,
          releasedAt: '2026-02-02T10:00:00.000Z',
          answers: 3,
          overall: summary,
          byKind: { session: summary, midpoint: null, final: null },
        },
      },
      { delimiter: ';' },
    );
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['figure;group;value', 'pairs;total;1', 'pairs;proposed;0']);
    expect(lines).toContain('feedback.trust;overall;4,3');
    expect(lines).toContain('feedback.trust;session;4,3');
    expect(lines.filter((line) => line.includes('midpoint'))).toEqual([]);
  });
});
