#!/usr/bin/env node
import { logStartFailure } from './cannot-start.js';
import { readConfig } from './config.js';
import { startServer } from './server.js';

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
