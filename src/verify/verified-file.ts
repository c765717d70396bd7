// A verified file read back from the staging folder (to parse, to carry, to save) must still be the bytes whose
// digests and signature were checked: the check happened as it streamed in, and a file can change on disk after.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ioError, type KubeSbomError } from '../common/errors.js';
import { digestsEqual } from '../integrity/compare.js';
import { sha256File } from '../integrity/digest.js';

/** A staged file and the SHA-256 it was verified with. */
export interface VerifiedFile {
  path: string;
  sha256: string;
}

/** ARTIFACT_CHANGED: `what` is done with the file instead (e.g. "not parsed"). */
function changedError(file: VerifiedFile, actual: string, what: string): KubeSbomError {
  return ioError('ARTIFACT_CHANGED', `${file.path} changed on disk after it was verified (sha256 ${actual}, verified ${file.sha256}); ${what}`);
}

/** The file's bytes, refused (ARTIFACT_CHANGED) unless they still have the verified SHA-256. */
export async function readVerifiedFile(file: VerifiedFile, what: string): Promise<Buffer> {
  const bytes = await readFile(file.path);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (!digestsEqual(file.sha256, actual)) throw changedError(file, actual, what);
  return bytes;
}

/** Refuses (ARTIFACT_CHANGED) a copy made of `file` at `copy` unless it has the verified SHA-256. */
export async function assertCopyVerified(file: VerifiedFile, copy: string, what: string): Promise<void> {
  const actual = await sha256File(copy);
  if (!digestsEqual(file.sha256, actual)) throw changedError(file, actual, what);
}
