// Verifies one discovered image signature: the Sigstore checks (from src/sigstore) over the signed bytes, then
// that those bytes are a signature over THIS image digest with the expected type.
import type { Bundle } from '@sigstore/bundle';
import { KubeSbomError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import type { BundleSignature, LegacySignature, SignatureCandidate } from '../registry/signatures.js';
import type { IdentityPolicy } from '../sigstore/identity.js';
import { verifiedBundleJson } from '../sigstore/bundle-out.js';
import { decodeCertificates } from '../sigstore/detached.js';
import { bundleFromJSON, X509Certificate } from '../sigstore/library.js';
import type { LoadedTrustedRoot } from '../sigstore/trusted-root.js';
import { verifyArtifactSignature, type ArtifactVerification } from '../sigstore/verify-artifact.js';
import type { CarriedBundle } from './carried-bundles.js';
import { bundleCosignPayload, bundleLeaf, legacyCosignPayload, type CosignPayload } from './image-cosign-output.js';
import { checkBundleStatement, checkSimpleSigningPayload, COSIGN_SIGN_PREDICATE } from './image-payload.js';

export interface ImageCheck {
  check: string;
  status: 'pass' | 'fail';
  code: string;
  message: string;
}

/** Found in the registry, or carried in a --bundles-from folder. */
export type ImageSignatureSource = SignatureCandidate | CarriedBundle;

export interface SignatureVerdict {
  kind: ImageSignatureSource['kind'];
  location: string;
  verified: boolean;
  checks: ImageCheck[];
  signer?: { identity?: string; issuer?: string };
  /** The Rekor log index of the checked transparency-log entry (verified signatures only). */
  rekorLogIndex?: number;
  /** What `cosign verify` would print for it; only for verified signatures. */
  cosign?: CosignPayload;
  /** A verified legacy signature as a standard Sigstore bundle over its payload (only when asked for). */
  bundleOut?: { bundle: string; payload: Uint8Array };
}

export interface SignatureContext {
  trustedRoot: LoadedTrustedRoot;
  policy: IdentityPolicy;
  digest: string;
  /** registry/repository, for the output of bundle signatures. */
  repositoryName: string;
  /** The image manifest bytes (checked against the digest): a bundle's in-toto subject is their sha256. */
  manifestBytes: () => Promise<Uint8Array>;
  /** Also turn each verified legacy signature into a standard bundle (verify-image --bundle-dir). */
  bundles?: boolean;
  /** Verify with this public key (cosign sign --key) instead of a certificate and the identity policy. */
  publicKeyPem?: string;
}

const ANNOTATION_SIGNATURE = 'dev.cosignproject.cosign/signature';
const ANNOTATION_CERTIFICATE = 'dev.sigstore.cosign/certificate';
const ANNOTATION_BUNDLE = 'dev.sigstore.cosign/bundle';

const failed = (kind: ImageSignatureSource['kind'], location: string, code: string, message: string): SignatureVerdict => ({
  kind,
  location,
  verified: false,
  checks: [{ check: 'input', status: 'fail', code, message: sanitizeLine(message) }],
});

export async function verifyCandidate(candidate: ImageSignatureSource, ctx: SignatureContext): Promise<SignatureVerdict> {
  try {
    if (candidate.kind === 'carried-bundle') return await verifyCarried(candidate, ctx);
    return candidate.kind === 'cosign-legacy' ? await verifyLegacy(candidate, ctx) : await verifyBundle(candidate, ctx);
  } catch (err) {
    if (err instanceof KubeSbomError && err.kind === 'check') return failed(candidate.kind, candidate.location, err.code, err.message);
    throw err;
  }
}

function verdict(candidate: ImageSignatureSource, report: ArtifactVerification, extra: ImageCheck[]): SignatureVerdict {
  const checks: ImageCheck[] = [...report.checks, ...extra];
  const verified = report.verified && extra.every((c) => c.status === 'pass');
  const logIndex = verified && report.rekorLogIndex !== undefined ? { rekorLogIndex: report.rekorLogIndex } : {};
  return { kind: candidate.kind, location: candidate.location, verified, checks, ...(report.signer ? { signer: report.signer } : {}), ...logIndex };
}

async function verifyLegacy(sig: LegacySignature, ctx: SignatureContext): Promise<SignatureVerdict> {
  const signature = sig.annotations[ANNOTATION_SIGNATURE];
  const certificate = sig.annotations[ANNOTATION_CERTIFICATE];
  if (signature && ctx.publicKeyPem !== undefined) return verifyLegacyWithKey(sig, signature, ctx.publicKeyPem, ctx);
  if (!signature || !certificate) {
    return failed(
      sig.kind,
      sig.location,
      'SIGNATURE_MATERIAL_MISSING',
      `${sig.location}: the layer lacks the ${!signature ? ANNOTATION_SIGNATURE : ANNOTATION_CERTIFICATE} annotation (key-based signatures are not supported)`,
    );
  }
  const rekorEntry = sig.annotations[ANNOTATION_BUNDLE];
  const material = { kind: 'detached' as const, signature, certificate, ...(rekorEntry ? { rekorEntry } : {}) };
  // Offline: the layer carries its Rekor entry (the SET annotation); without one the tlog check fails closed.
  const report = await verifyArtifactSignature({ artifact: sig.payload, material, trustedRoot: ctx.trustedRoot, policy: ctx.policy, offline: true });
  const result = verdict(sig, report, checkSimpleSigningPayload(sig.payload, ctx.digest));
  if (!rekorEntry) explainMissingTlog(result, sig.location);
  // The leaf straight from the annotation the checks just accepted (no second bundle build per image).
  if (result.verified)
    result.cosign = legacyCosignPayload(
      sig.payload,
      rekorEntry,
      X509Certificate.parse(Buffer.from(decodeCertificates(certificate, 'certificate')[0]!)),
      report.signer ?? {},
    );
  if (result.verified && ctx.bundles && report.rekorEntry) {
    const bundle = await verifiedBundleJson({ signature, certificate, rekorEntry: report.rekorEntry }, sig.payload, ctx.trustedRoot, ctx.policy);
    if (bundle) result.bundleOut = { bundle, payload: sig.payload };
  }
  return result;
}

/** Image signatures are checked offline: a layer without its Rekor entry can only be completed by a carried bundle. */
function explainMissingTlog(result: SignatureVerdict, location: string): void {
  const tlog = result.checks.find((c) => c.check === 'transparency-log' && c.status === 'fail');
  if (!tlog) return;
  tlog.message = sanitizeLine(
    `no Rekor entry for ${location} (the layer has no ${ANNOTATION_BUNDLE} annotation) and image signatures are checked offline: pass --bundles-from DIR with bundles written by verify-image --bundle-dir`,
  );
}

/**
 * A carried bundle (--bundles-from): the Sigstore checks over the payload written beside it, then, as for a legacy
 * signature, that the payload names THIS image digest, the one computed from the manifest bytes we received.
 */
async function verifyCarried(carried: CarriedBundle, ctx: SignatureContext): Promise<SignatureVerdict> {
  if (carried.bundle === undefined || carried.payload === undefined)
    return failed(carried.kind, carried.location, 'BUNDLE_UNREADABLE', carried.problem ?? `${carried.location}: unreadable`);
  const report = await verifyArtifactSignature({
    artifact: carried.payload,
    // Under a key authority the carried bundle must be signed by that key, as a registry-held bundle must.
    material: { kind: 'bundle', bundle: carried.bundle, ...(ctx.publicKeyPem !== undefined ? { publicKeyPem: ctx.publicKeyPem } : {}) },
    trustedRoot: ctx.trustedRoot,
    policy: ctx.policy,
    offline: true,
  });
  const result = verdict(carried, report, checkSimpleSigningPayload(carried.payload, ctx.digest));
  const bundle = result.verified ? parseBundle(Buffer.from(carried.bundle, 'utf8')) : undefined;
  if (bundle) result.cosign = legacyCosignPayload(carried.payload, undefined, bundleLeaf(bundle), report.signer ?? {});
  return result;
}

/** cosign sign --key: the layer's signature under the given key; its Rekor entry (bundle annotation) is still required. */
async function verifyLegacyWithKey(sig: LegacySignature, signature: string, publicKeyPem: string, ctx: SignatureContext): Promise<SignatureVerdict> {
  const rekorEntry = sig.annotations[ANNOTATION_BUNDLE];
  const material = { kind: 'key' as const, signature, publicKeyPem, ...(rekorEntry ? { rekorEntry } : {}) };
  const report = await verifyArtifactSignature({ artifact: sig.payload, material, trustedRoot: ctx.trustedRoot, offline: true });
  const result = verdict(sig, report, checkSimpleSigningPayload(sig.payload, ctx.digest));
  if (result.verified) result.cosign = legacyCosignPayload(sig.payload, rekorEntry, undefined, {});
  return result;
}

function parseBundle(bytes: Uint8Array): Bundle | undefined {
  try {
    return bundleFromJSON(JSON.parse(Buffer.from(bytes).toString('utf8')));
  } catch {
    return undefined; // the verification below reports the malformed bundle with its own code
  }
}

async function verifyBundle(sig: BundleSignature, ctx: SignatureContext): Promise<SignatureVerdict> {
  const text = Buffer.from(sig.bundleBytes).toString('utf8');
  const bundle = parseBundle(sig.bundleBytes);
  const envelope = bundle?.content.$case === 'dsseEnvelope' ? bundle.content.dsseEnvelope : undefined;
  const statement = checkBundleStatement(envelope?.payloadType, envelope?.payload, ctx.digest);
  // The artifact is the image manifest: the in-toto subject must be the sha256 of those (digest-checked) bytes.
  const report = await verifyArtifactSignature({
    artifact: await ctx.manifestBytes(),
    material: { kind: 'bundle', bundle: text, ...(ctx.publicKeyPem !== undefined ? { publicKeyPem: ctx.publicKeyPem } : {}) },
    trustedRoot: ctx.trustedRoot,
    policy: ctx.policy,
    offline: true,
  });
  const result = verdict(sig, report, bundle ? statement.checks : []);
  if (result.verified && bundle) {
    result.cosign = bundleCosignPayload(
      ctx.repositoryName,
      ctx.digest,
      statement.summary.predicateType ?? COSIGN_SIGN_PREDICATE,
      bundleLeaf(bundle),
      report.signer ?? {},
    );
  }
  return result;
}
