// The JSON `cosign verify` prints for each verified signature, so existing jq pipelines keep working.
import type { Bundle } from '@sigstore/bundle';
import type { X509Certificate as Certificate } from '@sigstore/core';
// The CommonJS @sigstore packages load through library.js: an ESM named import costs ~250 ms at process start.
import { X509Certificate } from '../sigstore/library.js';
import { parseSimpleSigning } from './image-payload.js';

export interface CosignPayload {
  critical: { identity: { 'docker-reference': string }; image: { 'docker-manifest-digest': string }; type: string };
  optional: Record<string, unknown>;
}

// cosign copies these certificate extensions into "optional", the GitHub ones under a readable name too.
const GITHUB_EXTENSIONS: Record<string, string> = {
  '1.3.6.1.4.1.57264.1.2': 'githubWorkflowTrigger',
  '1.3.6.1.4.1.57264.1.3': 'githubWorkflowSha',
  '1.3.6.1.4.1.57264.1.4': 'githubWorkflowName',
  '1.3.6.1.4.1.57264.1.5': 'githubWorkflowRepository',
  '1.3.6.1.4.1.57264.1.6': 'githubWorkflowRef',
};
const OIDC_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The leaf certificate of a bundle, if it has one. */
export function bundleLeaf(bundle: Bundle): Certificate | undefined {
  const content = bundle.verificationMaterial.content;
  const raw =
    content.$case === 'certificate'
      ? content.certificate.rawBytes
      : content.$case === 'x509CertificateChain'
        ? content.x509CertificateChain.certificates[0]?.rawBytes
        : undefined;
  return raw ? X509Certificate.parse(Buffer.from(raw)) : undefined;
}

function certificateFields(leaf: Certificate | undefined, signer: { identity?: string; issuer?: string }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  out.Subject = signer.identity ?? '';
  if (signer.issuer) {
    out.Issuer = signer.issuer;
    out[OIDC_ISSUER_V1] = signer.issuer;
  }
  for (const [oid, name] of Object.entries(GITHUB_EXTENSIONS)) {
    const value = leaf?.extension(oid)?.value.toString('utf8');
    if (value) {
      out[oid] = value;
      out[name] = value;
    }
  }
  return out;
}

// Go marshals map keys in sorted order; matching it keeps our output byte-comparable with cosign's.
function sortKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A legacy signature: the simple-signing payload, plus Bundle (the Rekor SET annotation), Issuer and Subject. */
export function legacyCosignPayload(
  payload: Uint8Array,
  bundleAnnotation: string | undefined,
  leaf: Certificate | undefined,
  signer: { identity?: string; issuer?: string },
): CosignPayload {
  const doc = parseSimpleSigning(payload) ?? {};
  const critical = isRecord(doc.critical) ? doc.critical : {};
  const identity = isRecord(critical.identity) ? critical.identity : {};
  const image = isRecord(critical.image) ? critical.image : {};
  const optional: Record<string, unknown> = isRecord(doc.optional) ? { ...doc.optional } : {};
  if (bundleAnnotation) {
    try {
      optional.Bundle = JSON.parse(bundleAnnotation) as unknown;
    } catch {
      // A malformed annotation already failed the transparency-log check; the output simply omits it.
    }
  }
  Object.assign(optional, certificateFields(leaf, signer));
  return {
    critical: {
      identity: { 'docker-reference': String(identity['docker-reference'] ?? '') },
      image: { 'docker-manifest-digest': String(image['docker-manifest-digest'] ?? '') },
      type: String(critical.type ?? ''),
    },
    optional: sortKeys(optional),
  };
}

/** A cosign v3 bundle: cosign fills in what the statement says (its "partially populated" output). */
export function bundleCosignPayload(
  repositoryName: string,
  digest: string,
  predicateType: string,
  leaf: Certificate | undefined,
  signer: { identity?: string; issuer?: string },
): CosignPayload {
  return {
    critical: { identity: { 'docker-reference': repositoryName }, image: { 'docker-manifest-digest': digest }, type: predicateType },
    optional: sortKeys(certificateFields(leaf, signer)),
  };
}
