import { readFile } from 'node:fs/promises';
import { createClient, memoryStore, type RmClient } from '@rm-kit/sdk';
import { CliError, EXIT } from './exit-codes.js';

export interface ConnectionOptions {
  server?: string | undefined;
  'token-file'?: string | undefined;
}

/** Where the server is and the service token to show it, for the few calls the SDK does not make yet. */
export interface Connection {
  client: RmClient;
  baseUrl: string;
  token: string;
}

/**
 * The server from `--server` or RMKIT_URL, the service token from `--token-file` or
 * RMKIT_TOKEN. Never from an argument: a command line is visible to every user of the
 * machine (`ps`) and kept in shell histories.
 */
export async function connect(
  options: ConnectionOptions,
  env: Record<string, string | undefined>,
): Promise<Connection> {
  const baseUrl = options.server ?? env.RMKIT_URL;
  if (!baseUrl) {
    throw new CliError('Say where the server is: --server https://… or RMKIT_URL', EXIT.usage);
  }
  let token = env.RMKIT_TOKEN?.trim();
  if (options['token-file']) {
    try {
      token = (await readFile(options['token-file'], 'utf8')).trim();
    } catch (error) {
      throw new CliError(`Cannot read the token file: ${(error as Error).message}`, EXIT.usage);
    }
  }
  if (!token) {
    throw new CliError(
      'No service token: put it in RMKIT_TOKEN or in a file named by --token-file (an admin creates one under /v1/service-tokens)',
      EXIT.usage,
    );
  }
  // No outbox timer: a write the server does not answer ends the command (see writeRows).
  const client = createClient({ baseUrl, token, store: memoryStore(), syncIntervalMs: 0 });
  return { client, baseUrl, token };
}
