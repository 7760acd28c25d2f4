/**
 * What `rm-kit` ends with, so a script can tell apart "fix the file", "fix the token" and
 * "try again later" without reading the output. Documented in the README; never renumbered.
 */
export const EXIT = {
  /** Everything done (rows already there and skipped count as done). */
  ok: 0,
  /** The server could not be reached, failed, or something unexpected happened. */
  failed: 1,
  /** The command line is wrong: unknown command or option, a required one missing, no token. */
  usage: 2,
  /** The file was refused (unreadable, or at least one bad row): nothing was written. */
  refused: 3,
  /** Part of the file was written and part was not (`--partial`, or a row the server refused mid-way). */
  incomplete: 4,
  /** The server refused the token or the operation, or the program does not exist (401, 403, 404). */
  denied: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that ends the command with its own exit code and message. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}
