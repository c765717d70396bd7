// Turns what users hold (a detached .sig + .cert + Rekor entry, a Sigstore bundle, or a signature + public key)
// into one @sigstore/bundle Bundle. The message digest is always computed from the artifact bytes we hold.
import type { Bundle } from '@sigstore/bundle';
import { bundleStrictnessProblem } from './bundle-strict.js';
import { bundleFromJSON } from './library.js';
import { checkError } from '../common/errors.js';
import { decodeCertificates, decodePublicKeyPem, decodeSignature } from './detached.js';
import { parseRekorEntry, toTlogEntryJson, type RekorEntry } from './rekor-entry.js';

export type SignatureMaterial =
  /** Kubernetes release style. signature: `.sig` text (base64) or raw bytes; certificate: `.cert` text (base64 PEM or PEM). */
  | { kind: 'detached'; signature: string | Uint8Array; certificate: string | Uint8Array; rekorEntry?: string | RekorEntry }
  /** A Sigstore bundle v0.1 to v0.3 (JSON text or parsed); publicKeyPem for bundles signed with a managed key. */
  | { kind: 'bundle'; bundle: string | object; publicKeyPem?: string }
  /** cosign sign-blob --key: signature text (base64) or raw bytes, the PEM public key, optionally a Rekor entry. */
  | { kind: 'key'; signature: string | Uint8Array; publicKeyPem: string; rekorEntry?: string | RekorEntry };

export const KEY_HINT = 'kube-sbom-given-key';
export const BUNDLE_V01 = 'application/vnd.dev.sigstore.bundle+json;version=0.1';
export const BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';

export interface BuiltBundle {
  bundle: Bundle;
  /** The Rekor entry the material carried, when it came separately. */
  rekorEntry?: RekorEntry;
  /** SPKI DER of the given public key (key-based material). */
  publicKey?: Buffer;
}

/** The raw signature bytes; exposed so the Rekor lookup can match entries before the bundle exists. */
export function materialSignature(material: SignatureMaterial): Buffer | undefined {
  if (material.kind === 'bundle') return undefined;
  return typeof material.signature === 'string' ? decodeSignature(material.signature, 'signature') : Buffer.from(material.signature);
}

/** `artifactSha256`: the digest the caller computed from the bytes it holds (a signature's claims never supply it). */
export function buildBundle(material: SignatureMaterial, artifactSha256: Buffer, fetchedEntry?: RekorEntry): BuiltBundle {
  if (material.kind === 'bundle') return fromBundleJson(material.bundle, material.publicKeyPem);
  const signature = materialSignature(material)!;
  const entry = typeof material.rekorEntry === 'string' ? parseRekorEntry(material.rekorEntry, 'Rekor entry') : (material.rekorEntry ?? fetchedEntry);
  const mediaType = !entry || entry.signedEntryTimestamp ? BUNDLE_V01 : BUNDLE_V03;
  let keyMaterial: Record<string, unknown>;
  let publicKey: Buffer | undefined;
  if (material.kind === 'detached') {
    keyMaterial = certificateMaterial(material.certificate, mediaType);
  } else {
    publicKey = decodePublicKeyPem(material.publicKeyPem, 'public key');
    keyMaterial = { publicKey: { hint: KEY_HINT } };
  }
  try {
    return { bundle: bundleFromJSON(messageSignatureJson(mediaType, keyMaterial, signature, artifactSha256, entry)), rekorEntry: entry, publicKey };
  } catch (err) {
    throw checkError('REKOR_ENTRY_MALFORMED', `cannot use the Rekor entry: ${(err as Error).message}`, err);
  }
}

/** The leaf certificate as v0.1 wants it (a chain of one) or as v0.2+ want it (a single certificate). */
export function certificateMaterial(certificate: string | Uint8Array, mediaType: string): Record<string, unknown> {
  const leaf = decodeCertificates(certificate, 'certificate')[0]!;
  const cert = { rawBytes: leaf.toString('base64') };
  return mediaType === BUNDLE_V01 ? { x509CertificateChain: { certificates: [cert] } } : { certificate: cert };
}

/** A message-signature bundle in protobuf JSON over the SHA-256 of the artifact bytes. */
export function messageSignatureJson(
  mediaType: string,
  keyMaterial: Record<string, unknown>,
  signature: Buffer,
  artifactSha256: Buffer,
  entry: RekorEntry | undefined,
): Record<string, unknown> {
  const digest = artifactSha256.toString('base64');
  return {
    mediaType,
    verificationMaterial: { ...keyMaterial, tlogEntries: entry ? [toTlogEntryJson(entry)] : [], timestampVerificationData: { rfc3161Timestamps: [] } },
    messageSignature: { messageDigest: { algorithm: 'SHA2_256', digest }, signature: signature.toString('base64') },
  };
}

function fromBundleJson(input: string | object, publicKeyPem?: string): BuiltBundle {
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (err) {
      throw checkError('BUNDLE_MALFORMED', `bundle is not JSON (${(err as Error).message})`, err);
    }
  }
  const problem = bundleStrictnessProblem(json);
  if (problem) throw checkError(problem.code, problem.message);
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (err) {
    const fields = (err as { fields?: string[] }).fields;
    throw checkError('BUNDLE_MALFORMED', `not a valid Sigstore bundle: ${(err as Error).message}${fields?.length ? ` (${fields.join(', ')})` : ''}`, err);
  }
  const publicKey = publicKeyPem === undefined ? undefined : decodePublicKeyPem(publicKeyPem, 'public key');
  return { bundle, publicKey };
}
