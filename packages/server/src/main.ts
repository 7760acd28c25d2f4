#!/usr/bin/env node
import { logStartFailure } from './cannot-start.js';
import { runCommand } from './cli/commands.js';
import { readConfig } from './config.js';
import { startServer } from './server.js';

// No argument, or `serve`, serves; anything else is an operator's command, which exits.
const args = process.argv.slice(2);
if (args[0] !== undefined && args[0] !== 'serve') process.exit(await runCommand(args, process.env));

try {
  const server = await startServer(readConfig(process.env));
  // Once: a second signal while draining takes Node's default and stops the process at once.
  const stop = async (signal: NodeJS.Signals) => {
    await server.close(signal);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  logStartFailure(error);
  process.exit(1);
}
