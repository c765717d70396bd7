// A file on disk read once, in chunks, into what a signature check needs: its SHA-256 and a streamed signature
// check. However large the file, only one chunk of it is in memory at a time.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { DEFAULT_READ_CHUNK } from '../integrity/digest.js';
import { StreamedSignatureCheck, type StreamedArtifact } from '../sigstore/streamed-signature.js';

export async function streamFileForSignature(path: string): Promise<StreamedArtifact> {
  const sha256 = createHash('sha256');
  const signature = new StreamedSignatureCheck();
  for await (const chunk of createReadStream(path, { highWaterMark: DEFAULT_READ_CHUNK }) as AsyncIterable<Buffer>) {
    sha256.update(chunk);
    signature.update(chunk);
  }
  return { kind: 'streamed', sha256: sha256.digest(), signature };
}
