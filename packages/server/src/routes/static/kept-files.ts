import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text compresses; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map']);
/** Below this a compressed answer saves less than its headers cost. */
const WORTH_COMPRESSING = 1024;
/** What is kept in memory at most, raw and compressed; past it, the files kept so far are dropped. */
const KEPT_BYTES = 64 * 1024 * 1024;

/** One version of a file: its bytes, their hash, and each encoding once it has been made. */
export interface KeptFile {
  readonly body: Buffer<ArrayBuffer>;
  /** The hash of the bytes (base64url), for the ETags of its encodings. */
  readonly hash: string;
  readonly compressible: boolean;
  encoded(encoding: Encoding): Promise<Buffer<ArrayBuffer>>;
}

/** What tells one version of a file from another, as `stat` gives it. */
export type FileVersion = { mtimeMs: number; size: number };

interface Entry extends FileVersion {
  file: KeptFile;
}

/**
 * The files of RMKIT_STATIC_DIRS as they are answered: read once per version (its size and
 * modification time), hashed for its ETag, and compressed once per encoding, brotli at its
 * best (about a second of the thread pool's time for the whole bundle, once per process) and gzip.
 * Every page of an intranet loads the kit's bundle: sent uncompressed, it was three times its
 * gzipped size, and with no ETag a browser revalidating it (`no-cache`) got all of it again.
 */
export function keptFiles() {
  const kept = new Map<string, Entry>();
  let keptBytes = 0;

  return async (path: string, info: FileVersion, type: string): Promise<KeptFile> => {
    const known = kept.get(path);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known.file;
    const body = await readFile(path);
    const compressible = COMPRESSIBLE.has(type) && body.length >= WORTH_COMPRESSING;
    const encodings = new Map<Encoding, Promise<Buffer<ArrayBuffer>>>();
    const file: KeptFile = {
      body,
      hash: createHash('sha256').update(body).digest('base64url').slice(0, 27),
      compressible,
      encoded(encoding) {
        let made = encodings.get(encoding);
        if (!made) {
          // zlib gives a buffer of its own, never a shared one.
          made = (
            encoding === 'br' ? brotli(body, brotliOptions(body)) : gzipped(body, { level: 9 })
          ) as Promise<Buffer<ArrayBuffer>>;
          encodings.set(encoding, made);
          made.then((bytes) => add(bytes.length)).catch(() => encodings.delete(encoding));
        }
        return made;
      },
    };
    kept.set(path, { mtimeMs: info.mtimeMs, size: body.length, file });
    add(body.length);
    return file;
  };

  function add(bytes: number) {
    keptBytes += bytes;
    if (keptBytes > KEPT_BYTES) {
      kept.clear();
      keptBytes = 0;
    }
  }
}

function brotliOptions(body: Buffer) {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  };
}

/**
 * Whether If-None-Match names this version of the file, in any of its encodings (each is the
 * same content): the browser then keeps the copy it has (304).
 */
export function alreadyHeld(ifNoneMatch: string | undefined, file: KeptFile): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const opaque = tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    return opaque === '*' || opaque.split('.')[0] === file.hash;
  });
}

/** The ETag of the file as answered in `encoding`: its hash, and the encoding after a dot (not in a hash). */
export function fileEtag(file: KeptFile, encoding: Encoding | null): string {
  return `"${file.hash}${encoding ? `.${encoding}` : ''}"`;
}
