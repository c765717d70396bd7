// Digest comparison in constant time, with a distinct code per algorithm so a report says which check failed.
import { timingSafeEqual } from 'node:crypto';

export type DigestAlgorithm = 'sha256' | 'sha512';

export const DIGEST_HEX_LENGTH: Record<DigestAlgorithm, number> = { sha256: 64, sha512: 128 };

export const DIGEST_MISMATCH_CODE: Record<DigestAlgorithm, string> = {
  sha256: 'DIGEST_MISMATCH_SHA256',
  sha512: 'DIGEST_MISMATCH_SHA512',
};

const HEX = /^[0-9a-f]*$/;

/**
 * True when two hex digests are equal. Both are lower-cased and decoded to bytes first; unequal lengths or
 * non-hex text never match. The byte comparison itself is constant-time.
 */
export function digestsEqual(expectedHex: string, actualHex: string): boolean {
  const a = expectedHex.toLowerCase();
  const b = actualHex.toLowerCase();
  if (a.length === 0 || a.length !== b.length || a.length % 2 !== 0) return false;
  if (!HEX.test(a) || !HEX.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

export interface DigestCheck {
  algorithm: DigestAlgorithm;
  ok: boolean;
  expected: string;
  actual: string;
  /** Present when !ok. */
  code?: string;
}

export function checkDigest(algorithm: DigestAlgorithm, expectedHex: string, actualHex: string): DigestCheck {
  const ok = digestsEqual(expectedHex, actualHex);
  return ok
    ? { algorithm, ok, expected: expectedHex.toLowerCase(), actual: actualHex.toLowerCase() }
    : { algorithm, ok, expected: expectedHex.toLowerCase(), actual: actualHex.toLowerCase(), code: DIGEST_MISMATCH_CODE[algorithm] };
}
