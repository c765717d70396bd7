// Adapter from the release use cases to the Sigstore verifier (src/sigstore): loads the trusted root once and checks
// a detached .sig/.cert with its Rekor entry like `cosign verify-blob`.
import { readFile } from 'node:fs/promises';
import { digestsEqual } from '../integrity/compare.js';
import { digestBytes } from '../integrity/digest.js';
import type { LoadedTrustedRoot } from '../sigstore/trusted-root.js';
import { verifiedBundleJson } from '../sigstore/bundle-out.js';
import { verifyArtifactSignature } from '../sigstore/verify-artifact.js';
import { failed } from './release-check.js';
import { chooseTrustedRoot } from './trusted-root.js';
import { bundleSignatureProblem } from './carried-signature-bundle.js';
import type { DetachedSignatureInput, SignatureReport, VerifyDetachedSignature } from './release-check.js';
import type { IdentityPolicy } from '../sigstore/identity.js';

export interface ReleaseSignatureOptions {
  offline: boolean;
  cacheDir?: string;
  warn: (message: string) => void;
}

export function createReleaseSignatureVerifier(options: ReleaseSignatureOptions): VerifyDetachedSignature {
  const roots = new Map<string, Promise<LoadedTrustedRoot>>();
  const trustedRoot = (path?: string) => {
    const key = path ?? '';
    let pending = roots.get(key);
    if (!pending) {
      pending = chooseTrustedRoot({
        ...(path ? { path } : {}),
        offline: options.offline,
        ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
        warn: options.warn,
      });
      roots.set(key, pending);
    }
    return pending;
  };
  return async (input): Promise<SignatureReport> => {
    const root = await trustedRoot(input.trustedRootPath);
    const artifact = await readFile(input.artifactPath);
    // The bytes verified must be the bytes whose digests were checked.
    if (!digestsEqual(input.artifactSha256, digestBytes(artifact).sha256)) {
      const check = failed('signature', input.sources.artifact, 'ARTIFACT_CHANGED', `${input.sources.artifact}: changed on disk during verification`);
      return { verified: false, checks: [{ check: 'input', status: 'fail', code: check.code, message: check.message }] };
    }
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
    const material = result.rekorEntry && { signature: input.signature, certificate: input.certificate, rekorEntry: result.rekorEntry };
    // Only what verified becomes a bundle, and only one that verifies again as written.
    const bundle = input.bundle && result.verified && material ? await verifiedBundleJson(material, artifact, root, policy) : undefined;
    return { verified: result.verified, checks: result.checks, signer: result.signer, signedAt: result.signedAt, ...(bundle ? { bundle } : {}) };
  };
}

/** The carried bundle verified in place of .sig/.cert/Rekor entry, once it is shown to hold the published signature. */
async function verifyCarriedBundle(
  input: DetachedSignatureInput,
  bundle: string,
  artifact: Uint8Array,
  root: LoadedTrustedRoot,
  policy: IdentityPolicy,
): Promise<SignatureReport> {
  const bundleSource = input.sources.rekorEntry ?? 'the Sigstore bundle';
  const problem = bundleSignatureProblem(bundle, input.signature, bundleSource, input.sources.signature);
  if (problem) return { verified: false, checks: [{ check: 'input', status: 'fail', code: 'BUNDLE_MISMATCH', message: problem }] };
  const result = await verifyArtifactSignature({ artifact, material: { kind: 'bundle', bundle }, trustedRoot: root, policy, offline: true });
  return {
    verified: result.verified,
    checks: result.checks,
    signer: result.signer,
    signedAt: result.signedAt,
    ...(input.bundle && result.verified ? { bundle } : {}),
  };
}
