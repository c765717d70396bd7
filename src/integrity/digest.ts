// SHA-256 and SHA-512 in one streaming pass: both hashes are fed from the same chunks, so a file is read once.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface Digests {
  sha256: string;
  sha512: string;
  /** Bytes hashed. */
  size: number;
}

/** Read chunk size for files: large chunks keep the per-chunk overhead negligible (measured in the benchmark). */
export const DEFAULT_READ_CHUNK = 1024 * 1024;

/** Incremental hasher for callers that see the bytes anyway (a download writing to disk). */
export class DualHasher {
  private readonly h256: Hash = createHash('sha256');
  private readonly h512: Hash = createHash('sha512');
  private bytes = 0;

  update(chunk: Uint8Array): void {
    this.h256.update(chunk);
    this.h512.update(chunk);
    this.bytes += chunk.byteLength;
  }

  digest(): Digests {
    return { sha256: this.h256.digest('hex'), sha512: this.h512.digest('hex'), size: this.bytes };
  }
}

export function digestBytes(data: Uint8Array | string): Digests {
  const hasher = new DualHasher();
  hasher.update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  return hasher.digest();
}

export async function digestStream(stream: AsyncIterable<Uint8Array | string>): Promise<Digests> {
  const hasher = new DualHasher();
  for await (const chunk of stream) hasher.update(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return hasher.digest();
}

export async function digestFile(path: string, options: { chunkSize?: number } = {}): Promise<Digests> {
  return digestStream(createReadStream(path, { highWaterMark: options.chunkSize ?? DEFAULT_READ_CHUNK }));
}

/** SHA-256 alone of a file, for a copy whose SHA-256 is already known (a verified file written somewhere else). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: DEFAULT_READ_CHUNK }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}
