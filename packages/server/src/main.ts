#!/usr/bin/env node
import { logStartFailure } from './cannot-start.js';
import { runCommand } from './cli/commands.js';
import { readConfig } from './config.js';
import { startServer } from './server.js';

// No argument, or `serve`, serves; anything else is an operator's command, which exits.
const args = process.argv.slice(2);
if (args[0] !== undefined && args[0] !== 'serve') process.exit(await runCommand(args, process.env));

/** How long a stopped server waits for what still runs, its last log lines, before it exits anyway. */
const EXIT_WITHIN_MS = 1000;

try {
  const server = await startServer(readConfig(process.env));
  // Once: a second signal while draining takes Node's default and stops the process at once.
  const stop = async (signal: NodeJS.Signals) => {
    await server.close(signal);
    // Leaves once its event loop is empty, with pino's last lines written while it still runs.
    // Left to process.exit, pino writes them synchronously and, when nobody reads the log any
    // more (a log shipper that died), retries the first forever (EPIPE): the process never exited.
    process.exitCode = 0;
    setTimeout(() => process.exit(), EXIT_WITHIN_MS).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  logStartFailure(error);
  process.exit(1);
}
