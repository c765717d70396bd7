// Reads what `.sha256` / `.sha512` files hold: a bare hex digest (Kubernetes: no name, no newline) or
// `sha256sum` lines (`hex  name` text mode, `hex *name` binary mode).
import { checkError } from '../common/errors.js';
import { DIGEST_HEX_LENGTH, type DigestAlgorithm } from './compare.js';

export interface ChecksumEntry {
  digest: string;
  /** File name from a `sha256sum` line; absent for a bare digest. */
  name?: string;
  binaryMode?: boolean;
}

const LINE = /^([0-9a-fA-F]+)(?:(?: \*| {2}| )(.+))?$/;

/** Every entry of a checksum file; throws CHECKSUM_FILE_INVALID when a non-empty line is not a digest line. */
export function parseChecksumFile(text: string, algorithm: DigestAlgorithm, source = 'checksum file'): ChecksumEntry[] {
  const want = DIGEST_HEX_LENGTH[algorithm];
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const entries: ChecksumEntry[] = [];
  const lines = body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = LINE.exec(line);
    if (!match || match[1]!.length !== want) {
      throw checkError(
        'CHECKSUM_FILE_INVALID',
        `${source}:${i + 1}: expected a ${want}-character ${algorithm.toUpperCase()} hex digest` + ' (bare, or `sha256sum` format "HEX  NAME")',
      );
    }
    const entry: ChecksumEntry = { digest: match[1]!.toLowerCase() };
    if (match[2] !== undefined) {
      entry.binaryMode = line.slice(want, want + 2) === ' *';
      entry.name = match[2];
    }
    entries.push(entry);
  }
  if (entries.length === 0) {
    throw checkError('CHECKSUM_FILE_EMPTY', `${source}: holds no ${algorithm.toUpperCase()} digest`);
  }
  return entries;
}

/**
 * The one digest that applies to `fileName`: a bare digest, the single entry, or the entry with that name
 * (compared on the last path segment, as `sha256sum -c` users write either form).
 */
export function expectedDigest(text: string, algorithm: DigestAlgorithm, fileName?: string, source?: string): string {
  const entries = parseChecksumFile(text, algorithm, source);
  if (entries.length === 1) return entries[0]!.digest;
  const base = (p: string) => p.split('/').pop();
  const named = fileName === undefined ? [] : entries.filter((e) => e.name !== undefined && base(e.name) === base(fileName));
  if (named.length === 1) return named[0]!.digest;
  throw checkError(
    'CHECKSUM_FILE_AMBIGUOUS',
    `${source ?? 'checksum file'}: ${entries.length} digests and ${named.length} for ${fileName ?? 'the artifact'}; cannot tell which applies`,
  );
}
