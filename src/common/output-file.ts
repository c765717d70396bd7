// Every file a user names as output goes through here (images -o, --save-rekor-entry, the TUI's export, the files
// of verify-sbom/verify-binary -o): regular files are replaced atomically, FIFOs, character devices and /dev/fd/N
// are written into, and nothing is written through a symlink or over a file the user could not write.
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { access, lstat, open } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.js';
import { describeFsError, ioError } from './errors.js';

/** Our own descriptors, e.g. `-o >(cmd)`: the shell set them up, so they are written as they are (appending). */
const DESCRIPTOR_PATH = /^\/(?:dev|proc\/self)\/fd\/\d+$|^\/dev\/std(?:out|err)$/;

export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    if (DESCRIPTOR_PATH.test(path)) return await writeInto(path, data, constants.O_WRONLY | constants.O_APPEND);
    const current = await lstatIfExists(path);
    // A pipe or a device has no file to replace: replacing it would break the reader (or the device, as root).
    if (current && (current.isFIFO() || current.isCharacterDevice())) return await writeInto(path, data, constants.O_WRONLY | constants.O_NOFOLLOW);
    if (current) await assertReplaceable(path, current);
    await writeFileAtomic(path, data, current?.isFile() ? current.mode & 0o777 : undefined);
  } catch (err) {
    throw describeFsError(err, path);
  }
}

export async function lstatIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * What may be replaced by a new file: a symlink (the link itself is replaced, its target never written), and a
 * regular file the user could write. Root may write any file, but one with no write bit at all was made read-only
 * on purpose: root is refused it, as the kernel refuses root to execute a file with no execute bit.
 */
export async function assertReplaceable(path: string, current: Stats): Promise<void> {
  if (current.isSymbolicLink()) return;
  if (current.isDirectory()) throw describeFsError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), path);
  if (!current.isFile()) throw ioError('OUTPUT_NOT_A_FILE', `${path}: not a regular file, FIFO or character device; refusing to replace it`);
  const readOnly = () => ioError('OUTPUT_READ_ONLY', `${path}: read-only; make it writable or choose another file`);
  if (process.getuid?.() === 0) {
    if ((current.mode & 0o222) === 0) throw readOnly();
    return;
  }
  try {
    await access(path, constants.W_OK);
  } catch {
    throw readOnly();
  }
}

async function writeInto(path: string, data: string | Uint8Array, flags: number): Promise<void> {
  const handle = await open(path, flags);
  try {
    const opened = await handle.stat();
    // Checked on what was opened: a file swapped in after lstat is neither truncated nor written.
    if (opened.isDirectory()) throw describeFsError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), path);
    if (opened.isBlockDevice()) throw ioError('OUTPUT_NOT_A_FILE', `${path}: a block device; refusing to write to it`);
    if (!DESCRIPTOR_PATH.test(path) && !opened.isFIFO() && !opened.isCharacterDevice()) {
      throw ioError('OUTPUT_CHANGED', `${path}: changed while being opened; nothing was written`);
    }
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}
