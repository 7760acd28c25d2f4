import type { ProgramReport } from '@rm-kit/core';

/**
 * A program's report as `metric, value` rows (`pairs.byStatus.active`, `feedback.overall.trust`).
 * The report holds feedback only as released aggregates (figures over groups too small to
 * release are null on the server): a null figure is a row with an empty value, so the
 * sheet shows it is held back rather than leaving it out.
 */
export function reportRows(report: ProgramReport): unknown[][] {
  const rows: unknown[][] = [['metric', 'value']];
  const walk = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(prefix ? `${prefix}.${key}` : key, inner);
    } else rows.push([prefix, value]);
  };
  walk('', report);
  return rows;
}
