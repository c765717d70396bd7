// Real public-good material verifies offline with the trusted root shipped in @sigstore/tuf's seeds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { verifyArtifactSignature } from '../../src/sigstore/verify-artifact.js';
import { realdata, realdataMissing } from '../helpers/cli.js';

const GITHUB_OAUTH = 'https://github.com/login/oauth';
const ACTIONS = 'https://token.actions.githubusercontent.com';
const SIGSTORE_JS_RELEASE = 'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main';

// [file under realdata/sigstore, identity, issuer]; DSSE bundles are checked with their own statement as the artifact.
const BUNDLES: Array<[string, string, string]> = [
  ['sigstore-go/bundle-provenance.json', SIGSTORE_JS_RELEASE, ACTIONS],
  ['sigstore-go/bundles/dsse.sigstore.json', 'brian@dehamer.com', GITHUB_OAUTH],
  ['sigstore-go/bundles/sigstore.js@2.0.0-provenance.sigstore.json', SIGSTORE_JS_RELEASE, ACTIONS],
  ['cosign/oci-attestation.sigstore.json', 'cody@soyland.com', GITHUB_OAUTH],
  ...[
    'bundleV01-dsse-no-proof',
    'bundleV01-dsse-with-proof',
    'bundleV01-full-cert-chain',
    'bundleV01-intoto-no-proof',
    'bundleV01-intoto-with-proof',
    'bundleV02-dsse',
    'bundleV02-intoto',
    'bundleV03-dsse',
    'bundleV03-intoto',
  ].map((name): [string, string, string] => [`sigstore-js/bundles/${name}.sigstore`, 'brian@dehamer.com', GITHUB_OAUTH]),
];

const k8s = (name: string) => realdata('k8s', 'cosign-signature', 'registry.k8s.io_cluster-api_cluster-api-controller_v1.5.0', name);
const KREL_TRUST = 'krel-trust@k8s-releng-prod.iam.gserviceaccount.com';
const GOOGLE = 'https://accounts.google.com';

describe.skipIf(realdataMissing)('real public-good signatures, offline, shipped trusted root', () => {
  it.each(BUNDLES)('%s verifies', async (file, identity, issuer) => {
    const text = readFileSync(realdata('sigstore', file), 'utf8');
    const payload = Buffer.from(JSON.parse(text).dsseEnvelope.payload, 'base64');
    const artifact = file.startsWith('sigstore-js/') ? readFileSync(realdata('sigstore', 'sigstore-js', 'bundles', 'statement.json')) : payload;
    const report = await verifyArtifactSignature({
      artifact,
      material: { kind: 'bundle', bundle: text },
      trustedRoot: shippedTrustedRoot(),
      policy: { identity, issuer },
      offline: true,
    });
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.verified).toBe(true);
  });

  const verifyK8s = (policy: { identity?: string; issuer?: string; identityRegexp?: string }) =>
    verifyArtifactSignature({
      artifact: readFileSync(k8s('payload.json')),
      material: {
        kind: 'detached',
        signature: readFileSync(k8s('signature.b64'), 'utf8'),
        certificate: readFileSync(k8s('certificate.pem'), 'utf8'),
        rekorEntry: readFileSync(k8s('bundle-annotation.json'), 'utf8'),
      },
      trustedRoot: shippedTrustedRoot(),
      policy,
      offline: true,
    });

  it('the registry.k8s.io image signature verifies as a blob with krel-trust / Google', async () => {
    const report = await verifyK8s({ identity: KREL_TRUST, issuer: GOOGLE });
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.signer).toEqual({ identity: KREL_TRUST, issuer: GOOGLE });
    expect(report.signedAt).toEqual(['2023-07-25T17:04:44.000Z']);
    // The Rekor log index of the checked entry, as the saved annotation's Payload.logIndex says (export carries it).
    expect(report.rekorLogIndex).toBe(28719030);
  });

  it.each([
    [{ identity: 'krel-staging@k8s-releng-prod.iam.gserviceaccount.com', issuer: GOOGLE }, 'identity:IDENTITY_MISMATCH'],
    [{ identity: 'xkrel-trust@k8s-releng-prodXiam.gserviceaccount.com.evil.example', issuer: GOOGLE }, 'identity:IDENTITY_MISMATCH'],
    [{ identityRegexp: 'krel-trust@k8s-releng-prod', issuer: GOOGLE }, 'identity:IDENTITY_MISMATCH'],
    [{ identity: KREL_TRUST, issuer: 'https://token.actions.githubusercontent.com' }, 'issuer:ISSUER_MISMATCH'],
    [{ identity: KREL_TRUST, issuer: 'https://accounts.google.com/' }, 'issuer:ISSUER_MISMATCH'],
  ])('and fails with any other identity or issuer: %j', async (policy, expected) => {
    const report = await verifyK8s(policy);
    expect(report.verified).toBe(false);
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => `${c.check}:${c.code}`)).toEqual([expected]);
  });

  // containers/image stores a cosign signature as "\0sigstore-json\n" + {mimeType, payload, annotations}.
  const legacy = (dir: string) => {
    const raw = readFileSync(realdata('sigstore', 'cosign-legacy-oci', 'containers-image', dir, 'signature-1'));
    const json = JSON.parse(raw.subarray(raw.indexOf(0x0a) + 1).toString('utf8'));
    return { payload: Buffer.from(json.payload, 'base64'), annotations: json.annotations as Record<string, string> };
  };

  it('a real cosign keyless image signature (containers/image fixture) verifies as a blob', async () => {
    const { payload, annotations } = legacy('dir-img-cosign-fulcio-rekor-valid');
    const report = await verifyArtifactSignature({
      artifact: payload,
      material: {
        kind: 'detached',
        signature: annotations['dev.cosignproject.cosign/signature']!,
        certificate: annotations['dev.sigstore.cosign/certificate']!,
        rekorEntry: annotations['dev.sigstore.cosign/bundle']!,
      },
      trustedRoot: shippedTrustedRoot(),
      policy: { identity: 'mitr@redhat.com', issuerRegexp: '.+' },
      offline: true,
    });
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('a real cosign key-based signature with a public-good Rekor entry verifies with --key semantics', async () => {
    const { payload, annotations } = legacy('dir-img-cosign-key-rekor-valid');
    const material = (key: string) => ({
      kind: 'key' as const,
      signature: annotations['dev.cosignproject.cosign/signature']!,
      publicKeyPem: readFileSync(realdata('sigstore', 'cosign-legacy-oci', 'containers-image', key), 'utf8'),
      rekorEntry: annotations['dev.sigstore.cosign/bundle']!,
    });
    const ok = await verifyArtifactSignature({ artifact: payload, material: material('cosign2.pub'), trustedRoot: shippedTrustedRoot(), offline: true });
    expect(ok.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(ok.checks.map((c) => c.check)).toEqual(['artifact-digest', 'public-key', 'transparency-log', 'signature']);
    const wrong = await verifyArtifactSignature({ artifact: payload, material: material('cosign.pub'), trustedRoot: shippedTrustedRoot(), offline: true });
    expect(wrong.verified).toBe(false);
    expect(wrong.checks.filter((c) => c.status === 'fail').map((c) => c.code)).toEqual(['TLOG_BODY_MISMATCH', 'SIGNATURE_INVALID']);
  });

  it('the shipped trusted root is the current public-good root (same as realdata/sigstore/public-good-trust-root)', () => {
    const current = JSON.parse(readFileSync(realdata('sigstore', 'public-good-trust-root', 'trusted_root.json'), 'utf8'));
    const shipped = shippedTrustedRoot();
    expect(shipped.root.tlogs.map((t) => Buffer.from(t.logId!.keyId).toString('base64'))).toEqual(
      current.tlogs.map((t: { logId: { keyId: string } }) => t.logId.keyId),
    );
    expect(shipped.root.certificateAuthorities.length).toBe(current.certificateAuthorities.length);
  });
});
