// A file on disk read once, in chunks through one reused buffer, into what a signature check needs: its SHA-256 and a
// streamed signature check. However large the file, only one chunk of it is in memory at a time.
import { createHash } from 'node:crypto';
import { describeFsError, KubeSbomError } from '../common/errors.js';
import { openLimited, tooLargeError, type ReadLimit } from '../common/read-limited.js';
import { DEFAULT_READ_CHUNK } from '../integrity/digest.js';
import { StreamedSignatureCheck, type StreamedArtifact } from '../sigstore/streamed-signature.js';

export type StreamedFile = StreamedArtifact & { size: number };

/** For files this run has already read whole once (verify-files hashes them before their signatures are checked). */
const NO_LIMIT: ReadLimit = { maxBytes: Number.MAX_SAFE_INTEGER };

/** Any kind of file (regular, FIFO, device), refused as soon as it is known to be larger than `limit`. */
export async function streamFileForSignature(path: string, limit: ReadLimit = NO_LIMIT): Promise<StreamedFile> {
  const { handle } = await openLimited(path, limit);
  try {
    const sha256 = createHash('sha256');
    const signature = new StreamedSignatureCheck();
    const buffer = Buffer.allocUnsafe(DEFAULT_READ_CHUNK);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > limit.maxBytes) throw tooLargeError(path, limit);
      const chunk = buffer.subarray(0, bytesRead);
      sha256.update(chunk);
      signature.update(chunk);
    }
    return { kind: 'streamed', sha256: sha256.digest(), signature, size };
  } catch (err) {
    if (err instanceof KubeSbomError) throw err;
    throw describeFsError(err, path);
  } finally {
    await handle.close();
  }
}
