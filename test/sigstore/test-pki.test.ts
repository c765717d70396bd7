// The test PKI must produce material that @sigstore/verify itself accepts (and rejects when asked to be bad).
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { describe, expect, it } from 'vitest';
import { getTestPki, signBlob, signImageLegacy, toSigstoreBundle } from '../helpers/pki/index.js';

const artifact = Buffer.from('hello kubernetes\n');

async function libraryVerify(bundleJson: unknown, data: Buffer) {
  const pki = await getTestPki();
  const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(pki.trustedRoot)));
  return verifier.verify(toSignedEntity(bundleFromJSON(bundleJson), data));
}

describe('test PKI', () => {
  it('is deterministic: same trusted root and signature bytes on a second run', async () => {
    const a = await signBlob(artifact);
    const b = await signBlob(artifact);
    expect(a.signatureB64).toBe(b.signatureB64);
    expect(a.certificatePem).toBe(b.certificatePem);
    expect((await getTestPki()).trustedRootText).toContain('"mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1"');
  });

  it('writes the same trusted_root.json from a fresh process (samples stay byte-stable)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { resolve } = await import('node:path');
    const compiled = resolve(__dirname, '../../dist/test/helpers/pki/index.js');
    const text = execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(compiled)}); process.stdout.write((await m.getTestPki()).trustedRootText);`,
    ]);
    expect(text.toString()).toBe((await getTestPki()).trustedRootText);
  });

  it.each(['0.1', '0.2', '0.3'] as const)('bundle v%s verifies with @sigstore/verify (chain, SCT, SET, proof)', async (v) => {
    const signed = await signBlob(artifact);
    const signer = await libraryVerify(toSigstoreBundle(signed, v), artifact);
    expect(signer.identity?.subjectAlternativeName).toBe('krel-staging@k8s-releng-prod.iam.gserviceaccount.com');
    expect(signer.identity?.extensions?.issuer).toBe('https://accounts.google.com');
  });

  it('cosign image signature bundle verifies', async () => {
    const sig = await signImageLegacy('registry.k8s.io/pause', 'sha256:' + 'a'.repeat(64));
    await expect(libraryVerify(sig.bundleV03, sig.payload)).resolves.toBeTruthy();
  });

  it.each([
    ['untrusted CA', async () => ({ ca: await getTestPki('untrusted') }), 'CERTIFICATE_ERROR'],
    ['expired at signing', async () => ({ expiredAtSigning: true }), 'CERTIFICATE_ERROR'],
    ['forged SET', async () => ({ forgeSet: true, inclusionProof: false }), 'TLOG_INCLUSION_PROMISE_ERROR'],
    ['entry for another artifact', async () => ({ rekorEntryForArtifact: Buffer.from('other') }), 'TLOG_BODY_ERROR'],
  ])('bad material is rejected by the library: %s', async (_name, opts, code) => {
    const signed = await signBlob(artifact, await opts());
    const version = 'inclusionProof' in (await opts()) ? '0.1' : '0.3';
    await expect(libraryVerify(toSigstoreBundle(signed, version), artifact)).rejects.toMatchObject({ code });
  });
});
