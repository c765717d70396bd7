// CycloneDX hash-alg names (all versions) and the model's (SPDX) algorithm names, one table for the reader and the writer.

/** CycloneDX name -> model name. SPDX's SHA224, MD2, MD4, MD6 and ADLER32 have no CycloneDX name. */
export const CYCLONEDX_TO_SPDX_ALGORITHM: Readonly<Record<string, string>> = {
  MD5: 'MD5',
  'SHA-1': 'SHA1',
  'SHA-256': 'SHA256',
  'SHA-384': 'SHA384',
  'SHA-512': 'SHA512',
  'SHA3-256': 'SHA3-256',
  'SHA3-384': 'SHA3-384',
  'SHA3-512': 'SHA3-512',
  'BLAKE2b-256': 'BLAKE2b-256',
  'BLAKE2b-384': 'BLAKE2b-384',
  'BLAKE2b-512': 'BLAKE2b-512',
  BLAKE3: 'BLAKE3',
};

/** Model name -> CycloneDX name, the same table read the other way. */
export const SPDX_TO_CYCLONEDX_ALGORITHM: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CYCLONEDX_TO_SPDX_ALGORITHM).map(([cyclonedx, spdx]) => [spdx, cyclonedx]),
);
