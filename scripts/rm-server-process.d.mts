import type { ChildProcess } from 'node:child_process';

export interface RmServerProcess {
  url: string;
  child: ChildProcess;
  /** The JSON log lines it has printed so far. */
  logs(): Array<Record<string, unknown> & { msg?: string }>;
  /** Settles with the exit code (or the signal's name) once it has exited. */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

export function startRmServer(
  env?: Record<string, string>,
  options?: { built?: boolean; args?: string[]; nodeArgs?: string[]; packageDir?: string },
): Promise<RmServerProcess>;
