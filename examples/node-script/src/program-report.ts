#!/usr/bin/env node
// A program's report from the rm-kit API, as CSV or JSON, with a service token: what an
// HR team's own script (a nightly export to a data warehouse, a monthly e-mail) starts from.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type ProgramReport, programReportCsv } from '@rm-kit/core';
import {
  createClient,
  memoryStore,
  RmForbiddenError,
  RmNetworkError,
  RmNotFoundError,
  RmUnauthorizedError,
  RmValidationError,
} from '@rm-kit/sdk';

const USAGE = `Usage: program-report --program <prg_…> [--format csv|json] [--out <file>]

Prints a program's report (pairs by status, released feedback figures) to stdout, or writes it
to --out. The server comes from RMKIT_URL, the service token from RMKIT_TOKEN.`;

/** A failure the person running the script can act on, with the exit code a scheduler sees. */
class ReportError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function options() {
  const { values } = parseArgs({
    options: {
      program: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const { program, format, out } = values;
  if (!program) throw new ReportError(`--program is required.\n\n${USAGE}`, 1);
  if (format !== 'csv' && format !== 'json')
    throw new ReportError(`--format is csv or json, not ${format}.`, 1);
  const baseUrl = process.env.RMKIT_URL;
  const token = process.env.RMKIT_TOKEN;
  if (!baseUrl || !token) throw new ReportError('Set RMKIT_URL and RMKIT_TOKEN (a service token).', 1);
  return { program, format, out, baseUrl, token };
}

/** The SDK's typed errors, in words that say what to check. */
function explained(error: unknown, program: string, baseUrl: string): ReportError {
  if (error instanceof RmUnauthorizedError)
    return new ReportError(`${baseUrl} refused the token in RMKIT_TOKEN: is it a current service token?`, 2);
  if (error instanceof RmForbiddenError)
    return new ReportError('This token may not read program reports: use a service token or an admin’s.', 2);
  // A well-formed id of no program is a 404; a malformed one, a 400 about the path.
  if (error instanceof RmNotFoundError || error instanceof RmValidationError)
    return new ReportError(`${baseUrl} has no program ${program} (ids look like prg_…).`, 3);
  if (error instanceof RmNetworkError) return new ReportError(`Cannot reach ${baseUrl}: ${error.message}`, 4);
  return new ReportError(error instanceof Error ? error.message : String(error), 1);
}

async function main() {
  const { program, format, out, baseUrl, token } = options();
  // Memory store and no sync timer: a script reads once and exits.
  const client = createClient({ baseUrl, token, store: memoryStore(), syncIntervalMs: 0 });
  let report: ProgramReport;
  try {
    report = await client.reports.program(program);
  } catch (error) {
    throw explained(error, program, baseUrl);
  } finally {
    client.close();
  }
  // CSV through core's writer, the one the server's ?format=csv uses: the same figure,group,value rows.
  const text = format === 'csv' ? programReportCsv(report) : `${JSON.stringify(report, null, 2)}\n`;
  if (!out) {
    process.stdout.write(text);
    return;
  }
  await writeFile(out, text);
  console.error(`Wrote the report of ${program} to ${out}.`);
}

main().catch((error: unknown) => {
  const failure = error instanceof ReportError ? error : new ReportError(String(error), 1);
  console.error(failure.message);
  process.exitCode = failure.exitCode;
});
