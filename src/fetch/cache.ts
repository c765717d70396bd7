// Content-addressed download cache: blobs by SHA-256, an index by key (usually the URL). Every read re-hashes the blob
// and compares both digests; a corrupted entry is deleted and reported as a miss, never served.
import { createHash, randomBytes } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../common/atomic-write.js';
import { ioError } from '../common/errors.js';
import { readLimitedText } from '../common/read-limited.js';
import { digestsEqual } from '../integrity/compare.js';
import type { Digests } from '../integrity/digest.js';
import { writeStreamToFile, type ByteTap } from './sink.js';

const MAX_INDEX_ENTRY_BYTES = 64 * 1024;

interface IndexEntry {
  key: string;
  sha256: string;
  sha512: string;
  size: number;
}

export type CacheRead<T extends ByteTap = ByteTap> = { hit: true; digests: Digests; tap?: T } | { hit: false; corrupt?: string };

/** XDG_CACHE_HOME/kube-sbom, else ~/.cache/kube-sbom. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  return xdg && xdg.startsWith('/') ? join(xdg, 'kube-sbom') : join(home, '.cache', 'kube-sbom');
}

function isIndexEntry(v: unknown, key: string): v is IndexEntry {
  const e = v as IndexEntry;
  return (
    typeof e === 'object' &&
    e !== null &&
    e.key === key &&
    typeof e.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(e.sha256) &&
    typeof e.sha512 === 'string' &&
    /^[0-9a-f]{128}$/.test(e.sha512) &&
    Number.isSafeInteger(e.size) &&
    e.size >= 0
  );
}

/** A temp blob this old is from a run that died between writing and renaming it, not from one still writing. */
const STALE_PART_MS = 24 * 60 * 60 * 1000;

export class FetchCache {
  private swept = false;

  constructor(readonly dir: string) {}

  private indexPath(key: string): string {
    return join(this.dir, 'index', `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  private blobPath(sha256: string): string {
    return join(this.dir, 'blobs', 'sha256', sha256);
  }

  /** Copies the cached bytes for `key` to `dest` when present and intact; a tap is made only when there are bytes to feed. */
  async read<T extends ByteTap>(key: string, dest: string, maxBytes: number, makeTap?: () => T): Promise<CacheRead<T>> {
    const indexPath = this.indexPath(key);
    let entry: unknown;
    try {
      // An index entry is a line of JSON: anything larger (or endless) is a broken entry, not something to hold.
      entry = JSON.parse(await readLimitedText(indexPath, { maxBytes: MAX_INDEX_ENTRY_BYTES }));
    } catch (err) {
      if ((err as { code?: string }).code === 'FILE_NOT_FOUND') return { hit: false };
      await rm(indexPath, { force: true });
      return { hit: false, corrupt: `unreadable index entry (${(err as Error).message})` };
    }
    if (!isIndexEntry(entry, key)) {
      await rm(indexPath, { force: true });
      return { hit: false, corrupt: 'malformed index entry' };
    }
    const blob = this.blobPath(entry.sha256);
    let digests: Digests;
    const tap = makeTap?.();
    try {
      digests = await writeStreamToFile(createReadStream(blob), dest, { label: blob, maxBytes, ...(tap ? { tap } : {}) });
    } catch (err) {
      await rm(indexPath, { force: true });
      return { hit: false, corrupt: `blob unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
    }
    if (!digestsEqual(entry.sha256, digests.sha256) || !digestsEqual(entry.sha512, digests.sha512) || digests.size !== entry.size) {
      await Promise.all([rm(dest, { force: true }), rm(blob, { force: true }), rm(indexPath, { force: true })]);
      return { hit: false, corrupt: 'cached bytes no longer match their recorded digests' };
    }
    return tap ? { hit: true, digests, tap } : { hit: true, digests };
  }

  /**
   * Stores a verified file under `key`, its digests as the caller verified them. The blob is a hard link to the file
   * where both are on one filesystem (nothing writes into a downloaded file: a new download replaces it), else a copy
   * made by the kernel; the bytes are not read and hashed again here, as every read re-hashes the blob against these
   * digests, so a blob that differs from what was verified is never served.
   */
  async write(key: string, path: string, verified: Digests): Promise<void> {
    try {
      if (!/^[0-9a-f]{64}$/.test(verified.sha256)) throw new Error(`not a SHA-256 digest: ${verified.sha256}`);
      await mkdir(join(this.dir, 'blobs', 'sha256'), { recursive: true, mode: 0o700 });
      await mkdir(join(this.dir, 'index'), { recursive: true, mode: 0o700 });
      if (!this.swept) await this.sweepStaleParts();
      const blob = this.blobPath(verified.sha256);
      const temp = `${blob}.${randomBytes(6).toString('hex')}.part`;
      try {
        await link(path, temp).catch(() => copyFile(path, temp, constants.COPYFILE_FICLONE));
        const { size } = await stat(temp);
        if (size !== verified.size) throw ioError('CACHE_WRITE_CHANGED', `${path}: ${size} bytes, not the ${verified.size} verified; not cached`);
        await rename(temp, blob);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
      const entry: IndexEntry = { key, sha256: verified.sha256, sha512: verified.sha512, size: verified.size };
      await writeFileAtomic(this.indexPath(key), `${JSON.stringify(entry)}\n`);
    } catch (err) {
      if ((err as { code?: string }).code === 'CACHE_WRITE_CHANGED') throw err;
      throw ioError('CACHE_WRITE_FAILED', `cannot write to the cache ${this.dir}: ${(err as Error).message}; use --cache-dir`, err);
    }
  }

  /** Once per run, before the first write: removes temp blobs left by runs that died mid-write. */
  private async sweepStaleParts(): Promise<void> {
    this.swept = true;
    const folder = join(this.dir, 'blobs', 'sha256');
    const now = Date.now();
    for (const name of await readdir(folder)) {
      if (!name.endsWith('.part')) continue;
      const path = join(folder, name);
      const info = await stat(path).catch(() => undefined);
      if (info && now - info.mtimeMs > STALE_PART_MS) await rm(path, { force: true });
    }
  }
}
