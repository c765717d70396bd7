// What the library's bundle reader lets through but a verifier should not: a media type of a version that does not
// exist, a bundle with two contents (the reader keeps one and drops the other), and certificates whose DER has
// bytes after it (the reader parses the first structure and ignores the rest).
import { X509Certificate } from './library.js';

/** The bundle media types Sigstore has published (v0.1 to v0.3, both spellings of v0.3). */
export const KNOWN_BUNDLE_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.dev.sigstore.bundle+json;version=0.1',
  'application/vnd.dev.sigstore.bundle+json;version=0.2',
  'application/vnd.dev.sigstore.bundle+json;version=0.3',
  'application/vnd.dev.sigstore.bundle.v0.3+json',
]);

/** Either spelling of a bundle media type, whatever the version. */
const BUNDLE_MEDIA_TYPE_SHAPE = /^application\/vnd\.dev\.sigstore\.bundle(?:\+json;version=\d+\.\d+|\.v\d+\.\d+\+json)$/;

const CONTENTS = ['messageSignature', 'dsseEnvelope'] as const;

export interface BundleProblem {
  code: 'BUNDLE_MALFORMED' | 'BUNDLE_VERSION_UNKNOWN' | 'BUNDLE_CONTENT_AMBIGUOUS' | 'CERTIFICATE_MALFORMED';
  message: string;
}

/** Says what makes the bundle JSON unknown, ambiguous or non-canonical, or undefined when it is none of these. */
export function bundleStrictnessProblem(json: unknown): BundleProblem | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { code: 'BUNDLE_MALFORMED', message: 'the bundle is not a JSON object' };
  const bundle = json as Record<string, unknown>;
  if (typeof bundle.mediaType !== 'string' || !KNOWN_BUNDLE_MEDIA_TYPES.has(bundle.mediaType)) {
    const versioned = typeof bundle.mediaType === 'string' && BUNDLE_MEDIA_TYPE_SHAPE.test(bundle.mediaType);
    const what = versioned ? 'a bundle version that does not exist' : 'not a Sigstore bundle media type';
    return {
      code: versioned ? 'BUNDLE_VERSION_UNKNOWN' : 'BUNDLE_MALFORMED',
      message: `mediaType ${JSON.stringify(bundle.mediaType)} is ${what}; known: ${[...KNOWN_BUNDLE_MEDIA_TYPES].join(', ')}`,
    };
  }
  const contents = CONTENTS.filter((key) => bundle[key] !== undefined && bundle[key] !== null);
  if (contents.length !== 1) {
    return {
      code: 'BUNDLE_CONTENT_AMBIGUOUS',
      message: `a bundle holds exactly one of messageSignature and dsseEnvelope; this one has ${contents.length === 0 ? 'neither' : 'both'}`,
    };
  }
  for (const [i, raw] of bundleCertificates(bundle.verificationMaterial).entries()) {
    const problem = typeof raw === 'string' ? derProblem(Buffer.from(raw, 'base64')) : 'rawBytes is not a string';
    if (problem) return { code: 'CERTIFICATE_MALFORMED', message: `certificate ${i + 1} of the bundle: ${problem}` };
  }
  return undefined;
}

/** The rawBytes of every certificate the verification material carries (single certificate or chain). */
function bundleCertificates(material: unknown): unknown[] {
  if (typeof material !== 'object' || material === null) return [];
  const m = material as { certificate?: { rawBytes?: unknown }; x509CertificateChain?: { certificates?: Array<{ rawBytes?: unknown }> } };
  const chain = Array.isArray(m.x509CertificateChain?.certificates) ? m.x509CertificateChain.certificates : [];
  return [...(m.certificate ? [m.certificate.rawBytes] : []), ...chain.map((c) => c?.rawBytes)];
}

/** A certificate's DER must be exactly one structure, encoded as the reader would encode it back. */
export function derProblem(der: Buffer): string | undefined {
  let encoded: Buffer;
  try {
    encoded = X509Certificate.parse(Buffer.from(der)).root.toDER();
  } catch (err) {
    return `not an X.509 certificate (${(err as Error).message})`;
  }
  if (encoded.equals(der)) return undefined;
  if (der.length > encoded.length && der.subarray(0, encoded.length).equals(encoded))
    return `${der.length - encoded.length} bytes follow the certificate's DER`;
  return 'the certificate is not in canonical DER';
}
