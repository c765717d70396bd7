// One detached signature (.sig/.cert with its Rekor entry, or a carried bundle) checked over bytes already seen, like
// `cosign verify-blob`. Pure: no disk, no network.
import { digestsEqual } from '../integrity/compare.js';
import { verifiedBundleJson } from '../sigstore/bundle-out.js';
import type { IdentityPolicy } from '../sigstore/identity.js';
import { signedBytesSha256, type SignedBytes } from '../sigstore/streamed-signature.js';
import type { LoadedTrustedRoot } from '../sigstore/trusted-root.js';
import { verifyArtifactSignature } from '../sigstore/verify-artifact.js';
import { bundleSignatureProblem } from './carried-signature-bundle.js';
import { failed, type DetachedSignatureInput, type SignatureReport } from './release-check.js';

/** Checks `input`'s signature over `artifact`, the bytes of input.artifactPath as they were downloaded or read. */
export async function checkDetachedSignature(input: DetachedSignatureInput, artifact: SignedBytes, root: LoadedTrustedRoot): Promise<SignatureReport> {
  const policy = { identity: input.identity, identityRegexp: input.identityRegexp, issuer: input.issuer, issuerRegexp: input.issuerRegexp };
  if (input.sigstoreBundle !== undefined) return verifyCarriedBundle(input, input.sigstoreBundle, artifact, root, policy);
  const result = await verifyArtifactSignature({
    artifact,
    material: { kind: 'detached', signature: input.signature, certificate: input.certificate, rekorEntry: input.rekorEntry },
    trustedRoot: root,
    policy,
    // The Rekor entry is always supplied (looked up through the Fetcher or given), so the verifier never goes online.
    offline: true,
  });
  const changed = changedOnDisk(input, artifact, result.artifactSha256);
  if (changed) return changed;
  const material = result.rekorEntry && { signature: input.signature, certificate: input.certificate, rekorEntry: result.rekorEntry };
  // Only what verified becomes a bundle, and only one that verifies again as written.
  const bundle = input.bundle && result.verified && material ? await verifiedBundleJson(material, artifact, root, policy) : undefined;
  return { verified: result.verified, checks: result.checks, signer: result.signer, signedAt: result.signedAt, ...(bundle ? { bundle } : {}) };
}

/** The carried bundle verified in place of .sig/.cert/Rekor entry, once it is shown to hold the published signature. */
async function verifyCarriedBundle(
  input: DetachedSignatureInput,
  bundle: string,
  artifact: SignedBytes,
  root: LoadedTrustedRoot,
  policy: IdentityPolicy,
): Promise<SignatureReport> {
  const bundleSource = input.sources.rekorEntry ?? 'the Sigstore bundle';
  const problem = bundleSignatureProblem(bundle, input.signature, bundleSource, input.sources.signature);
  if (problem) return { verified: false, checks: [{ check: 'input', status: 'fail', code: 'BUNDLE_MISMATCH', message: problem }] };
  const result = await verifyArtifactSignature({ artifact, material: { kind: 'bundle', bundle }, trustedRoot: root, policy, offline: true });
  const changed = changedOnDisk(input, artifact, result.artifactSha256);
  if (changed) return changed;
  return {
    verified: result.verified,
    checks: result.checks,
    signer: result.signer,
    signedAt: result.signedAt,
    ...(input.bundle && result.verified ? { bundle } : {}),
  };
}

/** The bytes verified must be the bytes whose digests were checked: a failure report when they differ. */
function changedOnDisk(input: DetachedSignatureInput, artifact: SignedBytes, verifiedSha256: string | undefined): SignatureReport | undefined {
  const sha256 = verifiedSha256 ?? signedBytesSha256(artifact).toString('hex');
  if (digestsEqual(input.artifactSha256, sha256)) return undefined;
  const check = failed('signature', input.sources.artifact, 'ARTIFACT_CHANGED', `${input.sources.artifact}: changed on disk during verification`);
  return { verified: false, checks: [{ check: 'input', status: 'fail', code: check.code, message: check.message }] };
}
