// Blobs too large to hold in memory are hashed as they pass; the stream fails at its end when the bytes do not match.
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { checkError } from '../common/errors.js';
import { digestsEqual } from './digest.js';

/** A pass-through that errors with DIGEST_MISMATCH (or BLOB_SIZE_MISMATCH) before its end when the content differs. */
export function digestChecker(expected: string, what: string, expectedSize?: number): Transform {
  const algorithm = expected.split(':', 1)[0] ?? '';
  if (algorithm !== 'sha256' && algorithm !== 'sha512') throw checkError('UNSUPPORTED_DIGEST', `${what}: digest algorithm "${algorithm}" is not supported`);
  const hash = createHash(algorithm);
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      hash.update(chunk);
      size += chunk.byteLength;
      if (expectedSize !== undefined && size > expectedSize) {
        done(checkError('BLOB_SIZE_MISMATCH', `${what}: more than the ${expectedSize} bytes its descriptor declares`));
        return;
      }
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      const actual = `${algorithm}:${hash.digest('hex')}`;
      if (!digestsEqual(actual, expected)) {
        done(checkError('DIGEST_MISMATCH', `${what}: content has digest ${actual}, expected ${expected}; the registry or a proxy served altered bytes`));
      } else if (expectedSize !== undefined && size !== expectedSize) {
        done(checkError('BLOB_SIZE_MISMATCH', `${what}: ${size} bytes, its descriptor declares ${expectedSize}`));
      } else done();
    },
  });
}
