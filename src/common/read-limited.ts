// The one reader for files a user names (documents, signatures, keys, roots, lists, layouts): whatever the kind of
// file (regular, FIFO, device, /proc), it never holds more than the limit, and fails with a coded one-line error.
import type { Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { describeFsError, ioError, KubeSbomError } from './errors.js';
import { formatBytes } from './format-bytes.js';

export interface ReadLimit {
  maxBytes: number;
  /** What to do about it, appended to the too-large message (e.g. "raise --max-size if you trust the file"). */
  hint?: string;
}

/** Reads per call: bounds each round trip, and the first chunk of a file with no size up front (pipes, devices). */
const CHUNK = 16 * 1024 * 1024;
const FIRST_UNSIZED = 64 * 1024;

export function tooLargeError(path: string, limit: ReadLimit): KubeSbomError {
  return ioError('INPUT_TOO_LARGE', `${path}: larger than the ${formatBytes(limit.maxBytes)} limit${limit.hint ? `; ${limit.hint}` : ''}`);
}

/**
 * Opens a file a user named for reading, refused with a coded error when it is missing, a directory, or a regular file
 * already larger than the limit. The caller closes the handle.
 */
export async function openLimited(path: string, limit: ReadLimit): Promise<{ handle: FileHandle; stat: Stats }> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw describeFsError(err, path);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw describeFsError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), path);
    if (stat.isFile() && stat.size > limit.maxBytes) throw tooLargeError(path, limit);
    return { handle, stat };
  } catch (err) {
    await handle.close();
    throw err instanceof KubeSbomError ? err : describeFsError(err, path);
  }
}

/** The whole file, refused (exit 3) as soon as it is known to be larger than limit.maxBytes. */
export async function readLimited(path: string, limit: ReadLimit): Promise<Buffer> {
  const { maxBytes } = limit;
  const { handle, stat } = await openLimited(path, limit);
  try {
    // One byte past the stated size, so a file that is as large as it says is read without growing the buffer;
    // sizes of 0 (pipes, devices, /proc) say nothing, and the buffer grows as bytes come.
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, stat.isFile() && stat.size > 0 ? stat.size + 1 : FIRST_UNSIZED));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > maxBytes) throw tooLargeError(path, limit);
        const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, total, Math.min(CHUNK, buffer.length - total), null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > maxBytes) throw tooLargeError(path, limit);
    return buffer.subarray(0, total);
  } catch (err) {
    if (err instanceof KubeSbomError) throw err;
    throw describeFsError(err, path);
  } finally {
    await handle.close();
  }
}

/** The file as UTF-8 text, with the same limit. */
export async function readLimitedText(path: string, limit: ReadLimit): Promise<string> {
  return (await readLimited(path, limit)).toString('utf8');
}
