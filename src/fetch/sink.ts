// Writes a byte stream to a temp file beside the target, hashing and counting as it goes; renames only when complete.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { discardTempFile } from '../common/discard-temp-file.js';
import { ioError } from '../common/errors.js';
import { DualHasher, type Digests } from '../integrity/digest.js';
import { formatBytes } from './types.js';

/** Another consumer of every byte written, in order (a signature check fed while the file streams past). */
export interface ByteTap {
  update(chunk: Uint8Array): void;
}

export interface SinkOptions {
  /** Label used in messages (the URL or file name). */
  label: string;
  maxBytes: number;
  /** Announced length (Content-Length or file size); fewer bytes than this is a truncated download. */
  expectedBytes?: number;
  onChunk?: (bytesDone: number) => void;
  /** Fed exactly the bytes hashed and written; it is only worth anything once the file is complete. */
  tap?: ByteTap;
  /** The temp file to write (from tempPathFor): the caller's to resume or remove when keepPartial is set. */
  temp?: string;
  /** The file's first bytes, already in the temp file and already fed to this hasher and to the tap: continued. */
  kept?: { bytes: number; hasher: DualHasher };
  /** On failure, leave the temp file for a later attempt to resume, instead of removing it. */
  keepPartial?: boolean;
}

/** Chunks gather while a write is under way and go to disk together: one write per ~1 MiB, not one per 64 KiB chunk. */
export const WRITE_BUFFER_BYTES = 1024 * 1024;

export function tooLarge(label: string, maxBytes: number, seen?: number): Error {
  const what = seen === undefined ? 'more than' : `${formatBytes(seen)}, more than`;
  return ioError('DOWNLOAD_TOO_LARGE', `${label}: ${what} the ${formatBytes(maxBytes)} limit for this kind of file; refusing to download it`);
}

/** A fresh temp file beside `dest`, unguessable so that nobody can plant a link there first. */
export function tempPathFor(dest: string): string {
  return join(dirname(dest), `.${basename(dest)}.${randomBytes(6).toString('hex')}.part`);
}

/** Writes `source` to a temp file and renames it to `dest` once complete; with `kept`, the source is the sequel. */
export async function writeStreamToFile(source: AsyncIterable<Uint8Array>, dest: string, options: SinkOptions): Promise<Digests> {
  const temp = options.temp ?? tempPathFor(dest);
  const hasher = options.kept?.hasher ?? new DualHasher();
  let done = options.kept?.bytes ?? 0;
  const take = (chunk: Uint8Array) => {
    done += chunk.byteLength;
    if (done > options.maxBytes) throw tooLarge(options.label, options.maxBytes);
    hasher.update(chunk);
    options.tap?.update(chunk);
  };
  let cutShort: { error: unknown } | undefined;
  async function* count(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    const source = chunks[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await source.next();
      } catch (error) {
        if (!options.keepPartial) throw error;
        // The file is ended normally instead, so that every byte that arrived reaches the disk for a resume.
        cutShort = { error };
        return;
      }
      if (next.done) return;
      take(next.value);
      options.onChunk?.(done);
      yield next.value;
    }
  }
  const kept = options.kept?.bytes ?? 0;
  const file = createWriteStream(temp, { flags: kept > 0 ? 'r+' : 'wx', start: kept, mode: 0o644, highWaterMark: WRITE_BUFFER_BYTES });
  try {
    await pipeline(source, count, file);
    if (cutShort) throw cutShort.error;
    if (options.expectedBytes !== undefined && done !== options.expectedBytes) {
      throw Object.assign(ioError('DOWNLOAD_TRUNCATED', `${options.label}: got ${done} of ${options.expectedBytes} bytes; the transfer was cut short`), {
        retryable: true,
      });
    }
    await rename(temp, dest);
    return hasher.digest();
  } catch (err) {
    if (options.keepPartial) {
      if (!file.closed) await once(file, 'close').catch(() => undefined);
      throw err;
    }
    await discardTempFile(file, temp);
    throw err;
  }
}
