import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRmServer } from './rm-server-process.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Web Test Runner plugin that gives browser tests a real reference server they can
 * start, stop and kill: `executeServerCommand('rm-server', { action: 'start' | 'stop' | 'kill' })`.
 * It keeps one port and one SQLite file for the whole run, so a restarted server is the
 * same server to the page, with the same data.
 */
export function rmServerPlugin() {
  let port;
  let database;
  let origin;
  let server = null;
  /** A second server, which allows another origin than the test page's (see 'rm-server-refusing'). */
  let refusing = null;
  const url = () => `http://127.0.0.1:${port}`;

  return {
    name: 'rm-server',
    async serverStart({ config }) {
      port = await freePort();
      database = join(tmpdir(), `rm-kit-browser-tests-${process.pid}`, 'rm-kit.sqlite');
      origin = `http://${config.hostname}:${config.port}`;
    },
    async serverStop() {
      await server?.stop('SIGKILL');
      await refusing?.stop('SIGKILL');
      rmSync(join(database, '..'), { recursive: true, force: true });
    },
    async executeCommand({ command, payload }) {
      // A server whose CORS settings refuse the test page, as one deployed without the
      // intranet's origin in RMKIT_CORS_ORIGINS would: started once, on a port of its own.
      if (command === 'rm-server-refusing') {
        refusing ??= await startRmServer({
          DATABASE_URL: `sqlite:${join(database, '..', 'refusing.sqlite')}`,
          RMKIT_CORS_ORIGINS: 'https://intranet.other.example',
        });
        return { url: refusing.url };
      }
      if (command !== 'rm-server') return undefined;
      if (payload.action === 'start' && !server) {
        server = await startRmServer({
          PORT: String(port),
          DATABASE_URL: `sqlite:${database}`,
          RMKIT_CORS_ORIGINS: origin,
          // Every test file acts as the same few seeded people, in parallel: at the default
          // 600 requests a minute per person, a busy run got 429s and a widget kept waiting
          // out the window. The limit itself is tested by the server's own tests.
          RMKIT_RATE_LIMIT: '100000',
        });
      }
      if ((payload.action === 'stop' || payload.action === 'kill') && server) {
        await server.stop(payload.action === 'kill' ? 'SIGKILL' : 'SIGTERM');
        server = null;
      }
      return { url: url(), running: server !== null };
    },
  };
}
