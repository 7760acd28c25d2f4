import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../packages/server/', import.meta.url));
/** How long past its own shutdown (drain delay and drain) a stopped server is given to exit. */
const KILL_AFTER_MS = 20_000;

/** The longest a server started with `env` takes to shut down by itself (the defaults are the server's). */
const shutdownMs = (env) =>
  (Number(env.RMKIT_DRAIN_DELAY_SECONDS ?? 0) + Number(env.RMKIT_SHUTDOWN_SECONDS ?? 10)) * 1000;

/**
 * Runs the reference server as its own process, the way the SDK and the elements meet it
 * in production: over HTTP, never imported. From source by default; `built: true` runs
 * `dist/main.js` as an operator would. Resolves once it listens, with the URL it printed
 * itself (PORT=0 lets it choose a free port), so what answers there is this process.
 * `nodeArgs` go to Node itself, e.g. `--cpu-prof` (which NODE_OPTIONS does not take).
 * `packageDir` runs another copy of the package, e.g. one an app installed from its tarball.
 */
export function startRmServer(
  env = {},
  { built = false, args = [], nodeArgs = [], packageDir = serverDir } = {},
) {
  const entry = built ? ['dist/main.js'] : ['--conditions=source', '--import', 'tsx', 'src/main.ts'];
  const childEnv = { ...process.env, PORT: '0', RMKIT_DEMO: '1', RMKIT_LOG_LEVEL: 'info', ...env };
  const child = spawn(process.execPath, [...nodeArgs, ...entry, ...args], {
    cwd: packageDir,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  let output = '';
  child.stderr.on('data', (chunk) => {
    errors += chunk;
  });
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise((done) => child.once('exit', (code, signal) => done(code ?? signal)));
  const logs = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
  return new Promise((resolve, reject) => {
    const onData = () => {
      const listening = logs().find((line) => line.msg === 'rm-kit server listening');
      if (!listening) return;
      child.stdout.off('data', onData);
      resolve({
        url: listening.url,
        child,
        logs,
        exited,
        /**
         * Stops it; SIGKILL stands for a crash or a pulled plug. A process still there once its
         * own shutdown should have ended is killed, so a server that hangs fails the caller
         * (it exited by SIGKILL) instead of stopping the run until CI gives up.
         */
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill(signal);
            const killing = setTimeout(() => child.kill('SIGKILL'), shutdownMs(childEnv) + KILL_AFTER_MS);
            void exited.then(() => clearTimeout(killing));
          }
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`rm-kit server exited (${code}) before listening:\n${output}${errors}`)),
    );
  });
}
