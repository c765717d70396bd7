// Every file a user names as output goes through here (images -o, --save-rekor-entry, the TUI's export, the files
// of verify-sbom/verify-binary -o): regular files are replaced atomically, FIFOs, character devices and /dev/fd/N
// are written into, and nothing is written through a symlink or over a file the user could not write.
import type { Stats } from 'node:fs';
import { constants, fstat, write } from 'node:fs';
import { access, lstat, open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { writeFileAtomic } from './atomic-write.js';
import { describeFsError, ioError } from './errors.js';

/** Our own descriptors, e.g. `-o >(cmd)`: the caller set them up (pipe, socket, file at its offset); written as they are. */
const DESCRIPTOR_PATH = /^\/(?:dev|proc\/self)\/fd\/(\d+)$|^\/dev\/std(out|err)$/;
const writeAt = promisify(write);
const fstatOf = promisify(fstat);

export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    const descriptor = DESCRIPTOR_PATH.exec(path);
    if (descriptor) return await writeToDescriptor(path, descriptor[1] ? Number(descriptor[1]) : descriptor[2] === 'out' ? 1 : 2, data);
    const current = await lstatIfExists(path);
    // A pipe or a device has no file to replace: replacing it would break the reader (or the device, as root).
    if (current && (current.isFIFO() || current.isCharacterDevice())) return await writeInto(path, data);
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
  if (!current.isFile()) throw ioError('OUTPUT_NOT_A_FILE', `${path}: not a regular file; refusing to replace it`);
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

async function writeInto(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_NOFOLLOW);
  try {
    // Checked on what was opened: a file swapped in after lstat is neither truncated nor written.
    const opened = await handle.stat();
    if (!opened.isFIFO() && !opened.isCharacterDevice()) throw ioError('OUTPUT_CHANGED', `${path}: changed while being opened; nothing was written`);
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

/** Writes all of data to a descriptor we do not own (so it stays open), waiting while a non-blocking one is full. */
async function writeToDescriptor(path: string, fd: number, data: string | Uint8Array): Promise<void> {
  const target = await fstatOf(fd);
  if (target.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  // Node's own descriptors (epoll, eventfd) are none of these: a number the caller never opened is refused.
  if (!target.isFIFO() && !target.isSocket() && !target.isCharacterDevice() && !target.isFile()) {
    throw ioError('OUTPUT_NOT_A_FILE', `${path}: not a pipe, socket, terminal or file kube-sbom was given; refusing to write to it`);
  }
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let offset = 0; offset < bytes.length;) {
    try {
      offset += (await writeAt(fd, bytes, offset, bytes.length - offset, null)).bytesWritten;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
