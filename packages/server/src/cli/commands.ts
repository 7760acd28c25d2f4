import { backup } from './backup.js';
import { restore } from './restore.js';

export const HELP = `Usage: rm-kit-server [command]

Commands:
  serve                     start the server (the default)
  backup <file> [--force]   copy the SQLite database to <file>, safely while the server runs
                            (WAL included), and check the copy; --force replaces an existing <file>
  restore <file>            with the server stopped: check that <file> is an rm-kit database,
                            keep the current one as <database>.before-restore-<time>, and put
                            <file> in its place (its stale -wal and -shm removed)
  help                      show this

Every command reads DATABASE_URL as the server does (default sqlite:./data/rm-kit.sqlite).
On PostgreSQL, use pg_dump --format=custom and pg_restore instead.`;

/**
 * Runs an operator's command: one line to stdout when it is done, or one to stderr when
 * it is not, and the exit code to end with.
 */
export async function runCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'help' || command === '--help' || command === '-h' || rest.includes('--help')) {
    console.log(HELP);
    return 0;
  }
  try {
    if (command === 'backup') console.log(await backup(rest, env));
    else if (command === 'restore') console.log(await restore(rest, env));
    else throw new Error(`Unknown command "${command}"; rm-kit-server --help lists them.`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
