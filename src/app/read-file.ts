// Reads a document file for either front end through the one size-limited reader (bounded memory, whatever the
// kind of file) with one-line, coded errors for missing files, directories and permissions (exit 3).
import { isUtf8 } from 'node:buffer';
import { readLimited, type ReadLimit } from '../common/read-limited.js';

export const DEFAULT_MAX_SIZE = 512 * 1024 * 1024;

const documentLimit = (maxBytes: number): ReadLimit => ({ maxBytes, hint: 'raise --max-size if you trust the file' });

/** The file's bytes; refuses (exit 3) anything larger than maxBytes without reading past the limit. */
export async function readDocumentBytes(path: string, maxBytes: number = DEFAULT_MAX_SIZE): Promise<Uint8Array> {
  return readLimited(path, documentLimit(maxBytes));
}

/**
 * The file as text when it is plain UTF-8 (its bytes are dropped once decoded, so no copy of them stays alive
 * while a large document is parsed), otherwise as bytes for parseSbom to decode (BOM, UTF-16, binary, invalid
 * UTF-8, which it reports with a line).
 */
export async function readDocumentInput(path: string, maxBytes: number = DEFAULT_MAX_SIZE): Promise<string | Uint8Array> {
  const bytes = await readLimited(path, documentLimit(maxBytes));
  return isPlainUtf8(bytes) ? bytes.toString('utf8') : bytes;
}

/** No UTF-16 byte-order mark, no NUL near the start (binary), and valid UTF-8 throughout. */
function isPlainUtf8(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  if (bytes.subarray(0, 8192).includes(0)) return false;
  return isUtf8(bytes);
}
