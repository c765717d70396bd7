// Digests are computed from the bytes we hold and compared with the one asked for; never trusted from a header.
import { createHash, timingSafeEqual } from 'node:crypto';
import { checkError } from '../common/errors.js';

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function computeDigest(algorithm: string, bytes: Uint8Array): string {
  if (algorithm !== 'sha256' && algorithm !== 'sha512') {
    throw checkError('UNSUPPORTED_DIGEST', `digest algorithm "${algorithm}" is not supported (sha256, sha512)`);
  }
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

export function digestsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Throws DIGEST_MISMATCH unless bytes hash to the expected digest; `what` says where they came from. */
export function assertDigest(bytes: Uint8Array, expected: string, what: string): void {
  const algorithm = expected.split(':', 1)[0] ?? '';
  const actual = computeDigest(algorithm, bytes);
  if (!digestsEqual(actual, expected)) {
    throw checkError('DIGEST_MISMATCH', `${what}: content has digest ${actual}, expected ${expected}; the registry or a proxy served altered bytes`);
  }
}

/** The hex part of a sha256 digest, for cosign's tag names (sha256-<hex>.sig). */
export function digestTagBase(digest: string): string {
  return digest.replace(':', '-');
}
