// Fail closed: changing any byte of the signature material never yields a verified report (and never throws).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { verifyArtifactSignature } from '../../src/sigstore/verify-artifact.js';
import { getTestPki, signBlob, toSigstoreBundle, GOOGLE_ISSUER, K8S_BLOB_IDENTITY } from '../helpers/pki/index.js';

const artifact = Buffer.from('bytes that were signed\n');
const policy = { identity: K8S_BLOB_IDENTITY, issuer: GOOGLE_ISSUER };

describe('fail closed', () => {
  it('a one-byte change anywhere in a bundle field that is signed or checked never verifies', async () => {
    const trustedRoot = parseTrustedRoot((await getTestPki()).trustedRootText, 'test');
    const bundle = toSigstoreBundle(await signBlob(artifact), '0.3') as {
      verificationMaterial: { certificate: { rawBytes: string }; tlogEntries: Array<Record<string, unknown>> };
      messageSignature: { signature: string; messageDigest: { digest: string } };
    };
    const entry = bundle.verificationMaterial.tlogEntries[0]!;
    // Each target reads and writes one base64 field.
    const targets: Array<[string, () => string, (v: string) => void]> = [
      ['signature', () => bundle.messageSignature.signature, (v) => (bundle.messageSignature.signature = v)],
      ['digest', () => bundle.messageSignature.messageDigest.digest, (v) => (bundle.messageSignature.messageDigest.digest = v)],
      ['certificate', () => bundle.verificationMaterial.certificate.rawBytes, (v) => (bundle.verificationMaterial.certificate.rawBytes = v)],
      ['body', () => entry.canonicalizedBody as string, (v) => (entry.canonicalizedBody = v)],
      [
        'set',
        () => (entry.inclusionPromise as { signedEntryTimestamp: string }).signedEntryTimestamp,
        (v) => ((entry.inclusionPromise as { signedEntryTimestamp: string }).signedEntryTimestamp = v),
      ],
    ];
    const good = await verifyArtifactSignature({ artifact, material: { kind: 'bundle', bundle: JSON.stringify(bundle) }, trustedRoot, policy });
    expect(good.verified).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.nat(targets.length - 1), fc.nat(), fc.integer({ min: 1, max: 255 }), async (which, position, xor) => {
        const [, read, write] = targets[which]!;
        const original = read();
        const bytes = Buffer.from(original, 'base64');
        const i = position % bytes.length;
        bytes[i] = bytes[i]! ^ xor;
        write(bytes.toString('base64'));
        try {
          const report = await verifyArtifactSignature({ artifact, material: { kind: 'bundle', bundle: JSON.stringify(bundle) }, trustedRoot, policy });
          expect(report.verified).toBe(false);
        } finally {
          write(original);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a certificate whose unsigned outer wrapper was altered (SEQUENCE tag made SET) is refused as malformed', async () => {
    const trustedRoot = parseTrustedRoot((await getTestPki()).trustedRootText, 'test');
    const bundle = toSigstoreBundle(await signBlob(artifact), '0.3') as { verificationMaterial: { certificate: { rawBytes: string } } };
    const der = Buffer.from(bundle.verificationMaterial.certificate.rawBytes, 'base64');
    der[0] = der[0]! ^ 1;
    bundle.verificationMaterial.certificate.rawBytes = der.toString('base64');
    const report = await verifyArtifactSignature({ artifact, material: { kind: 'bundle', bundle: JSON.stringify(bundle) }, trustedRoot, policy });
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.check === 'certificate-chain')?.code).toBe('CERTIFICATE_MALFORMED');
  });
});
