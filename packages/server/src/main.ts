#!/usr/bin/env node
import { readConfig } from './config.js';
import { startServer } from './server.js';

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
