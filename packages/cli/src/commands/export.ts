import { writeFile } from 'node:fs/promises';
import { type CsvDelimiter, type CsvOptions, pairRowsCsv, programReportCsv, toCsv } from '@rm-kit/core';
import { collect } from '../collect.js';
import type { Connection } from '../connection.js';
import { CliError, EXIT } from '../exit-codes.js';
import { pairsRows } from '../export/pairs-rows.js';

export const EXPORTS = ['report', 'pairs', 'sessions'] as const;
export type ExportKind = (typeof EXPORTS)[number];

export interface ExportOptions {
  kind: ExportKind;
  programId: string;
  out: string | undefined;
  delimiter: CsvDelimiter;
  bom: boolean;
}

/**
 * The report and the per-pair session counts are written by core's functions, the ones the
 * server's `?format=csv` uses, so a sheet from the CLI and one from the dashboard's
 * "Export as CSV" have the same columns.
 */
async function csvOf(connection: Connection, kind: ExportKind, programId: string, csv: CsvOptions) {
  const { client } = connection;
  if (kind === 'report') return programReportCsv(await client.reports.program(programId), csv);
  if (kind === 'sessions') return pairRowsCsv((await client.reports.dashboard(programId)).pairRows, csv);
  // Reading the program first turns an unknown id into a 404, not an empty list.
  await client.programs.get(programId);
  const [pairs, people] = await Promise.all([
    collect(client.pairs.list({ programId })),
    collect(client.people.list()),
  ]);
  return toCsv(pairsRows(pairs, people), csv);
}

/**
 * `rm-kit export`: a program's figures as CSV through core's writer, the kit's one CSV
 * writer, which neutralises cells a spreadsheet would run as formulas.
 */
export async function exportCsv(
  connection: Connection,
  options: ExportOptions,
  write: (text: string) => void,
): Promise<string | null> {
  const csv = await csvOf(connection, options.kind, options.programId, {
    delimiter: options.delimiter,
    bom: options.bom,
  });
  if (!options.out) {
    write(csv);
    return null;
  }
  try {
    await writeFile(options.out, csv);
  } catch (error) {
    throw new CliError(`Cannot write ${options.out}: ${(error as Error).message}`, EXIT.failed);
  }
  return `Wrote ${csv.trimEnd().split('\r\n').length - 1} rows to ${options.out}.`;
}
