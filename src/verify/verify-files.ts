// The verify-files use case: local files (a node's /usr/local/bin, an extracted server tarball) hashed and found in
// a release SBOM by SHA-512: matched, modified (a release file's name with other bytes) or unknown to the release.
import { createReadStream } from 'node:fs';
import type { SpdxDocument } from '../../parsers/model.js';
import { checkError, describeFsError } from '../common/errors.js';
import { digestsEqual, digestStream, type Digests } from '../integrity/index.js';
import { mapLimited } from '../registry/limiter.js';
import type { LocalFiles } from './local-files.js';
import type { ReleaseCheck } from './release-check.js';
import { baseName, indexSbomFiles, type SbomFileDigests, type SbomFileIndex } from './sbom-file-index.js';

export type FileStatus = 'matched' | 'modified' | 'unknown' | 'skipped' | 'error';

export interface FileResult {
  path: string;
  status: FileStatus;
  /** Present once the file was hashed. */
  size?: number;
  sha256?: string;
  sha512?: string;
  /** matched: the SBOM files with these bytes; modified: the SBOM files with this base name. */
  sbomFiles: SbomFileDigests[];
  message: string;
  /** With --signature, for matched files: the release's .sig/.cert checked against these bytes. */
  signature?: ReleaseCheck;
}

export interface VerifyFilesReport {
  results: FileResult[];
  summary: Record<FileStatus, number> & { total: number };
}

export interface VerifyFilesOptions {
  /** Files hashed at once. */
  concurrency?: number;
  /** Larger files are skipped: the release's largest artifacts (server tarballs) are a few hundred MB. */
  maxFileBytes?: number;
  /** Called as each file's result is known (progress). */
  onResult?: (result: FileResult) => void;
}

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;

/** Matches one hashed file: the same SHA-512 (and SHA-256 where the SBOM lists one) first, then the same base name. */
export function matchFile(index: SbomFileIndex, path: string, digests: Digests): FileResult {
  const hashed = { path, size: digests.size, sha256: digests.sha256, sha512: digests.sha512 };
  const same = (index.bySha512.get(digests.sha512.toLowerCase()) ?? []).filter(
    (f) => digestsEqual(f.sha512!, digests.sha512) && (f.sha256 === undefined || digestsEqual(f.sha256, digests.sha256)),
  );
  if (same.length > 0) {
    return { ...hashed, status: 'matched', sbomFiles: same, message: `the release's ${same.map((f) => f.name).join(', ')}` };
  }
  const named = index.byBaseName.get(baseName(path)) ?? [];
  if (named.length > 0) {
    const names = named.map((f) => f.name).join(', ');
    return {
      ...hashed,
      status: 'modified',
      sbomFiles: named,
      message: `named like the release's ${names}, but with other bytes (a SHA-512 the SBOM does not list)`,
    };
  }
  return { ...hashed, status: 'unknown', sbomFiles: [], message: 'no file of the release has this SHA-512 or this name' };
}

/** Reads at most maxBytes + 1 bytes: a file that grew past the limit since it was listed is still refused. */
async function hashBounded(path: string, maxBytes: number): Promise<Digests | undefined> {
  const digests = await digestStream(createReadStream(path, { start: 0, end: maxBytes }));
  return digests.size > maxBytes ? undefined : digests;
}

/** `local` comes from collectLocalFiles, so a missing path fails before any SBOM is downloaded. */
export async function verifyFiles(doc: SpdxDocument, local: LocalFiles, options: VerifyFilesOptions = {}): Promise<VerifyFilesReport> {
  const index = indexSbomFiles(doc);
  // Fail closed: with no file elements every local file would come out "unknown", which reads like an answer.
  if (index.bySha512.size === 0) {
    throw checkError('SBOM_NO_FILES', 'the SBOM lists no file with a SHA-512 checksum, so it cannot vouch for any local file (is it a release SBOM?)');
  }
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const hashedResults = await mapLimited(local.files, options.concurrency ?? DEFAULT_CONCURRENCY, async (path): Promise<FileResult> => {
    let result: FileResult;
    try {
      const digests = await hashBounded(path, maxBytes);
      result = digests
        ? matchFile(index, path, digests)
        : { path, status: 'skipped', sbomFiles: [], message: `larger than ${maxBytes} bytes, not hashed (raise --max-file-size)` };
    } catch (err) {
      result = { path, status: 'error', sbomFiles: [], message: describeFsError(err, path).message };
    }
    options.onResult?.(result);
    return result;
  });
  const leftOut = local.leftOut.map((l): FileResult => ({
    path: l.path,
    status: l.reason === 'unreadable' ? 'error' : 'skipped',
    sbomFiles: [],
    message: l.message,
  }));
  const results = [...hashedResults, ...leftOut];
  const summary = { total: results.length, matched: 0, modified: 0, unknown: 0, skipped: 0, error: 0 };
  for (const r of results) summary[r.status]++;
  return { results, summary };
}
