#!/usr/bin/env node
import { runCommand } from './cli/commands.js';
import { readConfig } from './config.js';
import { startServer } from './server.js';

// No argument, or `serve`, serves; anything else is an operator's command, which exits.
const args = process.argv.slice(2);
if (args[0] !== undefined && args[0] !== 'serve') process.exit(await runCommand(args, process.env));

try {
  const server = await startServer(readConfig(process.env));
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
