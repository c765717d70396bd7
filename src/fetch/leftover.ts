// The partial download a cut-short attempt leaves for the next one, read back and hashed before the next request so
// that the rest can be taken as soon as it arrives, and removed when the download ends.
import { createReadStream } from 'node:fs';
import { rm, stat, truncate } from 'node:fs/promises';
import { ioError } from '../common/errors.js';
import { DualHasher } from '../integrity/digest.js';
import type { PartialDownload } from './resume.js';
import { tooLarge, WRITE_BUFFER_BYTES, type ByteTap } from './sink.js';

/** The kept first bytes of a file, fed to a hasher and a tap as they are on disk. */
export interface KeptPart<T extends ByteTap> {
  bytes: number;
  hasher: DualHasher;
  tap?: T;
}

/** The partial download one attempt leaves for the next; whatever is left when the download ends is removed. */
export class Leftover {
  current?: PartialDownload;

  async replace(next: PartialDownload | undefined): Promise<void> {
    if (this.current && this.current.temp !== next?.temp) await rm(this.current.temp, { force: true });
    this.current = next;
  }

  /** The temp file became the downloaded file: nothing is left to remove. */
  completed(): void {
    this.current = undefined;
  }

  /** After a failed attempt: keep what reached the disk, if the server said how to ask for the rest. */
  async keep(temp: string, validator: string): Promise<void> {
    const bytes = (await stat(temp).catch(() => undefined))?.size ?? 0;
    if (bytes === 0) await rm(temp, { force: true });
    await this.replace(bytes > 0 ? { temp, bytes, validator } : undefined);
  }

  /** Hashes and taps the kept bytes; a partial download that cannot be read back is dropped (RESUME_LOST). */
  async read<T extends ByteTap>(label: string, maxBytes: number, tap: T | undefined): Promise<KeptPart<T>> {
    const partial = this.current!;
    if (partial.bytes > maxBytes) throw tooLarge(label, maxBytes, partial.bytes);
    const hasher = new DualHasher();
    let read = 0;
    try {
      // Cut to the bytes being continued: anything past them would end up in the file unhashed.
      await truncate(partial.temp, partial.bytes);
      for await (const chunk of createReadStream(partial.temp, { highWaterMark: WRITE_BUFFER_BYTES }) as AsyncIterable<Buffer>) {
        read += chunk.byteLength;
        hasher.update(chunk);
        tap?.update(chunk);
      }
    } catch (err) {
      await this.replace(undefined);
      throw Object.assign(ioError('RESUME_LOST', `${label}: the partial download could not be read back (${(err as Error).message})`, err), {
        retryable: true,
      });
    }
    if (read !== partial.bytes) {
      await this.replace(undefined);
      throw Object.assign(ioError('RESUME_LOST', `${label}: the partial download held ${read} bytes, not ${partial.bytes}`), { retryable: true });
    }
    return { bytes: read, hasher, ...(tap ? { tap } : {}) };
  }
}
