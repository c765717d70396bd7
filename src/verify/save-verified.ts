// Writes verified files into -o DIR as one set: the complete new set, or (on any failure) the folder as it was.
// Everything is staged in a private folder inside DIR first; each old file is moved aside before its new one moves
// in, and on a failure the new ones are removed and the old ones moved back (a run killed half-way leaves them in
// DIR/.kube-sbom-save-*/previous, where the message of a failed roll-back also points).
import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError, ioError, KubeSbomError } from '../common/errors.js';
import { assertReplaceable, lstatIfExists } from '../common/output-file.js';
import type { FetchedFile } from '../fetch/fetcher.js';
import { assertCopyVerified } from './verified-file.js';

/**
 * Name in the output folder, and either the bytes themselves or where the verified bytes are now, with the SHA-256
 * they were verified with: the copy that lands must have it (a file can change on disk after it was checked).
 */
export type FileToSave = { name: string; path: string; sha256: string } | { name: string; data: string | Uint8Array };

/** A fetched, verified file to save under its own name. */
export const fetchedToSave = (file: FetchedFile): FileToSave => ({ name: file.label, path: file.path, sha256: file.sha256 });

interface Placed {
  final: string;
  /** Where the file it replaced waits until the set is complete. */
  previous?: string;
  moved: boolean;
}

export async function saveVerifiedFiles(outDir: string, files: FileToSave[]): Promise<string[]> {
  let staging: string;
  try {
    await mkdir(outDir, { recursive: true });
    staging = await mkdtemp(join(outDir, '.kube-sbom-save-'));
  } catch (err) {
    throw failure(outDir, err);
  }
  try {
    await mkdir(join(staging, 'previous'));
    for (const file of files) {
      const temp = join(staging, file.name);
      if ('data' in file) await writeFile(temp, file.data, { flag: 'wx', mode: 0o644 });
      else {
        await copyFile(file.path, temp);
        await assertCopyVerified(file, temp, 'not saved');
      }
    }
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err instanceof KubeSbomError && err.code === 'ARTIFACT_CHANGED' ? err : failure(outDir, err);
  }
  const placed: Placed[] = [];
  try {
    for (const file of files) {
      const entry: Placed = { final: join(outDir, file.name), moved: false };
      const current = await lstatIfExists(entry.final);
      if (current) {
        await assertReplaceable(entry.final, current);
        entry.previous = join(staging, 'previous', file.name);
        await rename(entry.final, entry.previous);
      }
      placed.push(entry);
      await rename(join(staging, file.name), entry.final);
      entry.moved = true;
    }
  } catch (err) {
    const restored = await rollBack(placed);
    if (restored) await rm(staging, { recursive: true, force: true });
    const kept = restored ? 'the folder is as it was' : `some earlier files could not be moved back: they are in ${join(staging, 'previous')}`;
    throw ioError('OUTPUT_WRITE_FAILED', `cannot write the verified files to ${outDir}: ${describeFsError(err, outDir).message}; ${kept}`, err);
  }
  await rm(staging, { recursive: true, force: true });
  return placed.map((p) => p.final);
}

/** Undoes the moves, newest first; false when an old file could not be put back. */
async function rollBack(placed: Placed[]): Promise<boolean> {
  let restored = true;
  for (const entry of [...placed].reverse()) {
    try {
      if (entry.moved) await rm(entry.final, { force: true });
      if (entry.previous) await rename(entry.previous, entry.final);
    } catch {
      restored = false;
    }
  }
  return restored;
}

function failure(outDir: string, err: unknown) {
  return ioError('OUTPUT_WRITE_FAILED', `cannot write the verified files to ${outDir}: ${describeFsError(err, outDir).message}`, err);
}
