// Bundles the library's reader would accept but a verifier must not: unknown versions, two contents, and
// certificates with bytes after their DER. Each is refused before any check runs, with its own code.
import { describe, expect, it } from 'vitest';
import { parseTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { verifyArtifactSignature } from '../../src/sigstore/verify-artifact.js';
import type { VerificationReport } from '../../src/sigstore/report.js';
import { getTestPki, GOOGLE_ISSUER, K8S_BLOB_IDENTITY, signBlob, toSigstoreBundle } from '../helpers/pki/index.js';

const artifact = Buffer.from('kubernetes release sbom bytes\n');
const policy = { identity: K8S_BLOB_IDENTITY, issuer: GOOGLE_ISSUER };

type BundleJson = Record<string, unknown> & { verificationMaterial: Record<string, unknown> };

async function verifyBundle(edit: (bundle: BundleJson) => void, version: '0.1' | '0.2' | '0.3' = '0.3'): Promise<VerificationReport> {
  const bundle = toSigstoreBundle(await signBlob(artifact), version) as BundleJson;
  edit(bundle);
  const trustedRoot = parseTrustedRoot((await getTestPki()).trustedRootText, 'test trusted root');
  return verifyArtifactSignature({ artifact, material: { kind: 'bundle', bundle: JSON.stringify(bundle) }, trustedRoot, policy, offline: true });
}

const failures = (report: VerificationReport) => report.checks.filter((c) => c.status === 'fail').map((c) => `${c.check}:${c.code}`);

/** The certificate's base64 DER with bytes appended. */
const withTrailingBytes = (rawBytes: string, count: number) => Buffer.concat([Buffer.from(rawBytes, 'base64'), Buffer.alloc(count, 0x41)]).toString('base64');

describe('strict bundles', () => {
  it('verifies every published media type, including the legacy spelling of v0.3', async () => {
    for (const mediaType of ['application/vnd.dev.sigstore.bundle+json;version=0.3', 'application/vnd.dev.sigstore.bundle.v0.3+json']) {
      const report = await verifyBundle((b) => (b.mediaType = mediaType));
      expect(failures(report), mediaType).toEqual([]);
    }
  });

  it('refuses bundle versions that do not exist', async () => {
    for (const mediaType of [
      'application/vnd.dev.sigstore.bundle+json;version=0.4',
      'application/vnd.dev.sigstore.bundle+json;version=0.9',
      'application/vnd.dev.sigstore.bundle+json;version=9.9',
      'application/vnd.dev.sigstore.bundle.v0.4+json',
      'application/vnd.dev.sigstore.bundle.v0.3+json; charset=utf-8',
    ]) {
      const report = await verifyBundle((b) => (b.mediaType = mediaType));
      expect(report.verified, mediaType).toBe(false);
      expect(failures(report)[0], mediaType).toMatch(/^input:BUNDLE_(VERSION_UNKNOWN|MALFORMED)$/);
    }
  });

  it('refuses a bundle with both a message signature and a DSSE envelope', async () => {
    const report = await verifyBundle(
      (b) => (b.dsseEnvelope = { payload: Buffer.from(artifact).toString('base64'), payloadType: 'text/plain', signatures: [{ sig: 'AAAA', keyid: '' }] }),
    );
    expect(failures(report)).toEqual(['input:BUNDLE_CONTENT_AMBIGUOUS']);
  });

  it('refuses certificates with bytes after their DER, in a single certificate and in a chain', async () => {
    const single = await verifyBundle((b) => {
      const cert = b.verificationMaterial.certificate as { rawBytes: string };
      cert.rawBytes = withTrailingBytes(cert.rawBytes, 1000);
    });
    expect(failures(single)).toEqual(['input:CERTIFICATE_MALFORMED']);
    const chain = await verifyBundle((b) => {
      const cert = (b.verificationMaterial.x509CertificateChain as { certificates: Array<{ rawBytes: string }> }).certificates[0]!;
      cert.rawBytes = withTrailingBytes(cert.rawBytes, 1);
    }, '0.1');
    expect(failures(chain)).toEqual(['input:CERTIFICATE_MALFORMED']);
  });

  it('refuses a detached certificate with bytes after its DER', async () => {
    const s = await signBlob(artifact);
    const trustedRoot = parseTrustedRoot((await getTestPki()).trustedRootText, 'test trusted root');
    const certificate = withTrailingBytes(s.certificateDer.toString('base64'), 16);
    const report = await verifyArtifactSignature({
      artifact,
      material: { kind: 'detached', signature: s.signatureB64, certificate, rekorEntry: JSON.stringify(s.rekorEntry) },
      trustedRoot,
      policy,
      offline: true,
    });
    expect(failures(report)).toEqual(['input:CERTIFICATE_MALFORMED']);
  });
});
