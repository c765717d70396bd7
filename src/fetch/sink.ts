// Writes a byte stream to a temp file beside the target, hashing and counting as it goes; renames only when complete.
import { randomBytes } from 'node:crypto';
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
}

/** Chunks gather while a write is under way and go to disk together: one write per ~1 MiB, not one per 64 KiB chunk. */
const WRITE_BUFFER_BYTES = 1024 * 1024;

export function tooLarge(label: string, maxBytes: number, seen?: number): Error {
  const what = seen === undefined ? 'more than' : `${formatBytes(seen)}, more than`;
  return ioError('DOWNLOAD_TOO_LARGE', `${label}: ${what} the ${formatBytes(maxBytes)} limit for this kind of file; refusing to download it`);
}

export async function writeStreamToFile(source: AsyncIterable<Uint8Array>, dest: string, options: SinkOptions): Promise<Digests> {
  const temp = join(dirname(dest), `.${basename(dest)}.${randomBytes(6).toString('hex')}.part`);
  const hasher = new DualHasher();
  let done = 0;
  async function* count(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of chunks) {
      done += chunk.byteLength;
      if (done > options.maxBytes) throw tooLarge(options.label, options.maxBytes);
      hasher.update(chunk);
      options.tap?.update(chunk);
      options.onChunk?.(done);
      yield chunk;
    }
  }
  const file = createWriteStream(temp, { flags: 'wx', mode: 0o644, highWaterMark: WRITE_BUFFER_BYTES });
  try {
    await pipeline(source, count, file);
    if (options.expectedBytes !== undefined && done !== options.expectedBytes) {
      throw Object.assign(ioError('DOWNLOAD_TRUNCATED', `${options.label}: got ${done} of ${options.expectedBytes} bytes; the transfer was cut short`), {
        retryable: true,
      });
    }
    await rename(temp, dest);
    return hasher.digest();
  } catch (err) {
    await discardTempFile(file, temp);
    throw err;
  }
}
