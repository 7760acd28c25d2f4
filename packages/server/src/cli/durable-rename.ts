import { closeSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

function fsync(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts a finished file in place of another in one step: a reader sees the old file or the
 * new one, never half of either, and after a power cut the name still points at the new one.
 */
export function renameDurably(from: string, to: string): void {
  fsync(from);
  renameSync(from, to);
  // Windows cannot open a directory to flush it; NTFS journals the rename itself.
  if (process.platform !== 'win32') fsync(dirname(to));
}
