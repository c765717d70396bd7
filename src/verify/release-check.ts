// The per-check report of the release use cases (verify-sbom, verify-binary) and the events they emit.
import type { FetchEvent } from '../fetch/types.js';
import type { StreamedSignatureCheck } from '../sigstore/streamed-signature.js';

export type ReleaseCheckId = 'sha256' | 'sha512' | 'signature' | 'sbom' | 'sbom-verified' | 'sbom-describes' | 'provenance';

export interface SubCheck {
  check: string;
  status: 'pass' | 'fail';
  code: string;
  message: string;
}

export interface ReleaseCheck {
  check: ReleaseCheckId;
  /** Which artifact, e.g. `release` or `bin/linux/amd64/kubectl`. */
  subject: string;
  status: 'pass' | 'fail';
  /** OK, or a stable failure code (DIGEST_MISMATCH_SHA256, IDENTITY_MISMATCH, SBOM_FILE_MISSING ...). */
  code: string;
  message: string;
  /** The signature verifier's own checks (chain, SCT, tlog, signature, identity, issuer). */
  details?: SubCheck[];
}

/** What a detached-signature verifier (cosign verify-blob semantics) is given. */
export interface DetachedSignatureInput {
  artifactPath: string;
  /** sha256 hex computed from the bytes we hold. */
  artifactSha256: string;
  /** A signature check fed the very bytes artifactSha256 was computed from as they downloaded; absent, the file is read. */
  streamed?: StreamedSignatureCheck;
  /** `.sig` content (base64). */
  signature: string;
  /** `.cert` content (base64 of a PEM, or a PEM). */
  certificate: string;
  /** Rekor REST entry JSON text. */
  rekorEntry?: string;
  /** A Sigstore bundle for the same signature, verified in place of .sig/.cert/rekorEntry (which must agree with it). */
  sigstoreBundle?: string;
  identity?: string;
  identityRegexp?: string;
  issuer?: string;
  issuerRegexp?: string;
  trustedRootPath?: string;
  offline: boolean;
  /** Also return the verified material as a standard bundle (only -o writes one; nothing else pays for it). */
  bundle?: boolean;
  /** Names for messages. */
  sources: { artifact: string; signature: string; certificate: string; rekorEntry?: string };
}

export interface SignatureReport {
  verified: boolean;
  checks: SubCheck[];
  signer?: { identity?: string; issuer?: string };
  signedAt?: string[];
  /** The verified material as a standard Sigstore bundle (JSON text), present only when it verified read back. */
  bundle?: string;
}

export type VerifyDetachedSignature = (input: DetachedSignatureInput) => Promise<SignatureReport>;

export type VerifyEvent = FetchEvent | { type: 'stage'; message: string } | { type: 'check'; result: ReleaseCheck };

export type VerifyEventListener = (event: VerifyEvent) => void;

export const passed = (check: ReleaseCheckId, subject: string, message: string, details?: SubCheck[]): ReleaseCheck => ({
  check,
  subject,
  status: 'pass',
  code: 'OK',
  message,
  ...(details ? { details } : {}),
});
export const failed = (check: ReleaseCheckId, subject: string, code: string, message: string, details?: SubCheck[]): ReleaseCheck => ({
  check,
  subject,
  status: 'fail',
  code,
  message,
  ...(details ? { details } : {}),
});
