import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../packages/server/', import.meta.url));

/**
 * Runs the reference server as its own process, from source, the way the SDK and the
 * elements meet it in production: over HTTP, never imported. Resolves once it listens.
 */
export function startRmServer(env = {}) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', RMKIT_DEMO: '1', RMKIT_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => {
    errors += chunk;
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      for (const line of output.split('\n')) {
        if (!line.includes('rm-kit server listening')) continue;
        child.stdout.off('data', onData);
        child.stdout.resume();
        const { url } = JSON.parse(line);
        resolve({
          url,
          child,
          /** Stops it; SIGKILL stands for a crash or a pulled plug. */
          stop: (signal = 'SIGTERM') =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill(signal);
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`rm-kit server exited (${code}) before listening:\n${errors}`)),
    );
  });
}
