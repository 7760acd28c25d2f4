import { writeFile } from 'node:fs/promises';
import { type CsvDelimiter, toCsv } from '@rm-kit/core';
import { collect } from '../collect.js';
import type { Connection } from '../connection.js';
import { CliError, EXIT } from '../exit-codes.js';
import { dashboardPairRows, sessionsRows } from '../export/dashboard-pair-rows.js';
import { pairsRows } from '../export/pairs-rows.js';
import { reportRows } from '../export/report-rows.js';

export const EXPORTS = ['report', 'pairs', 'sessions'] as const;
export type ExportKind = (typeof EXPORTS)[number];

export interface ExportOptions {
  kind: ExportKind;
  programId: string;
  out: string | undefined;
  delimiter: CsvDelimiter;
  bom: boolean;
}

async function rowsOf(connection: Connection, kind: ExportKind, programId: string): Promise<unknown[][]> {
  const { client } = connection;
  if (kind === 'report') return reportRows(await client.reports.program(programId));
  if (kind === 'sessions') return sessionsRows(await dashboardPairRows(connection, programId));
  // Reading the program first turns an unknown id into a 404, not an empty list.
  await client.programs.get(programId);
  const [pairs, people] = await Promise.all([
    collect(client.pairs.list({ programId })),
    collect(client.people.list()),
  ]);
  return pairsRows(pairs, people);
}

/**
 * `rm-kit export`: a program's figures as CSV through core's `toCsv`, the kit's one CSV
 * writer, which neutralises cells a spreadsheet would run as formulas.
 */
export async function exportCsv(
  connection: Connection,
  options: ExportOptions,
  write: (text: string) => void,
): Promise<string | null> {
  const rows = await rowsOf(connection, options.kind, options.programId);
  const csv = toCsv(rows, { delimiter: options.delimiter, bom: options.bom });
  if (!options.out) {
    write(csv);
    return null;
  }
  try {
    await writeFile(options.out, csv);
  } catch (error) {
    throw new CliError(`Cannot write ${options.out}: ${(error as Error).message}`, EXIT.failed);
  }
  return `Wrote ${rows.length - 1} rows to ${options.out}.`;
}
