// Checksum values: lower-case hex of the length each algorithm produces; which algorithms each version knows.
import type { Checksum, SourcePosition } from '../../../parsers/model.js';
import { q, type Validation } from './context.js';

/** Hex digits per algorithm; BLAKE3 and MD6 have variable output, given as [min, max]. */
const HEX_LENGTH: Record<string, number | [number, number]> = {
  SHA1: 40,
  SHA224: 56,
  SHA256: 64,
  SHA384: 96,
  SHA512: 128,
  'SHA3-256': 64,
  'SHA3-384': 96,
  'SHA3-512': 128,
  'BLAKE2b-256': 64,
  'BLAKE2b-384': 96,
  'BLAKE2b-512': 128,
  BLAKE3: [64, 1024],
  MD2: 32,
  MD4: 32,
  MD5: 32,
  MD6: [1, 128],
  ADLER32: 8,
};
/** Algorithms that SPDX 2.3 added. */
const ADDED_IN_23 = new Set(['SHA3-256', 'SHA3-384', 'SHA3-512', 'BLAKE2b-256', 'BLAKE2b-384', 'BLAKE2b-512', 'BLAKE3', 'ADLER32']);
const HEX = /^[0-9a-f]+$/;

export function checkChecksum(v: Validation, sum: Checksum, path: string | undefined, position?: SourcePosition): void {
  const expected = HEX_LENGTH[sum.algorithm];
  if (expected === undefined) {
    v.error('CHECKSUM_ALGORITHM_UNKNOWN', `unknown checksum algorithm ${q(sum.algorithm)}`, path, position);
    return;
  }
  if (!v.rules.allows23 && ADDED_IN_23.has(sum.algorithm)) {
    v.error('VERSION_FIELD', `checksum algorithm ${sum.algorithm} was added in SPDX 2.3; this document says ${v.rules.written}`, path, position);
  }
  const length = sum.value.length;
  const okLength = typeof expected === 'number' ? length === expected : length >= expected[0] && length <= expected[1];
  if (!HEX.test(sum.value) || !okLength) {
    const want = typeof expected === 'number' ? `${expected}` : `${expected[0]} to ${expected[1]}`;
    v.error('CHECKSUM_FORMAT', `${sum.algorithm} checksum ${q(sum.value)} is not ${want} hex digits`, path, position);
  }
}
