// verifyArtifactSignature against the test PKI: success, and each distinct failure with its own code.
import { describe, expect, it } from 'vitest';
import { parseTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { verifyArtifactSignature, type VerifyArtifactInput } from '../../src/sigstore/verify-artifact.js';
import type { VerificationReport } from '../../src/sigstore/report.js';
import {
  getTestPki,
  signBlob,
  signBlobWithKey,
  toSigstoreBundle,
  cosignBundleAnnotation,
  K8S_BLOB_IDENTITY,
  GOOGLE_ISSUER,
  DEFAULT_SIGNED_AT,
  type SignOptions,
} from '../helpers/pki/index.js';
import { hashedRekordBody, makeRekorEntry } from '../helpers/pki/rekor-log.js';

const artifact = Buffer.from('kubernetes release sbom bytes\n');
const policy = { identity: K8S_BLOB_IDENTITY, issuer: GOOGLE_ISSUER };

async function trustedRoot() {
  const pki = await getTestPki();
  return parseTrustedRoot(pki.trustedRootText, 'test trusted root');
}

async function detached(options: SignOptions = {}, overrides: Partial<VerifyArtifactInput> = {}) {
  const s = await signBlob(artifact, options);
  return verifyArtifactSignature({
    artifact,
    material: { kind: 'detached', signature: s.signatureB64, certificate: s.certificateB64, rekorEntry: JSON.stringify(s.rekorEntry) },
    trustedRoot: await trustedRoot(),
    policy,
    offline: true,
    ...overrides,
  });
}

function failures(report: VerificationReport) {
  return report.checks.filter((c) => c.status === 'fail').map((c) => `${c.check}:${c.code}`);
}

describe('verifyArtifactSignature', () => {
  it('passes every check for a good Kubernetes-style signature', async () => {
    const report = await detached();
    expect(failures(report)).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.checks.map((c) => c.check)).toEqual(['artifact-digest', 'certificate-chain', 'sct', 'identity', 'issuer', 'transparency-log', 'signature']);
    expect(report.signer).toEqual({ identity: K8S_BLOB_IDENTITY, issuer: GOOGLE_ISSUER });
  });

  it('accepts plain PEM certificates, entries without an inclusion proof, and the cosign annotation shape', async () => {
    const s = await signBlob(artifact, { inclusionProof: false });
    const report = await verifyArtifactSignature({
      artifact,
      material: { kind: 'detached', signature: s.signatureB64, certificate: s.certificatePem, rekorEntry: cosignBundleAnnotation(s.rekorValue) },
      trustedRoot: await trustedRoot(),
      policy,
      offline: true,
    });
    expect(failures(report)).toEqual([]);
  });

  it('tampered artifact: ARTIFACT_DIGEST_MISMATCH (with the log and signature failing too)', async () => {
    const s = await signBlob(artifact);
    const report = await verifyArtifactSignature({
      artifact: Buffer.from('kubernetes release sbom bytes!\n'),
      material: { kind: 'detached', signature: s.signatureB64, certificate: s.certificateB64, rekorEntry: JSON.stringify(s.rekorEntry) },
      trustedRoot: await trustedRoot(),
      policy,
      offline: true,
    });
    expect(failures(report)).toEqual(['artifact-digest:ARTIFACT_DIGEST_MISMATCH', 'transparency-log:TLOG_BODY_MISMATCH', 'signature:SIGNATURE_INVALID']);
  });

  it('wrong identity: IDENTITY_MISMATCH only', async () => {
    expect(failures(await detached({ identity: 'someone@example.com' }))).toEqual(['identity:IDENTITY_MISMATCH']);
  });

  it('look-alike identity does not pass an exact identity (no regexp semantics)', async () => {
    const report = await detached({ identity: 'xkrel-staging@k8s-releng-prodXiam.gserviceaccount.com.evil.example' });
    expect(failures(report)).toEqual(['identity:IDENTITY_MISMATCH']);
    const viaRegexp = await detached(
      { identity: 'xkrel-staging@k8s-releng-prodXiam.gserviceaccount.com.evil.example' },
      { policy: { identityRegexp: 'krel-staging@k8s-releng-prod.iam.gserviceaccount.com', issuer: GOOGLE_ISSUER } },
    );
    expect(failures(viaRegexp)).toEqual(['identity:IDENTITY_MISMATCH']);
  });

  it('regexp identity and issuer are anchored', async () => {
    const ok = await detached(
      {},
      { policy: { identityRegexp: 'krel-(staging|trust)@k8s-releng-prod\\.iam\\.gserviceaccount\\.com', issuerRegexp: 'https://accounts\\.google\\.com' } },
    );
    expect(failures(ok)).toEqual([]);
    const partial = await detached({}, { policy: { identityRegexp: 'krel-staging', issuer: GOOGLE_ISSUER } });
    expect(failures(partial)).toEqual(['identity:IDENTITY_MISMATCH']);
  });

  it('wrong issuer: ISSUER_MISMATCH only', async () => {
    expect(failures(await detached({ issuer: 'https://evil.example' }))).toEqual(['issuer:ISSUER_MISMATCH']);
  });

  it('certificate from an untrusted CA: CERTIFICATE_UNTRUSTED (SCT not checked)', async () => {
    const report = await detached({ ca: await getTestPki('untrusted') });
    expect(failures(report)).toEqual(['certificate-chain:CERTIFICATE_UNTRUSTED', 'sct:SCT_NOT_CHECKED']);
  });

  it('certificate expired at the signed time: CERTIFICATE_EXPIRED_AT_SIGNED_TIME', async () => {
    const report = await detached({ expiredAtSigning: true });
    expect(failures(report)).toEqual(['certificate-chain:CERTIFICATE_EXPIRED_AT_SIGNED_TIME', 'sct:SCT_NOT_CHECKED']);
  });

  it('forged SET: TLOG_SET_INVALID', async () => {
    expect(failures(await detached({ forgeSet: true }))).toEqual(['transparency-log:TLOG_SET_INVALID']);
  });

  it('no Rekor entry while offline: TLOG_ENTRY_MISSING, and the certificate has no signed time', async () => {
    const s = await signBlob(artifact);
    const report = await verifyArtifactSignature({
      artifact,
      material: { kind: 'detached', signature: s.signatureB64, certificate: s.certificateB64 },
      trustedRoot: await trustedRoot(),
      policy,
      offline: true,
      rekor: { findEntry: () => Promise.reject(new Error('must not be called offline')) },
    });
    expect(failures(report)).toEqual(['certificate-chain:CERTIFICATE_NO_SIGNED_TIME', 'sct:SCT_NOT_CHECKED', 'transparency-log:TLOG_ENTRY_MISSING']);
  });

  it('a Rekor entry for another artifact: TLOG_BODY_MISMATCH', async () => {
    const report = await detached({ rekorEntryForArtifact: Buffer.from('some other file') });
    expect(failures(report)).toEqual(['transparency-log:TLOG_BODY_MISMATCH']);
  });

  it('a log entry (validly signed by the log) naming another certificate than the one that signed: TLOG_BODY_MISMATCH', async () => {
    const pki = await getTestPki();
    const signer = await signBlob(artifact);
    const other = await signBlob(artifact, { identity: 'someone-else@example.com' });
    const logged = (pem: string) =>
      makeRekorEntry(pki.rekor, hashedRekordBody(signer.artifactDigestHex, signer.signatureB64, pem), {
        integratedTime: Math.floor(DEFAULT_SIGNED_AT.getTime() / 1000) + 20,
        logIndex: 7,
        inclusionProof: true,
      }).entry;
    const verify = async (entry: unknown) =>
      verifyArtifactSignature({
        artifact,
        material: { kind: 'detached', signature: signer.signatureB64, certificate: signer.certificateB64, rekorEntry: JSON.stringify(entry) },
        trustedRoot: await trustedRoot(),
        policy,
        offline: true,
      });
    const report = await verify(logged(other.certificatePem));
    expect(failures(report)).toEqual(['transparency-log:TLOG_BODY_MISMATCH']);
    expect(report.checks.find((c) => c.check === 'transparency-log')?.message).toMatch(/different certificate or key/);
    // The signer's own certificate, wrapped at another width, is the same certificate.
    const body = signer.certificatePem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    const rewrapped = `-----BEGIN CERTIFICATE-----\n${body.replace(/(.{76})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
    expect(rewrapped).not.toBe(signer.certificatePem);
    expect(failures(await verify(logged(rewrapped)))).toEqual([]);
  });

  it('a log entry dated after the given "now": TLOG_TIME_IN_FUTURE (the clock is only consulted when passed in)', async () => {
    const report = await detached({}, { now: new Date('2025-01-01T00:00:00Z') });
    expect(failures(report)).toEqual(['transparency-log:TLOG_TIME_IN_FUTURE']);
  });

  it('no SCT: SCT_MISSING', async () => {
    expect(failures(await detached({ sct: false }))).toEqual(['sct:SCT_MISSING']);
  });

  it.each([
    ['signature', { signature: 'not base64 !!' }, 'SIGNATURE_MALFORMED'],
    ['certificate', { certificate: 'hello' }, 'CERTIFICATE_MALFORMED'],
    ['certificate (PEM of garbage)', { certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' }, 'CERTIFICATE_MALFORMED'],
    ['rekor entry', { rekorEntry: '{"x": 1, "y": 2}' }, 'REKOR_ENTRY_MALFORMED'],
    ['rekor entry (not JSON)', { rekorEntry: '\u0000\u0001garbage' }, 'REKOR_ENTRY_MALFORMED'],
  ])('garbage %s: one failing input check', async (_name, override, code) => {
    const s = await signBlob(artifact);
    const report = await verifyArtifactSignature({
      artifact,
      material: { kind: 'detached', signature: s.signatureB64, certificate: s.certificateB64, rekorEntry: JSON.stringify(s.rekorEntry), ...override },
      trustedRoot: await trustedRoot(),
      policy,
      offline: true,
    });
    expect(report.verified).toBe(false);
    expect(failures(report)).toEqual([`input:${code}`]);
  });

  it('garbage bundle: BUNDLE_MALFORMED', async () => {
    for (const bundle of ['{', '{"mediaType": "nope"}', '[]']) {
      const report = await verifyArtifactSignature({ artifact, material: { kind: 'bundle', bundle }, trustedRoot: await trustedRoot(), policy });
      expect(failures(report)).toEqual(['input:BUNDLE_MALFORMED']);
    }
  });

  it.each(['0.1', '0.2', '0.3'] as const)('Sigstore bundle v%s verifies', async (version) => {
    const s = await signBlob(artifact);
    const report = await verifyArtifactSignature({
      artifact,
      material: { kind: 'bundle', bundle: JSON.stringify(toSigstoreBundle(s, version)) },
      trustedRoot: await trustedRoot(),
      policy,
    });
    expect(failures(report)).toEqual([]);
  });

  it('a bundle for other bytes: ARTIFACT_DIGEST_MISMATCH', async () => {
    const s = await signBlob(Buffer.from('other'));
    const report = await verifyArtifactSignature({
      artifact,
      material: { kind: 'bundle', bundle: toSigstoreBundle(s) },
      trustedRoot: await trustedRoot(),
      policy,
    });
    expect(failures(report)).toContain('artifact-digest:ARTIFACT_DIGEST_MISMATCH');
    expect(report.verified).toBe(false);
  });

  it('key-based signature: needs a tlog entry by default, and the right key', async () => {
    const k = await signBlobWithKey(artifact);
    const noTlog = await verifyArtifactSignature({
      artifact,
      material: { kind: 'key', signature: k.signatureB64, publicKeyPem: k.publicKeyPem },
      trustedRoot: await trustedRoot(),
      offline: true,
    });
    expect(failures(noTlog)).toContain('transparency-log:TLOG_ENTRY_MISSING');
    const other = await signBlobWithKey(artifact, 'another-key');
    const wrongKey = await verifyArtifactSignature({
      artifact,
      material: { kind: 'key', signature: k.signatureB64, publicKeyPem: other.publicKeyPem },
      trustedRoot: await trustedRoot(),
      offline: true,
    });
    expect(failures(wrongKey)).toContain('signature:SIGNATURE_INVALID');
  });

  it('missing identity or issuer is a usage error before any work', async () => {
    const s = await signBlob(artifact);
    const run = (p: object) =>
      verifyArtifactSignature({
        artifact,
        material: { kind: 'detached', signature: s.signatureB64, certificate: s.certificateB64 },
        trustedRoot: undefined as never,
        policy: p,
      });
    await expect(run({ issuer: GOOGLE_ISSUER })).rejects.toMatchObject({ code: 'POLICY_MISSING', kind: 'usage' });
    await expect(run({ identity: 'a', issuer: 'b', issuerRegexp: 'c' })).rejects.toMatchObject({ code: 'POLICY_CONFLICT' });
    await expect(run({ identityRegexp: '(', issuer: 'b' })).rejects.toMatchObject({ code: 'POLICY_REGEXP_INVALID' });
  });
});
