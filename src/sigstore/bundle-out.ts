// A verified detached signature written back as a standard Sigstore bundle (NAME.sigstore.json) that other
// verifiers and `verify-blob --bundle` accept with no network: v0.3 when the Rekor entry carries an inclusion proof
// with a checkpoint (v0.2 and later require one), else v0.1, the only version a SET alone satisfies.
import { bundleFromJSON, bundleToJSON } from './library.js';
import { BUNDLE_V01, BUNDLE_V03, certificateMaterial, materialSignature, messageSignatureJson } from './material.js';
import type { RekorEntry } from './rekor-entry.js';
import type { IdentityPolicy } from './identity.js';
import { signedBytesSha256, type SignedBytes } from './streamed-signature.js';
import type { LoadedTrustedRoot } from './trusted-root.js';
import { verifyArtifactSignature } from './verify-artifact.js';

export interface DetachedForBundle {
  /** `.sig` text (base64) or raw bytes. */
  signature: string | Uint8Array;
  /** `.cert` text (base64 PEM or PEM). */
  certificate: string | Uint8Array;
  rekorEntry: RekorEntry;
}

export function bundleMediaType(entry: RekorEntry): string {
  return entry.inclusionProof?.checkpoint ? BUNDLE_V03 : BUNDLE_V01;
}

/** The standard bundle JSON text for detached material over `artifact` (digest computed from the bytes). */
export function standardBundleJson(material: DetachedForBundle, artifact: SignedBytes): string {
  const mediaType = bundleMediaType(material.rekorEntry);
  const signature = materialSignature({ kind: 'detached', signature: material.signature, certificate: material.certificate })!;
  const json = messageSignatureJson(
    mediaType,
    certificateMaterial(material.certificate, mediaType),
    signature,
    signedBytesSha256(artifact),
    material.rekorEntry,
  );
  // Through the library's own model and serialiser, so the text is exactly what its readers expect.
  return `${JSON.stringify(bundleToJSON(bundleFromJSON(json)), null, 2)}\n`;
}

/** The bundle text only when that text, read afresh, verifies with the same trust and policy; else undefined. */
export async function verifiedBundleJson(
  material: DetachedForBundle,
  artifact: SignedBytes,
  trustedRoot: LoadedTrustedRoot,
  policy: IdentityPolicy,
): Promise<string | undefined> {
  let text: string;
  try {
    text = standardBundleJson(material, artifact);
  } catch {
    return undefined;
  }
  const again = await verifyArtifactSignature({ artifact, material: { kind: 'bundle', bundle: text }, trustedRoot, policy, offline: true });
  return again.verified ? text : undefined;
}
