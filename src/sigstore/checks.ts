// Runs every check on a bundle and an artifact and reports each on its own; the public Verifier runs last as a gate.
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import type { Bundle, TransparencyLogEntry } from '@sigstore/bundle';
import type { X509Certificate } from '@sigstore/core';
import type { SignedEntity, TrustMaterial } from '@sigstore/verify';
import { certificateEncodingProblem } from './certificate-der.js';
import { certificateIdentity, libraryPolicy, policyChecks, type IdentityPolicy } from './identity.js';
import { getTLogTimestamp, getTSATimestamp, toSignedEntity, verifyCertificateChain, Verifier, verifySCTs } from './library.js';
import { fail, makeReport, pass, type CheckResult, type VerificationReport } from './report.js';
import { isStreamed, streamedSignatureContent, type SignedBytes } from './streamed-signature.js';
import { transparencyLogCheck } from './tlog-check.js';

export interface CheckInput {
  bundle: Bundle;
  /** The signed bytes, or for a large file, what a stream of them left: their SHA-256 and a signature check fed with them. */
  artifact: SignedBytes;
  trust: TrustMaterial;
  /** Keyless: identity policy. Key-based: undefined (the key is the policy). */
  policy?: IdentityPolicy;
  /** Key-based verification: the trusted public key (SPKI DER). */
  publicKey?: Buffer;
  /** What to say when there is no transparency-log entry (e.g. "offline and no --rekor-entry given"). */
  missingTlogReason?: string;
  /** Only for rejecting entries "from the future"; verification never reads the clock itself. */
  now?: Date;
  /** sha256 of `artifact`, computed by the caller from these same bytes just before (a large artifact is hashed once). */
  artifactSha256?: Buffer;
}

/** A Buffer view of the bytes without copying them (release binaries are large). */
const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

const HASHES: Record<number, string> = { 0: 'sha256', 1: 'sha256', 2: 'sha384', 3: 'sha512' };

const NO_BYTES = Buffer.alloc(0);

/** The library's entity for the bundle; for streamed bytes, with a signature content that verifies over the stream. */
function signedEntity(bundle: Bundle, artifact: SignedBytes): SignedEntity {
  if (!isStreamed(artifact)) return toSignedEntity(bundle, asBuffer(artifact));
  const content = bundle.content;
  if (content.$case !== 'messageSignature') throw new Error('a streamed file can only be checked against a signature over its digest, not a DSSE envelope');
  const entity = toSignedEntity(bundle, NO_BYTES);
  const { signature, messageDigest } = content.messageSignature;
  const algorithm = HASHES[messageDigest?.algorithm ?? 0] ?? 'unsupported';
  return {
    ...entity,
    signature: streamedSignatureContent(Buffer.from(signature), Buffer.from(messageDigest?.digest ?? NO_BYTES), algorithm, artifact.signature),
  };
}

export function runChecks(input: CheckInput): VerificationReport {
  const { bundle, artifact, trust } = input;
  let entity: SignedEntity;
  try {
    entity = signedEntity(bundle, artifact);
  } catch (err) {
    return makeReport([fail('input', 'BUNDLE_MALFORMED', `cannot read the signature material: ${(err as Error).message}`)]);
  }
  const checks: CheckResult[] = [artifactDigestCheck(bundle, artifact, isStreamed(artifact) ? artifact.sha256 : input.artifactSha256)];

  // Signed times: Rekor integrated times (trusted once the tlog check passes) and RFC 3161 timestamps.
  const times: Date[] = [];
  const tsaFailures: string[] = [];
  let tsaCount = 0;
  for (const ts of entity.timestamps) {
    if (ts.$case === 'transparency-log') {
      const t = getTLogTimestamp(ts.tlogEntry);
      if (t) times.push(t.timestamp);
      continue;
    }
    tsaCount++;
    try {
      times.push(getTSATimestamp(ts.timestamp, entity.signature.signature, trust.timestampAuthorities).timestamp);
    } catch (err) {
      tsaFailures.push((err as Error).message);
    }
  }
  // RFC 3161 timestamps get their own line only when the bundle carries some.
  if (tsaCount > 0) {
    checks.push(
      tsaFailures.length === 0
        ? pass('timestamp', `${tsaCount} RFC 3161 timestamp(s) from a trusted timestamp authority`)
        : fail('timestamp', 'TIMESTAMP_INVALID', `RFC 3161 timestamp does not verify: ${tsaFailures[0]}`),
    );
  }

  let signingKey: KeyObject | undefined;
  let signer: VerificationReport['signer'];
  if (entity.key.$case === 'certificate') {
    const leaf = entity.key.certificate;
    signingKey = createPublicKey({ key: leaf.publicKey, format: 'der', type: 'spki' });
    checks.push(...certificateChecks(leaf, times, trust));
    const found = certificateIdentity(leaf);
    signer = { identity: found.san, issuer: found.issuer };
    if (input.policy) checks.push(...policyChecks(found, input.policy));
    else checks.push(fail('identity', 'POLICY_MISSING', 'a certificate-signed artifact needs an identity and issuer to check'));
  } else {
    const keyCheck = publicKeyCheck(input.publicKey, trust, entity.key.hint, times);
    checks.push(keyCheck.result);
    signingKey = keyCheck.key;
  }

  checks.push(transparencyLogCheck(entity, trust, input));

  // The last word is the public Verifier's, on an entity of its own: it can only add a failure. It verifies the
  // signature with the same signing key, so when it passes or rejects the signature itself, that run is the signature
  // check's answer (a large artifact is hashed for its signature once, not twice).
  const gate = signingKey && checks.every((c) => c.status === 'pass') ? libraryVerdict(bundle, artifact, trust, input.policy) : undefined;
  const signatureOk =
    gate && (gate.passed || gate.failure?.code === LIBRARY_SIGNATURE_FAILURE)
      ? gate.passed
      : signingKey !== undefined && entity.signature.verifySignature(signingKey);
  checks.push(
    signatureOk
      ? pass('signature', 'signature over the artifact verifies with the signing key')
      : fail('signature', 'SIGNATURE_INVALID', 'signature does not verify with the signing key'),
  );
  if (signatureOk && gate?.failure) checks.push(gate.failure);
  return makeReport(checks, { signer, signedAt: times.map((t) => t.toISOString()) });
}

/** The code libraryVerdict gives when the Verifier rejected the signature over the artifact itself. */
const LIBRARY_SIGNATURE_FAILURE = 'SIGSTORE_SIGNATURE_ERROR';

/** The unmodified @sigstore/verify Verifier on freshly read material, with the identity policy it can express. */
function libraryVerdict(bundle: Bundle, artifact: SignedBytes, trust: TrustMaterial, policy?: IdentityPolicy): { passed: boolean; failure?: CheckResult } {
  try {
    const entity = signedEntity(bundle, artifact);
    const key = entity.key;
    const verifier = new Verifier(trust, { ctlogThreshold: key.$case === 'certificate' ? 1 : 0 });
    verifier.verify(entity, key.$case === 'certificate' && policy ? libraryPolicy(policy, key.certificate) : undefined);
    return { passed: true };
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'ERROR';
    return { passed: false, failure: fail('sigstore-verifier', `SIGSTORE_${code}`, `@sigstore/verify rejects it: ${(err as Error)?.message ?? String(err)}`) };
  }
}

function artifactDigestCheck(bundle: Bundle, artifact: SignedBytes, artifactSha256?: Buffer): CheckResult {
  const content = bundle.content;
  if (content.$case === 'messageSignature') {
    const digest = content.messageSignature.messageDigest;
    const algorithm = HASHES[digest?.algorithm ?? 0];
    if (!digest || !algorithm) return fail('artifact-digest', 'DIGEST_ALGORITHM_UNSUPPORTED', 'unsupported message digest algorithm');
    const ours = algorithm === 'sha256' && artifactSha256 ? artifactSha256 : isStreamed(artifact) ? undefined : createHash(algorithm).update(artifact).digest();
    if (!ours)
      return fail(
        'artifact-digest',
        'DIGEST_ALGORITHM_UNSUPPORTED',
        `the file was hashed with SHA-256 as it streamed past, but the signature covers its ${algorithm}`,
      );
    if (!ours.equals(Buffer.from(digest.digest))) {
      return fail(
        'artifact-digest',
        'ARTIFACT_DIGEST_MISMATCH',
        `artifact ${algorithm} ${ours.toString('hex')} is not the signed digest ${Buffer.from(digest.digest).toString('hex')}`,
      );
    }
    // Detached material carries no digest of its own: the log entry for this very signature says what was signed.
    const logged = loggedDigestFor(bundle.verificationMaterial.tlogEntries, Buffer.from(content.messageSignature.signature));
    if (algorithm === 'sha256' && logged && logged !== ours.toString('hex')) {
      return fail(
        'artifact-digest',
        'ARTIFACT_DIGEST_MISMATCH',
        `the log records this signature over sha256 ${logged}, but the artifact is sha256 ${ours.toString('hex')}: the file was modified`,
      );
    }
    return pass(
      'artifact-digest',
      logged
        ? `sha256 ${logged} is the digest the transparency log recorded for this signature`
        : `${algorithm} ${ours.toString('hex')} matches the message digest the signature covers`,
    );
  }
  const envelope = content.dsseEnvelope;
  if (isStreamed(artifact)) return fail('artifact-digest', 'BUNDLE_MALFORMED', 'a streamed file cannot be the payload of a DSSE envelope');
  const sha256 = createHash('sha256').update(artifact).digest('hex');
  if (Buffer.from(envelope.payload).equals(asBuffer(artifact))) {
    return pass('artifact-digest', `the artifact (sha256 ${sha256}) is the signed DSSE payload itself`);
  }
  if (envelope.payloadType === 'application/vnd.in-toto+json') {
    let subjects: Array<{ digest?: Record<string, string> }> = [];
    try {
      subjects = JSON.parse(Buffer.from(envelope.payload).toString('utf8')).subject ?? [];
    } catch {
      return fail('artifact-digest', 'STATEMENT_MALFORMED', 'the in-toto statement in the envelope is not JSON');
    }
    return subjects.some((s) => s?.digest?.sha256?.toLowerCase() === sha256)
      ? pass('artifact-digest', `sha256 ${sha256} is a subject of the signed in-toto statement`)
      : fail('artifact-digest', 'ARTIFACT_DIGEST_MISMATCH', `sha256 ${sha256} is not a subject of the signed in-toto statement`);
  }
  return fail('artifact-digest', 'ARTIFACT_DIGEST_MISMATCH', `the artifact (sha256 ${sha256}) is not the signed DSSE payload`);
}

/** The sha256 a hashedrekord v0.0.1 entry records for exactly this signature, if any. */
function loggedDigestFor(entries: TransparencyLogEntry[], signature: Buffer): string | undefined {
  for (const entry of entries) {
    try {
      const body = JSON.parse(Buffer.from(entry.canonicalizedBody).toString('utf8'));
      if (body.kind !== 'hashedrekord' || body.apiVersion !== '0.0.1') continue;
      if (!Buffer.from(String(body.spec?.signature?.content ?? ''), 'base64').equals(signature)) continue;
      if (body.spec?.data?.hash?.algorithm === 'sha256') return String(body.spec.data.hash.value).toLowerCase();
    } catch {
      continue; // unreadable bodies are the transparency-log check's business
    }
  }
  return undefined;
}

function certificateChecks(leaf: X509Certificate, times: Date[], trust: TrustMaterial): CheckResult[] {
  // Extra intermediates or roots in a v0.1/v0.2 chain are ignored (bundle spec): trust comes only from the trusted root.
  if (times.length === 0) {
    return [
      fail('certificate-chain', 'CERTIFICATE_NO_SIGNED_TIME', 'no signed timestamp (Rekor SET or RFC 3161) to check the short-lived certificate at'),
      fail('sct', 'SCT_NOT_CHECKED', 'not checked: the certificate chain did not verify'),
    ];
  }
  const encodingProblem = certificateEncodingProblem(leaf);
  if (encodingProblem) {
    return [
      fail('certificate-chain', 'CERTIFICATE_MALFORMED', encodingProblem),
      fail('sct', 'SCT_NOT_CHECKED', 'not checked: the certificate chain did not verify'),
    ];
  }
  let path: X509Certificate[] = [];
  for (const time of times) {
    if (!leaf.validForDate(time)) {
      return [
        fail(
          'certificate-chain',
          'CERTIFICATE_EXPIRED_AT_SIGNED_TIME',
          `certificate valid ${leaf.notBefore.toISOString()} to ${leaf.notAfter.toISOString()}, signed at ${time.toISOString()}`,
        ),
        fail('sct', 'SCT_NOT_CHECKED', 'not checked: the certificate chain did not verify'),
      ];
    }
    try {
      path = verifyCertificateChain(time, leaf, trust.certificateAuthorities);
    } catch (err) {
      const cause = (err as { cause?: Error }).cause?.message;
      return [
        fail('certificate-chain', 'CERTIFICATE_UNTRUSTED', `certificate does not chain to a trusted CA at ${time.toISOString()}${cause ? ` (${cause})` : ''}`),
        fail('sct', 'SCT_NOT_CHECKED', 'not checked: the certificate chain did not verify'),
      ];
    }
  }
  const chain = pass('certificate-chain', `chains to a trusted CA at the signed time ${times.map((t) => t.toISOString()).join(', ')}`);
  try {
    const scts = path.length > 1 ? verifySCTs(path[0]!, path[1]!, trust.ctlogs) : [];
    return [
      chain,
      scts.length > 0 ? pass('sct', `${scts.length} SCT(s) from a trusted CT log`) : fail('sct', 'SCT_MISSING', 'certificate has no embedded SCT'),
    ];
  } catch (err) {
    return [chain, fail('sct', 'SCT_INVALID', `SCT does not verify with a trusted CT log: ${(err as Error).message}`)];
  }
}

function publicKeyCheck(key: Buffer | undefined, trust: TrustMaterial, hint: string, times: Date[]): { result: CheckResult; key?: KeyObject } {
  if (!key) return { result: fail('public-key', 'PUBLIC_KEY_MISSING', 'signed with a key, but no --key was given') };
  try {
    const found = trust.publicKey(hint);
    if (!times.every((t) => found.validFor(t))) return { result: fail('public-key', 'PUBLIC_KEY_NOT_VALID', 'the key is not valid at the signed time') };
    return { result: pass('public-key', 'signed with the given public key'), key: found.publicKey };
  } catch (err) {
    return { result: fail('public-key', 'PUBLIC_KEY_INVALID', `cannot use the public key: ${(err as Error).message}`) };
  }
}
