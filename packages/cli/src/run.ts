import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { LOCALES, type Locale } from '@rm-kit/core';
import {
  RmError,
  RmForbiddenError,
  RmNetworkError,
  RmNotFoundError,
  RmUnauthorizedError,
  RmValidationError,
} from '@rm-kit/sdk';
import { EXPORTS, type ExportKind, exportCsv } from './commands/export.js';
import { match } from './commands/match.js';
import { type Connection, connect } from './connection.js';
import type { Delimiter } from './csv/read-csv.js';
import { CliError, EXIT, type ExitCode } from './exit-codes.js';
import { EXPORT_HELP, IMPORT_ENROLLMENTS_HELP, IMPORT_PEOPLE_HELP, MAIN_HELP, MATCH_HELP } from './help.js';
import { importEnrollments } from './import/import-enrollments.js';
import { importPeople } from './import/import-people.js';
import { formatImport, importExitCode } from './import/import-report.js';

/** Where a run reads and writes: the process's own streams, or a test's. */
export interface Io {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Asks a yes-or-no question; undefined when no person is at a terminal to answer. */
  ask: ((question: string) => Promise<boolean>) | undefined;
}

const CONNECTION_OPTIONS = {
  server: { type: 'string' },
  'token-file': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

const PROGRAM = { program: { type: 'string' } } as const satisfies ParseArgsConfig['options'];
const IMPORT_OPTIONS = {
  ...CONNECTION_OPTIONS,
  delimiter: { type: 'string' },
  partial: { type: 'boolean', default: false },
  update: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/** A wrong command line, with where to read the right one. */
function usage(message: string, command: string): CliError {
  return new CliError(`${message}\nrm-kit ${command} --help tells more.`, EXIT.usage);
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  command: string,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usage((error as Error).message, command);
  }
}

function required<T>(value: T | undefined, what: string, command: string): T {
  if (value === undefined || value === '') throw usage(`Missing ${what}.`, command);
  return value;
}

function delimiterOf(value: string | undefined, command: string): Delimiter | undefined {
  if (value === undefined || value === ',' || value === ';') return value;
  throw usage(`--delimiter is "," or ";", not "${value}".`, command);
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`, EXIT.usage);
  }
}

async function withConnection<T>(
  options: { server?: string | undefined; 'token-file'?: string | undefined },
  io: Io,
  work: (connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = await connect(options, io.env);
  try {
    return await work(connection);
  } finally {
    connection.client.close();
  }
}

async function runImport(args: string[], io: Io): Promise<ExitCode> {
  const [what, ...rest] = args;
  if (what !== 'people' && what !== 'enrollments') {
    if (what === undefined || what === '--help' || what === '-h') {
      io.stdout(`${IMPORT_PEOPLE_HELP}\n\n${IMPORT_ENROLLMENTS_HELP}\n`);
      return what === undefined ? EXIT.usage : EXIT.ok;
    }
    throw usage(`rm-kit import people|enrollments, not "${what}".`, 'import');
  }
  const help = what === 'people' ? IMPORT_PEOPLE_HELP : IMPORT_ENROLLMENTS_HELP;
  const command = `import ${what}`;
  const { values, positionals } = parse(rest, { ...IMPORT_OPTIONS, ...PROGRAM }, command);
  if (values.help) {
    io.stdout(`${help}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw usage('One file at a time.', command);
  const file = required(positionals[0], 'the CSV file', command);
  const programId = what === 'enrollments' ? required(values.program, '--program <id>', command) : undefined;
  const options = {
    file,
    bytes: await readInput(file),
    delimiter: delimiterOf(values.delimiter, command),
    partial: values.partial,
    update: values.update,
  };
  const warn = (message: string) => io.stderr(`${message}\n`);
  const result = await withConnection(values, io, ({ client }) =>
    programId === undefined
      ? importPeople(client, options, warn)
      : importEnrollments(client, programId, options, warn),
  );
  io.stdout(`${formatImport(result, values.json)}\n`);
  return importExitCode(result);
}

async function runMatch(args: string[], io: Io): Promise<ExitCode> {
  const { values } = parse(
    args,
    {
      ...CONNECTION_OPTIONS,
      ...PROGRAM,
      publish: { type: 'boolean', default: false },
      locale: { type: 'string' },
    },
    'match',
  );
  if (values.help) {
    io.stdout(`${MATCH_HELP}\n`);
    return EXIT.ok;
  }
  const programId = required(values.program, '--program <id>', 'match');
  const locale = values.locale ?? 'en';
  if (!(LOCALES as readonly string[]).includes(locale)) {
    throw usage(`--locale is ${LOCALES.join(' or ')}, not "${locale}".`, 'match');
  }
  return withConnection(values, io, ({ client }) =>
    match(client, {
      programId,
      publish: values.publish,
      locale: locale as Locale,
      json: values.json,
      ask: io.ask,
      print: (text) => io.stdout(`${text}\n`),
    }),
  );
}

async function runExport(args: string[], io: Io): Promise<ExitCode> {
  const [kind, ...rest] = args;
  if (kind === '--help' || kind === '-h') {
    io.stdout(`${EXPORT_HELP}\n`);
    return EXIT.ok;
  }
  if (!EXPORTS.includes(kind as ExportKind)) {
    throw usage(`rm-kit export ${EXPORTS.join('|')}, not "${kind ?? ''}".`, 'export');
  }
  const { values } = parse(
    rest,
    {
      ...CONNECTION_OPTIONS,
      ...PROGRAM,
      out: { type: 'string' },
      delimiter: { type: 'string' },
      bom: { type: 'boolean', default: false },
    },
    'export',
  );
  if (values.help) {
    io.stdout(`${EXPORT_HELP}\n`);
    return EXIT.ok;
  }
  const options = {
    kind: kind as ExportKind,
    programId: required(values.program, '--program <id>', 'export'),
    out: values.out,
    delimiter: delimiterOf(values.delimiter, 'export') ?? ',',
    bom: values.bom,
  };
  const done = await withConnection(values, io, (connection) => exportCsv(connection, options, io.stdout));
  if (done) io.stderr(`${done}\n`);
  return EXIT.ok;
}

/** A refusal or failure that reached the top, as a message and the exit code a script branches on. */
function failure(error: unknown): { message: string; code: ExitCode } {
  if (error instanceof CliError) return { message: error.message, code: error.exitCode };
  if (error instanceof RmUnauthorizedError || error instanceof RmForbiddenError) {
    return { message: `The server refused: ${error.message}`, code: EXIT.denied };
  }
  if (error instanceof RmNotFoundError) {
    return { message: `Not found: ${error.message} (check --program)`, code: EXIT.denied };
  }
  if (error instanceof RmValidationError) {
    const issues = error.issues.map((issue) => `\n  ${issue.path.join('.')}: ${issue.message}`).join('');
    return { message: `The server refused the request: ${error.message}${issues}`, code: EXIT.usage };
  }
  if (error instanceof RmNetworkError) {
    return { message: `The server could not be reached: ${error.message}`, code: EXIT.failed };
  }
  if (error instanceof RmError)
    return { message: `The server answered ${error.status}: ${error.message}`, code: EXIT.failed };
  return { message: error instanceof Error ? error.message : String(error), code: EXIT.failed };
}

/** Runs one `rm-kit` command line and says how it ended. */
export async function run(argv: string[], io: Io): Promise<ExitCode> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.stdout(`${MAIN_HELP}\n`);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === 'import') return await runImport(rest, io);
    if (command === 'match') return await runMatch(rest, io);
    if (command === 'export') return await runExport(rest, io);
    throw new CliError(`Unknown command "${command}"; rm-kit --help lists them.`, EXIT.usage);
  } catch (error) {
    const { message, code } = failure(error);
    io.stderr(`${message}\n`);
    return code;
  }
}

/** A yes-or-no question at the terminal: only "y" or "yes" is a yes. */
export async function askOnTerminal(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|yes|s|si|sì)$/i.test((await terminal.question(question)).trim());
  } finally {
    terminal.close();
  }
}
