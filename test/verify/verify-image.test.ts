// verify-image against a real docker-registry holding images signed with the test PKI, both cosign schemes,
// and every way a signature can be wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteRegistry } from '../../src/registry/index.js';
import { parseTrustedRoot, type LoadedTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { verifyImage, type ImageEvent } from '../../src/verify/verify-image.js';
import { verifyImages } from '../../src/verify/verify-images.js';
import { GOOGLE_ISSUER, K8S_IMAGE_IDENTITY, getTestPki, signImageLegacy } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { startProxy, type TestProxy } from '../helpers/registry-proxy.js';
import {
  makeImage,
  pushBundleReferrer,
  pushImage,
  pushLegacySignatures,
  pushMultiArch,
  makeIndex,
  OCI_INDEX,
  OCI_MANIFEST,
  type TestImage,
} from '../helpers/registry-push.js';
import { signImageBundle } from '../helpers/registry-signatures.js';

const policy = { identity: K8S_IMAGE_IDENTITY, issuer: GOOGLE_ISSUER };

describe.skipIf(registryMissing)('verifyImage against docker-registry', () => {
  let registry: TestRegistry;
  let proxy: TestProxy;
  let trustedRoot: LoadedTrustedRoot;
  const source = new RemoteRegistry({ retries: 0 });
  const images: Record<string, TestImage> = {};
  let bundleIndexDigest: string;
  let host: string;
  const target = () => ({ url: registry.url });

  async function legacySigned(repo: string, options: Parameters<typeof signImageLegacy>[2] = {}) {
    const image = (images[repo] = makeImage());
    await pushImage(target(), repo, image, 'v1');
    return { image, sig: await signImageLegacy(`${host}/${repo}`, image.digest, options) };
  }

  beforeAll(async () => {
    registry = await startRegistry();
    host = registry.host;
    trustedRoot = parseTrustedRoot((await getTestPki()).trustedRootText, 'test PKI');

    const good = await legacySigned('signed/legacy');
    await pushLegacySignatures(target(), 'signed/legacy', good.image.digest, [good.sig]);

    const other = await legacySigned('signed/other-identity', { identity: 'someone@example.com' });
    await pushLegacySignatures(target(), 'signed/other-identity', other.image.digest, [other.sig]);

    // A valid signature of signed/legacy, copied under another image's .sig tag.
    images['signed/replayed'] = makeImage();
    await pushImage(target(), 'signed/replayed', images['signed/replayed'], 'v1');
    await pushLegacySignatures(target(), 'signed/replayed', images['signed/replayed'].digest, [good.sig]);

    // The payload blob swapped for one naming the same digest but altered; the signature annotation kept.
    const tampered = await legacySigned('signed/tampered');
    const altered = Buffer.from(tampered.sig.payload.toString().replace('"optional":null', '"optional":{"x":"y"}'));
    await pushLegacySignatures(target(), 'signed/tampered', tampered.image.digest, [{ payload: altered, annotations: tampered.sig.annotations }]);

    // A signature whose layer lost its Rekor entry annotation: nothing proves when the short-lived cert signed.
    const noRekor = await legacySigned('signed/no-rekor');
    const { 'dev.sigstore.cosign/bundle': _dropped, ...withoutRekor } = noRekor.sig.annotations;
    await pushLegacySignatures(target(), 'signed/no-rekor', noRekor.image.digest, [{ payload: noRekor.sig.payload, annotations: withoutRekor }]);

    images['unsigned/app'] = makeImage();
    await pushImage(target(), 'unsigned/app', images['unsigned/app'], 'v1');

    const amd64 = makeImage({ architecture: 'amd64' });
    const arm64 = makeImage({ architecture: 'arm64' });
    images['signed/bundle'] = amd64;
    images['signed/bundle-arm64'] = arm64;
    bundleIndexDigest = await pushMultiArch(target(), 'signed/bundle', [amd64, arm64], 'v1');
    const index = makeIndex([amd64, arm64]);
    await pushBundleReferrer(
      target(),
      'signed/bundle',
      { digest: bundleIndexDigest, size: index.bytes.length, mediaType: OCI_INDEX },
      await signImageBundle(`${host}/signed/bundle`, bundleIndexDigest),
    );

    // A bundle for signed/bundle attached as a referrer of another image.
    images['signed/bundle-replayed'] = makeImage();
    const replayedDigest = await pushImage(target(), 'signed/bundle-replayed', images['signed/bundle-replayed'], 'v1');
    await pushBundleReferrer(
      target(),
      'signed/bundle-replayed',
      { digest: replayedDigest, size: images['signed/bundle-replayed'].manifest.length },
      await signImageBundle(`${host}/signed/bundle`, bundleIndexDigest),
    );

    proxy = await startProxy(registry.url, (req) =>
      req.method === 'GET' && /\/manifests\/(v1|sha256:)/.test(req.path) && !req.path.includes('.sig')
        ? { tamper: (body) => Buffer.from(body.toString().replace('"schemaVersion":2', '"schemaVersion": 2')) }
        : undefined,
    );
  });
  afterAll(async () => {
    await proxy?.close();
    await registry?.stop();
  });

  const verify = (ref: string, extra: Partial<Parameters<typeof verifyImage>[1]> = {}) => verifyImage(ref, { source, trustedRoot, policy, ...extra });

  it('verifies a legacy .sig signature and prints what cosign verify prints', async () => {
    const events: ImageEvent['type'][] = [];
    const result = await verify(`${host}/signed/legacy:v1`, { onEvent: (e) => events.push(e.type) });
    expect(result).toMatchObject({ verified: true, code: 'OK', digest: images['signed/legacy']!.digest });
    expect(result.pinned).toBe(`${host}/signed/legacy@${images['signed/legacy']!.digest}`);
    expect(events).toEqual(['image-start', 'image-resolved', 'image-signatures', 'image-done']);
    expect(result.cosign).toHaveLength(1);
    const out = result.cosign[0]!;
    expect(out.critical).toEqual({
      identity: { 'docker-reference': `${host}/signed/legacy` },
      image: { 'docker-manifest-digest': images['signed/legacy']!.digest },
      type: 'cosign container image signature',
    });
    expect(Object.keys(out.optional)).toEqual(['1.3.6.1.4.1.57264.1.1', 'Bundle', 'Issuer', 'Subject']);
    expect(out.optional).toMatchObject({ Issuer: GOOGLE_ISSUER, Subject: K8S_IMAGE_IDENTITY });
    expect(result.signatures[0]!.checks.map((c) => c.check)).toEqual(
      expect.arrayContaining(['certificate-chain', 'transparency-log', 'signature', 'identity', 'issuer', 'payload-type', 'payload-digest']),
    );
  });

  it('verifies a digest reference without asking for the manifest', async () => {
    const digest = images['signed/legacy']!.digest;
    const seen = await startProxy(registry.url);
    try {
      const result = await verify(`${seen.host}/signed/legacy@${digest}`);
      expect(result.verified).toBe(true);
      expect(seen.seen.filter((r) => r.path.includes(`/manifests/${digest}`))).toEqual([]);
    } finally {
      await seen.close();
    }
  });

  it('verifies a cosign v3 bundle found through the referrers fallback tag, on a multi-arch index', async () => {
    const result = await verify(`${host}/signed/bundle:v1`);
    expect(result).toMatchObject({ verified: true, digest: bundleIndexDigest });
    expect(result.signatures.map((s) => s.kind)).toEqual(['sigstore-bundle']);
    expect(result.cosign[0]!.critical.type).toBe('https://sigstore.dev/cosign/sign/v1');
  });

  it.each([
    ['unsigned/app', 'NO_SIGNATURES'],
    ['signed/other-identity', 'IDENTITY_MISMATCH'],
    ['signed/replayed', 'PAYLOAD_DIGEST_MISMATCH'],
    ['signed/tampered', 'SIGNATURE_INVALID'],
    ['signed/bundle-replayed', 'PAYLOAD_DIGEST_MISMATCH'],
  ])('%s fails with %s', async (repo, code) => {
    const result = await verify(`${host}/${repo}:v1`);
    expect(result).toMatchObject({ verified: false, code, failureKind: 'check' });
    expect(result.cosign).toEqual([]);
  });

  it('finds a bundle through the OCI 1.1 referrers API when there is no fallback tag', async () => {
    const image = makeImage();
    const digest = await pushImage(target(), 'signed/api', image, 'v1');
    const bundle = await signImageBundle(`${host}/signed/api`, digest);
    const referrer = await pushBundleReferrer(target(), 'signed/api', { digest, size: image.manifest.length }, bundle, undefined, false);
    const referrerSize = (await (await fetch(`${registry.url}/v2/signed/api/manifests/${referrer}`, { headers: { accept: OCI_MANIFEST } })).arrayBuffer())
      .byteLength;
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [{ mediaType: OCI_MANIFEST, digest: referrer, size: referrerSize, artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json' }],
    });
    // distribution 2.8 has no referrers API: a proxy answers it the way an OCI 1.1 registry does.
    const api = await startProxy(registry.url, (req) =>
      req.path.startsWith(`/v2/signed/api/referrers/${digest}`) ? { respond: { status: 200, headers: { 'content-type': OCI_INDEX }, body: index } } : undefined,
    );
    try {
      expect(await verify(`${host}/signed/api:v1`)).toMatchObject({ verified: false, code: 'NO_SIGNATURES' });
      const found = await verify(`${api.host}/signed/api:v1`);
      expect(found).toMatchObject({ verified: true, digest });
      expect(api.seen.some((r) => r.path === `/v2/signed/api/referrers/${digest}?artifactType=application%2Fvnd.dev.sigstore.bundle.v0.3%2Bjson`)).toBe(true);
    } finally {
      await api.close();
    }
  });

  it('falls back to the tag when a proxy answers the referrers API with a web page', async () => {
    const web = await startProxy(registry.url, (req) =>
      req.path.includes('/referrers/') ? { respond: { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>hello</html>' } } : undefined,
    );
    try {
      expect(await verify(`${web.host}/signed/bundle:v1`)).toMatchObject({ verified: true });
    } finally {
      await web.close();
    }
  });

  it('refuses to download an absurd number of signatures (TOO_MANY_SIGNATURES)', async () => {
    const image = makeImage();
    const digest = await pushImage(target(), 'signed/flood', image, 'v1');
    const junk = Array.from({ length: 65 }, (_, i) => ({ payload: Buffer.from(`{"n":${i}}`), annotations: {} }));
    await pushLegacySignatures(target(), 'signed/flood', digest, junk);
    expect(await verify(`${host}/signed/flood:v1`)).toMatchObject({ verified: false, code: 'TOO_MANY_SIGNATURES' });
  });

  it('fails closed when a legacy signature carries no Rekor entry (offline, nothing to check the cert time against)', async () => {
    const result = await verify(`${host}/signed/no-rekor:v1`);
    expect(result.verified).toBe(false);
    expect(result.signatures[0]!.checks.find((c) => c.check === 'transparency-log')?.status).toBe('fail');
    expect(result.cosign).toEqual([]);
  });

  it('rejects a manifest altered on the way (tag and digest references)', async () => {
    expect(await verify(`${proxy.host}/signed/legacy:v1`)).toMatchObject({ verified: false, code: 'DIGEST_MISMATCH' });
    // A bundle is checked against the manifest bytes, fetched by digest: the altered bytes are refused.
    expect(await verify(`${proxy.host}/signed/bundle@${bundleIndexDigest}`)).toMatchObject({ verified: false, code: 'DIGEST_MISMATCH' });
  });

  it('fails closed with IMAGE_NOT_FOUND and REGISTRY_UNREACHABLE', async () => {
    expect(await verify(`${host}/signed/legacy:nope`)).toMatchObject({ verified: false, code: 'IMAGE_NOT_FOUND' });
    const dead = new RemoteRegistry({ retries: 0 });
    expect(await verifyImage('127.0.0.1:1/x:v1', { source: dead, trustedRoot, policy })).toMatchObject({
      verified: false,
      code: 'REGISTRY_UNREACHABLE',
      failureKind: 'io',
    });
  });

  it('a malformed name fails that image only (INVALID_REFERENCE), the others still verify', async () => {
    const run = await verifyImages([{ reference: 'Bad Name!' }, { reference: `${host}/signed/legacy:v1` }], { source, trustedRoot, policy });
    expect(run.images.map((i) => [i.code, i.failureKind])).toEqual([
      ['INVALID_REFERENCE', 'check'],
      ['OK', undefined],
    ]);
  });

  it('compares the registry layers with the SBOM layers (verifyImages)', async () => {
    const arm64 = images['signed/bundle-arm64']!;
    const ref = `${host}/signed/bundle:v1`;
    const events: string[] = [];
    const run = await verifyImages(
      [
        { reference: ref, platform: { os: 'linux', architecture: 'arm64' }, layers: arm64.layers.map((l) => l.diffId) },
        {
          reference: `${host}/signed/legacy:v1`,
          platform: { os: 'linux', architecture: 'amd64' },
          layers: [images['signed/legacy']!.layers[0]!.diffId, `sha256:${'0'.repeat(64)}`],
        },
      ],
      { source, trustedRoot, policy, checkSbomLayers: true, concurrency: 2, onEvent: (e) => events.push(e.type) },
    );
    expect(run.images[0]).toMatchObject({ verified: true });
    expect(run.images[0]!.checks.find((c) => c.check === 'sbom-layers')?.status).toBe('pass');
    expect(run.images[1]).toMatchObject({ verified: false, code: 'SBOM_LAYER_MISMATCH' });
    expect(run.summary).toEqual({ total: 2, verified: 1, failed: 1, unchecked: 0 });
    expect(run.verified).toBe(false);
    expect(events[0]).toBe('start');
    expect(events.at(-1)).toBe('done');
  });
});
