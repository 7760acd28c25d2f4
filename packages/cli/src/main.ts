#!/usr/bin/env node
import { askOnTerminal, run } from './run.js';

const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
process.exitCode = await run(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  ask: interactive ? askOnTerminal : undefined,
});
