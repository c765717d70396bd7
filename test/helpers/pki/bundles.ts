// Sigstore bundles (v0.1, v0.2, v0.3) and cosign's legacy image-signature layer, built from signBlob's output.
// Written independently of src/sigstore so a mistake there is not mirrored here.
import { createHash } from 'node:crypto';
import type { RekorEntryValue } from './rekor-log.js';
import { signBlob, K8S_IMAGE_IDENTITY, type SignOptions, type SignedBlob } from './sign.js';

export type BundleVersion = '0.1' | '0.2' | '0.3';

const MEDIA_TYPES: Record<BundleVersion, string> = {
  '0.1': 'application/vnd.dev.sigstore.bundle+json;version=0.1',
  '0.2': 'application/vnd.dev.sigstore.bundle+json;version=0.2',
  '0.3': 'application/vnd.dev.sigstore.bundle.v0.3+json',
};

/** The bundle's tlog entry (protobuf JSON) for a Rekor REST entry value. */
export function tlogEntryJson(value: RekorEntryValue, withProof = true): Record<string, unknown> {
  const body = JSON.parse(Buffer.from(value.body, 'base64').toString('utf8')) as { kind: string; apiVersion: string };
  const entry: Record<string, unknown> = {
    logIndex: String(value.logIndex),
    logId: { keyId: Buffer.from(value.logID, 'hex').toString('base64') },
    kindVersion: { kind: body.kind, version: body.apiVersion },
    integratedTime: String(value.integratedTime),
    inclusionPromise: { signedEntryTimestamp: value.verification.signedEntryTimestamp },
    canonicalizedBody: value.body,
  };
  const proof = value.verification.inclusionProof;
  if (withProof && proof) {
    entry.inclusionProof = {
      logIndex: String(proof.logIndex),
      rootHash: Buffer.from(proof.rootHash, 'hex').toString('base64'),
      treeSize: String(proof.treeSize),
      hashes: proof.hashes.map((h) => Buffer.from(h, 'hex').toString('base64')),
      checkpoint: { envelope: proof.checkpoint },
    };
  }
  return entry;
}

/** A message-signature bundle for a signed blob (v0.3 by default: single certificate, inclusion proof). */
export function toSigstoreBundle(signed: SignedBlob, version: BundleVersion = '0.3'): Record<string, unknown> {
  const certificate = { rawBytes: signed.certificateDer.toString('base64') };
  return {
    mediaType: MEDIA_TYPES[version],
    verificationMaterial: {
      ...(version === '0.3' ? { certificate } : { x509CertificateChain: { certificates: [certificate] } }),
      tlogEntries: [tlogEntryJson(signed.rekorValue, version !== '0.1')],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    messageSignature: {
      messageDigest: { algorithm: 'SHA2_256', digest: Buffer.from(signed.artifactDigestHex, 'hex').toString('base64') },
      signature: signed.signatureB64,
    },
  };
}

/** cosign's `dev.sigstore.cosign/bundle` annotation value for a Rekor entry. */
export function cosignBundleAnnotation(value: RekorEntryValue): string {
  return JSON.stringify({
    SignedEntryTimestamp: value.verification.signedEntryTimestamp,
    Payload: { body: value.body, integratedTime: value.integratedTime, logIndex: value.logIndex, logID: value.logID },
  });
}

export interface CosignImageSignature {
  /** The simple-signing payload: the signature layer's blob. */
  payload: Buffer;
  payloadDigest: string;
  signed: SignedBlob;
  /** The layer's annotations, as in a `sha256-<digest>.sig` manifest. */
  annotations: Record<string, string>;
  /** The layer descriptor for that manifest. */
  layer: { mediaType: string; size: number; digest: string; annotations: Record<string, string> };
  /** The same signature as a v0.3 Sigstore bundle over the payload. */
  bundleV03: Record<string, unknown>;
}

/**
 * A cosign legacy image signature for `repository@manifestDigest` (identity defaults to krel-trust@...).
 * Pass `payloadOverride` to sign a payload that names some other image.
 */
export async function signImageLegacy(
  repository: string,
  manifestDigest: string,
  options: SignOptions & { payloadOverride?: Buffer; optional?: Record<string, string> | null } = {},
): Promise<CosignImageSignature> {
  const payload =
    options.payloadOverride ??
    Buffer.from(
      JSON.stringify({
        critical: {
          identity: { 'docker-reference': repository },
          image: { 'docker-manifest-digest': manifestDigest },
          type: 'cosign container image signature',
        },
        optional: options.optional === undefined ? null : options.optional,
      }),
    );
  const signed = await signBlob(payload, { identity: K8S_IMAGE_IDENTITY, ...options });
  const annotations = {
    'dev.cosignproject.cosign/signature': signed.signatureB64,
    'dev.sigstore.cosign/certificate': signed.certificatePem,
    'dev.sigstore.cosign/chain': signed.chainPem,
    'dev.sigstore.cosign/bundle': cosignBundleAnnotation(signed.rekorValue),
  };
  const payloadDigest = `sha256:${createHash('sha256').update(payload).digest('hex')}`;
  return {
    payload,
    payloadDigest,
    signed,
    annotations,
    layer: { mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json', size: payload.length, digest: payloadDigest, annotations },
    bundleV03: toSigstoreBundle(signed, '0.3'),
  };
}
