import { SingleBar } from 'cli-progress';

export interface Progress {
  tick(): void;
  stop(): void;
}

const silent: Progress = { tick: () => {}, stop: () => {} };

/**
 * A progress bar on stderr for work of `total` steps, only when a person watches it (stderr
 * is a terminal): a script's logs and a redirected report stay free of control characters.
 */
export function progress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!stream.isTTY || total === 0) return silent;
  const bar = new SingleBar({
    stream,
    format: `${label} [{bar}] {value}/{total} rows`,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
