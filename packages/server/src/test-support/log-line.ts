import type { RmServerProcess } from '../../../../scripts/rm-server-process.mjs';

type LogLine = ReturnType<RmServerProcess['logs']>[number];

/**
 * The first line with this message that a server process printed. Its last lines may still be
 * in the pipe when it has exited, so this waits for them, up to `timeoutMs`.
 */
export async function logLine(server: RmServerProcess, msg: string, timeoutMs = 5000): Promise<LogLine> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = server.logs().find((l) => l.msg === msg);
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`"${msg}" was not logged within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
