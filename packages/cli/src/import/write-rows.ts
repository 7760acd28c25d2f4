import { createHash } from 'node:crypto';
import { RmError, RmForbiddenError, RmNetworkError, RmUnauthorizedError, type Written } from '@rm-kit/sdk';
import { CliError, EXIT } from '../exit-codes.js';
import type { Progress } from '../progress.js';
import type { RowIssue } from './row-issues.js';

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface WrittenRow {
  line: number;
  id: string;
  outcome: RowOutcome;
}

/** A row found wrong only at its turn to be written (its manager's row was not written). */
export class RowRefused extends Error {
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** One row's write: resolves with what became of it, or throws the server's refusal. */
export interface RowWrite {
  line: number;
  write: () => Promise<{ id: string; outcome: RowOutcome }>;
}

/**
 * The Idempotency-Key of one row's write, from the file's content, the row's line and what
 * is done with it: the same file run again after an interruption sends the same keys, and
 * the server answers a write it already made with its first answer instead of doubling it.
 */
export function rowKey(file: Uint8Array, scope: string, line: number): string {
  const fileHash = createHash('sha256').update(file).digest('hex');
  return `rm-kit-cli-${createHash('sha256').update(`${fileHash}\n${scope}\n${line}`).digest('hex').slice(0, 48)}`;
}

/**
 * The entity a write answered with. The SDK keeps a write the server did not answer in its
 * outbox and resolves with a receipt; the CLI ends instead, and a run of the same command
 * sends the same keys again.
 */
export function sent<T, B>(result: Written<T, B>): T {
  if (result.pending) {
    throw new RmNetworkError({ status: 0, code: 'network_error', message: 'no answer from the server' });
  }
  return result;
}

/** The server's refusal of one row, in the file's words where it named fields. */
function refusalOf(line: number, error: RmError, columnOf: (field: string) => string): RowIssue[] {
  if (error.issues.length === 0) return [{ line, field: null, message: error.message }];
  return error.issues.map((issue) => {
    const [field] = issue.path;
    return {
      line,
      field: field === undefined ? null : columnOf(String(field)),
      message: `${issue.message} (${error.message})`,
    };
  });
}

/**
 * Writes the rows in order. A row the server refuses stops the run, or, with `partial`, is
 * reported and the next one goes on. A refused token or operation, an unreachable server,
 * or a write left waiting ends the command: what was written stays, and the same command
 * run again writes the rest without doubling anything.
 */
export async function writeRows(
  writes: readonly RowWrite[],
  options: { partial: boolean; progress: Progress; columnOf: (field: string) => string },
): Promise<{ written: WrittenRow[]; refused: RowIssue[]; stoppedAt: number | null }> {
  const written: WrittenRow[] = [];
  const refused: RowIssue[] = [];
  try {
    for (const { line, write } of writes) {
      try {
        written.push({ line, ...(await write()) });
      } catch (error) {
        if (error instanceof RmUnauthorizedError || error instanceof RmForbiddenError) {
          throw new CliError(`Line ${line}: the server refused the token: ${error.message}`, EXIT.denied);
        }
        if (error instanceof RmNetworkError) {
          throw new CliError(
            `Line ${line}: the server could not be reached (${error.message}). ${written.length} rows were written; run the same command again to write the rest`,
            EXIT.failed,
          );
        }
        if (error instanceof RowRefused) refused.push({ line, field: error.field, message: error.message });
        else if (error instanceof RmError && error.status < 500) {
          refused.push(...refusalOf(line, error, options.columnOf));
        } else throw error;
        if (!options.partial) return { written, refused, stoppedAt: line };
      } finally {
        options.progress.tick();
      }
    }
  } finally {
    options.progress.stop();
  }
  return { written, refused, stoppedAt: null };
}
