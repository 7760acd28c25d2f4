import type { PairRow } from '../schemas/dashboard.js';
import type { ProgramReport, RatingSummary } from '../schemas/report.js';
import { type CsvOptions, toCsv } from './csv.js';

const PAIR_COLUMNS = [
  'pairId',
  'mentorName',
  'menteeName',
  'status',
  'startedOn',
  'sessionsHeld',
  'sessionsCancelled',
  'sessionsPlanned',
  'lastHeldAt',
  'cancelledInARow',
  'atRisk',
  'atRiskReasons',
] as const satisfies readonly (keyof PairRow)[];

/** A dashboard's pairs as CSV, one row per pair, headed by the field names; reasons joined by spaces. */
export function pairRowsCsv(rows: readonly PairRow[], options: CsvOptions = {}): string {
  return toCsv(
    [
      PAIR_COLUMNS,
      ...rows.map((row) =>
        PAIR_COLUMNS.map((column) =>
          column === 'atRiskReasons' ? row.atRiskReasons.join(' ') : row[column],
        ),
      ),
    ],
    options,
  );
}

/**
 * A report as CSV: one figure a line (`figure,group,value`). Decimals take a comma where
 * the delimiter is `;`, as the spreadsheets that want `;` read numbers.
 */
export function programReportCsv(report: ProgramReport, options: CsvOptions = {}): string {
  const number = (value: number) => (options.delimiter === ';' ? String(value).replace('.', ',') : value);
  const ratings = (group: string, summary: RatingSummary | null) =>
    summary
      ? (['answers', 'usefulness', 'trust', 'preparation', 'recommend'] as const).map((key) => [
          `feedback.${key}`,
          group,
          number(summary[key]),
        ])
      : [];
  const { feedback } = report;
  return toCsv(
    [
      ['figure', 'group', 'value'],
      ['pairs', 'total', report.pairs.total],
      ...Object.entries(report.pairs.byStatus).map(([status, n]) => ['pairs', status, n]),
      ['feedback.minGroupSize', '', feedback.minGroupSize],
      ['feedback.releasedAt', '', feedback.releasedAt],
      ['feedback.answers', 'released', feedback.answers],
      ...ratings('overall', feedback.overall),
      ...Object.entries(feedback.byKind ?? {}).flatMap(([kind, summary]) => ratings(kind, summary)),
    ],
    options,
  );
}
