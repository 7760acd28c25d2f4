import type { ChildProcess } from 'node:child_process';

export interface RmServerProcess {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startRmServer(env?: Record<string, string>): Promise<RmServerProcess>;
