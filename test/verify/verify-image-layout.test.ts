// The offline path: images and their signatures in an OCI image layout folder, verified with --oci-layout.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OciLayoutWriter } from '../../src/registry/index.js';
import { runCli } from '../helpers/cli.js';
import { getTestPki, signImageLegacy } from '../helpers/pki/index.js';
import { makeImage, OCI_MANIFEST } from '../helpers/registry-push.js';
import { signImageBundle } from '../helpers/registry-signatures.js';

describe('verify-image --oci-layout', () => {
  let dir: string;
  let legacyDigest: string;
  let bundleDigest: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-layout-vi-'));
    await writeFile(join(dir, 'trusted_root.json'), (await getTestPki()).trustedRootText);
    const layout = await OciLayoutWriter.open(join(dir, 'layout'));
    const sizes = new Map<string, number>();
    const put = async (name: string) => {
      const image = makeImage();
      for (const l of image.layers) await layout.putBlob(l.blob);
      await layout.putBlob(image.config);
      const d = await layout.putManifest(image.manifest, { mediaType: OCI_MANIFEST, refName: `registry.k8s.io/${name}:v1.30.0` });
      sizes.set(d.digest, d.size);
      return d.digest;
    };
    // Legacy: a sha256-<hex>.sig manifest named by its full reference.
    legacyDigest = await put('kube-proxy-amd64');
    const sig = await signImageLegacy('registry.k8s.io/kube-proxy-amd64', legacyDigest);
    await layout.putLegacySignatures('registry.k8s.io/kube-proxy-amd64', legacyDigest, [sig]);
    // Bundle: a referrer manifest listed in index.json, found by its subject.
    bundleDigest = await put('kube-scheduler-amd64');
    const bundle = Buffer.from(JSON.stringify(await signImageBundle('registry.k8s.io/kube-scheduler-amd64', bundleDigest)));
    await layout.putBundleReferrer({ mediaType: OCI_MANIFEST, digest: bundleDigest, size: sizes.get(bundleDigest)! }, bundle);
    await put('kube-controller-manager-amd64');
    await layout.save();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const run = (refs: string[]) =>
    runCli(['verify-image', ...refs, '--oci-layout', join(dir, 'layout'), '--trusted-root', join(dir, 'trusted_root.json'), '--offline', '--json']);

  it('verifies legacy and bundle signatures from the folder, without a network', async () => {
    const r = await run(['registry.k8s.io/kube-proxy-amd64:v1.30.0', 'registry.k8s.io/kube-scheduler-amd64:v1.30.0']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.images.map((i: { digest: string; verified: boolean }) => [i.digest, i.verified])).toEqual([
      [legacyDigest, true],
      [bundleDigest, true],
    ]);
  });

  it('an image without signatures in the folder fails (NO_SIGNATURES, exit 1)', async () => {
    const r = await run(['registry.k8s.io/kube-controller-manager-amd64:v1.30.0']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).images[0].code).toBe('NO_SIGNATURES');
  });
});
