// What this run found out about one image's signatures, as the image SBOM writers put it (a leaf: no verify/ types).

export interface ImageVerificationFacts {
  /** verified: a signature verified; failed: a check failed; unchecked: it could not be checked (network, registry). */
  status: 'verified' | 'failed' | 'unchecked';
  /** OK, or the code of the failure that decided it (NO_SIGNATURES, IDENTITY_MISMATCH, ...). */
  code: string;
  /** The manifest digest the registry served and the signature covered. */
  digest?: string;
  signerIdentity?: string;
  signerIssuer?: string;
  /** Rekor log indexes of the verified signatures, when the signature carried its entry. */
  rekorLogIndexes: number[];
}

/** Property name prefix of everything kube-sbom adds to a CycloneDX BOM. */
export const PROPERTY_PREFIX = 'kube-sbom:';

/** The facts as name/value properties (CycloneDX `properties`; SPDX annotation text uses the same names). */
export function verificationProperties(facts: ImageVerificationFacts): { name: string; value: string }[] {
  const p = (name: string, value: string) => ({ name: `${PROPERTY_PREFIX}verification:${name}`, value });
  return [
    p('status', facts.status),
    p('code', facts.code),
    ...(facts.digest ? [p('digest', facts.digest)] : []),
    ...(facts.signerIdentity ? [p('signer-identity', facts.signerIdentity)] : []),
    ...(facts.signerIssuer ? [p('signer-issuer', facts.signerIssuer)] : []),
    ...facts.rekorLogIndexes.map((index) => p('rekor-log-index', String(index))),
  ];
}
