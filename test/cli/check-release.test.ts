// check --release VERSION: the release SBOM downloaded from a mirror and verified (test PKI), then a running image
// whose registry layers are the SBOM's is a release image by layers, and one with other layers under a release
// name is reported as not the release's.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realdataMissing, runCli } from '../helpers/cli.js';
import { GOOGLE_ISSUER, K8S_IMAGE_IDENTITY, signImageLegacy } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { makeImage, OCI_CONFIG, OCI_MANIFEST, pushImage, pushLegacySignatures, sha256, type TestImage } from '../helpers/registry-push.js';
import { releaseEnv, removePristine, type ReleaseEnv } from '../verify/release-env.js';

/** An amd64 image whose config lists these diff IDs (the registry does not recompute them). */
function imageWithDiffIds(diffIds: string[]): TestImage {
  const base = makeImage({ architecture: 'amd64', layers: diffIds.length });
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: diffIds } }));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, digest: sha256(config), size: config.length },
      layers: base.layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(l.blob), size: l.blob.length })),
    }),
  );
  return { ...base, config, manifest, digest: sha256(manifest) };
}

describe.skipIf(registryMissing || realdataMissing)('kube-sbom check --release', () => {
  let registry: TestRegistry;
  let env: ReleaseEnv;
  let policy: string;
  let pods: string;
  const d = { release: '', other: '' };

  beforeAll(async () => {
    registry = await startRegistry();
    env = await releaseEnv();
    const target = { url: registry.url };
    const sbom = await readFile(env.fixture.sbomPath, 'utf8');
    const id = 'SPDXRef-Package-registry.k8s.io-kube-apiserver-amd64-v1.25.4-sha256-';
    const diffIds = [...new Set([...sbom.matchAll(new RegExp(`^SPDXID: ${id}([0-9a-f]{64})$`, 'gm'))].map((m) => `sha256:${m[1]}`))];
    expect(diffIds.length).toBeGreaterThan(0);
    d.release = await pushImage(target, 'kube-apiserver-amd64', imageWithDiffIds(diffIds), 'v1.25.4');
    d.other = await pushImage(target, 'kube-apiserver-amd64', makeImage({ architecture: 'amd64', layers: 2 }), 'rebuilt');
    for (const digest of [d.release, d.other]) {
      await pushLegacySignatures(target, 'kube-apiserver-amd64', digest, [await signImageLegacy('registry.k8s.io/kube-apiserver-amd64', digest)]);
    }
    policy = join(env.root, 'cip.yaml');
    await writeFile(
      policy,
      `kind: ClusterImagePolicy\napiVersion: policy.sigstore.dev/v1beta1\nmetadata: {name: k8s}\nspec:\n  images: [{glob: "registry.k8s.io/**"}]\n  authorities:\n    - keyless:\n        identities: [{issuer: "${GOOGLE_ISSUER}", subject: "${K8S_IMAGE_IDENTITY}"}]\n`,
    );
    const container = (name: string, tag: string, digest: string) => ({
      spec: { name, image: `registry.k8s.io/kube-apiserver-amd64:${tag}` },
      status: {
        name,
        image: `registry.k8s.io/kube-apiserver-amd64:${tag}`,
        imageID: `registry.k8s.io/kube-apiserver-amd64@${digest}`,
        ready: true,
        restartCount: 0,
      },
    });
    const items = [container('api', 'v1.25.4', d.release), container('rebuilt', 'rebuilt', d.other)].map((c) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: c.spec.name, namespace: 'kube-system' },
      spec: { containers: [c.spec] },
      status: { phase: 'Running', containerStatuses: [c.status] },
    }));
    pods = join(env.root, 'pods.json');
    await writeFile(pods, JSON.stringify({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } }));
  });
  afterAll(async () => {
    await registry?.stop();
    await env?.close();
    await removePristine();
  });

  it('tells the release image by its layers and the rebuilt one as a release name with other content (exit 1)', async () => {
    const flags = ['--sbom-url', env.mirror.sbomUrl, '--dl-url', env.mirror.dlUrl, '--rekor-url', env.mirror.rekorUrl, '--cache-dir', env.cacheDir];
    const r = await runCli([
      'check',
      '--pods',
      pods,
      '--release',
      'v1.25.4',
      ...flags,
      '--policy',
      policy,
      '--trusted-root',
      join(env.root, 'trusted_root.json'),
      '--registry-mirror',
      `registry.k8s.io=${registry.host}`,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(1);
    const rows = (JSON.parse(r.stdout) as { pods: { container: string; verdict: string; release: { status: string; message: string } }[] }).pods;
    expect(rows.map((p) => [p.container, p.verdict, p.release.status])).toEqual([
      ['api', 'pass', 'layers'],
      ['rebuilt', 'fail', 'mismatch'],
    ]);
    expect(rows[0]!.release.message).toContain("served by the registry match the SBOM's layer packages (registry.k8s.io/kube-apiserver-amd64:v1.25.4)");
    expect(rows[1]!.release.message).toContain("a release image name, but neither its digest nor its layers are the release's");
  });
});
