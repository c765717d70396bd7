/**
 * Sigstore verification for kube-sbom: the public surface other areas use.
 *
 * verifyArtifactSignature({artifact, material, trustedRoot, policy, offline, rekor?, now?}) -> Promise<ArtifactVerification>
 *   artifact   the signed bytes (release SBOM, binary, or for image signatures the simple-signing payload layer)
 *   material   {kind: 'detached', signature: .sig text (base64) | raw bytes, certificate: .cert text (base64 PEM) | PEM,
 *               rekorEntry?: JSON text (Rekor REST `{uuid: {...}}`, its inner object, or cosign's
 *               `dev.sigstore.cosign/bundle` annotation) | RekorEntry}
 *              {kind: 'bundle', bundle: JSON text | object (v0.1-v0.3), publicKeyPem?}
 *              {kind: 'key', signature, publicKeyPem, rekorEntry?}
 *   trustedRoot  shippedTrustedRoot() | parseTrustedRoot(text, path) | await resolveTrustedRoot({...})
 *   policy     {identity | identityRegexp, issuer | issuerRegexp} (regexps are anchored); required for keyless
 *   rekor      createRekorClient({baseUrl, timeoutMs}) when online and the material has no entry
 * Resolves a report (verified, checks[{check, status, code, message}], signer, signedAt, rekorEntry) for every
 * outcome that is a check result, malformed material included; rejects a KubeSbomError only for usage problems
 * (kind 'usage') or when Rekor cannot be reached (kind 'io'). Never reads the clock or the disk.
 */
export { verifyArtifactSignature, type ArtifactVerification, type RekorLookup, type VerifyArtifactInput } from './verify-artifact.js';
export { buildBundle, type SignatureMaterial } from './material.js';
export { compilePolicy, certificateIdentity, type IdentityPolicy } from './identity.js';
export { parseRekorEntry, toRestEntry, toTlogEntryJson, type RekorEntry } from './rekor-entry.js';
export { createRekorClient, DEFAULT_REKOR_URL } from './rekor-client.js';
export { parseTrustedRoot, shippedTrustedRoot, type LoadedTrustedRoot } from './trusted-root.js';
export { resolveTrustedRoot, sigstoreTufFetcher, type TufFetcher } from './trust-source.js';
export { firstFailure, formatReport, type CheckResult, type VerificationReport } from './report.js';
