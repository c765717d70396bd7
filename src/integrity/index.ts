// Public surface of integrity/: streaming digests, checksum files, constant-time comparison.
export { DualHasher, digestBytes, digestFile, digestStream, DEFAULT_READ_CHUNK, type Digests } from './digest.js';
export { checkDigest, digestsEqual, DIGEST_MISMATCH_CODE, DIGEST_HEX_LENGTH, type DigestAlgorithm, type DigestCheck } from './compare.js';
export { expectedDigest, parseChecksumFile, type ChecksumEntry } from './checksum-file.js';
