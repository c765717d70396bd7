// The files a user named for verify-files: files as given, folders walked in name order without following symbolic
// links (a link inside a folder could lead anywhere outside it), with a limit on how many files one run takes.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError, ioError } from '../common/errors.js';

/** A node's /usr/local/bin holds tens of files and an extracted server tarball a few hundred; more is a mistake. */
export const DEFAULT_MAX_FILES = 10_000;

/** What a walk leaves out, and why: links, devices, sockets, folders it could not read. */
export interface LeftOut {
  path: string;
  reason: 'symlink' | 'not-a-file' | 'unreadable';
  message: string;
}

export interface LocalFiles {
  /** Regular files, in the order named and then by name inside each folder; each real file once. */
  files: string[];
  leftOut: LeftOut[];
}

/**
 * A path named on the command line must exist (exit 3 otherwise); a symbolic link named there is followed, since the
 * user chose it. Inside folders, links are left out and said so.
 */
export async function collectLocalFiles(paths: readonly string[], maxFiles = DEFAULT_MAX_FILES): Promise<LocalFiles> {
  const out: LocalFiles = { files: [], leftOut: [] };
  const seen = new Set<string>();
  const add = async (path: string) => {
    const real = await realpath(path).catch(() => path);
    if (seen.has(real)) return;
    seen.add(real);
    if (out.files.length >= maxFiles) {
      throw ioError('TOO_MANY_FILES', `more than ${maxFiles} files under ${paths.join(', ')}: name narrower folders or raise --max-files`);
    }
    out.files.push(path);
  };
  for (const path of paths) {
    const info = await stat(path).catch((err: unknown) => {
      throw describeFsError(err, path);
    });
    if (info.isFile()) await add(path);
    else if (info.isDirectory()) await walk(path, add, out.leftOut);
    else out.leftOut.push({ path, reason: 'not-a-file', message: 'not a regular file or folder' });
  }
  return out;
}

async function walk(dir: string, add: (path: string) => Promise<void>, leftOut: LeftOut[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    leftOut.push({ path: dir, reason: 'unreadable', message: describeFsError(err, dir).message });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) leftOut.push({ path, reason: 'symlink', message: 'symbolic link inside a folder, not followed' });
    else if (entry.isDirectory()) await walk(path, add, leftOut);
    else if (entry.isFile()) await add(path);
    else leftOut.push({ path, reason: 'not-a-file', message: 'not a regular file' });
  }
}
