// kube-sbom policy: the ClusterImagePolicy and Kyverno ClusterPolicy for a release's images, and the round trip:
// `check` with the written ClusterImagePolicy admits the release's images on a real registry (test PKI identity)
// and rejects an image of the same repository signed by someone else.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { getTestPki, signImageLegacy } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { makeImage, pushImage, pushLegacySignatures } from '../helpers/registry-push.js';
import { pushSignedRelease } from '../helpers/registry-sbom.js';

describe.skipIf(registryMissing)('kube-sbom policy', () => {
  let registry: TestRegistry;
  let dir: string;
  let root: string;
  let sbom: string;
  let apiserverArm64: string;

  beforeAll(async () => {
    registry = await startRegistry();
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-policy-'));
    root = join(dir, 'trusted_root.json');
    await writeFile(root, (await getTestPki()).trustedRootText);
    const target = { url: registry.url };
    const release = await pushSignedRelease(target, 'v1.30.0', ['kube-apiserver', 'kube-proxy'], ['amd64', 'arm64']);
    apiserverArm64 = release.images.find((i) => i.repository === 'kube-apiserver-arm64')!.image.digest;
    sbom = join(dir, 'kubernetes-release.spdx');
    await writeFile(sbom, release.sbom);
    // Same repository, another signer: the policy must not admit it.
    const evil = await pushImage(target, 'kube-proxy-amd64', makeImage({ layers: 3 }), 'evil');
    await pushLegacySignatures(target, 'kube-proxy-amd64', evil, [
      await signImageLegacy('registry.k8s.io/kube-proxy-amd64', evil, { identity: 'mallory@example.com' }),
    ]);
  });
  afterAll(async () => {
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const testInstance = ['--fulcio-url', 'https://fulcio.kube-sbom.test', '--ctlog-url', 'https://rekor.kube-sbom.test'];

  it('writes a ClusterImagePolicy for the release: one glob per repository, the image signer, Fulcio and Rekor', async () => {
    const out = join(dir, 'cip.yaml');
    const r = await runCli(['policy', sbom, ...testInstance, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote ${out}: ClusterImagePolicy kubernetes-v1-30-0`);
    expect(await readFile(out, 'utf8')).toBe(`# Written by kube-sbom policy from ${sbom}: 2 repositories of the release,
# admitted only when signed by krel-trust@k8s-releng-prod.iam.gserviceaccount.com (issuer https://accounts.google.com).
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata:
  name: kubernetes-v1-30-0
spec:
  mode: enforce
  images:
    - glob: registry.k8s.io/kube-apiserver*
    - glob: registry.k8s.io/kube-proxy*
  authorities:
    - name: kubernetes-release-signer
      keyless:
        url: https://fulcio.kube-sbom.test
        identities:
          - issuer: https://accounts.google.com
            subject: krel-trust@k8s-releng-prod.iam.gserviceaccount.com
      ctlog:
        url: https://rekor.kube-sbom.test
`);
  });

  it('round trip: check with the written policy admits the release images (per-arch tags and digests) and rejects another signer', async () => {
    const out = join(dir, 'cip-round-trip.yaml');
    expect((await runCli(['policy', sbom, ...testInstance, '-o', out])).code).toBe(0);
    const manifests = join(dir, 'control-plane.yaml');
    await writeFile(
      manifests,
      `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: kube-proxy}
spec:
  template:
    spec:
      containers:
        - {name: kube-proxy, image: registry.k8s.io/kube-proxy-arm64:v1.30.0}
---
apiVersion: v1
kind: Pod
metadata: {name: kube-apiserver}
spec:
  containers:
    - {name: kube-apiserver, image: registry.k8s.io/kube-apiserver-amd64:v1.30.0}
    - {name: pinned, image: "registry.k8s.io/kube-apiserver-arm64@${apiserverArm64}"}
`,
    );
    const check = (path: string) =>
      runCli(['check', path, '--policy', out, '--trusted-root', root, '--registry-mirror', `registry.k8s.io=${registry.host}`, '--json']);
    const ok = await check(manifests);
    expect(ok.code, ok.stderr).toBe(0);
    const images = JSON.parse(ok.stdout).images as { image: string; verdict: string; policies: { passedBy?: string }[] }[];
    expect(images.map((i) => [i.image, i.verdict, i.policies[0]?.passedBy])).toEqual([
      ['registry.k8s.io/kube-proxy-arm64:v1.30.0', 'pass', 'kubernetes-release-signer'],
      ['registry.k8s.io/kube-apiserver-amd64:v1.30.0', 'pass', 'kubernetes-release-signer'],
      [`registry.k8s.io/kube-apiserver-arm64@${apiserverArm64}`, 'pass', 'kubernetes-release-signer'],
    ]);
    const evil = join(dir, 'evil.yaml');
    await writeFile(evil, 'kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: p, image: registry.k8s.io/kube-proxy-amd64:evil}]\n');
    const bad = await check(evil);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).images[0]).toMatchObject({ verdict: 'fail', policies: [{ passed: false, authorities: [{ code: 'IDENTITY_MISMATCH' }] }] });
  });

  it('writes a Kyverno ClusterPolicy: verifyImages for Pods with a keyless attestor (subject, issuer, Rekor url)', async () => {
    const r = await runCli(['policy', sbom, '--format', 'kyverno', '--mode', 'warn', '--name', 'k8s-images']);
    expect(r.code, r.stderr).toBe(0);
    const doc = parse(r.stdout) as { spec: { rules: { match: unknown; verifyImages: unknown }[] } };
    expect(doc).toMatchObject({
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: 'k8s-images' },
      spec: { validationFailureAction: 'Audit' },
    });
    expect(doc.spec.rules[0]!.match).toEqual({ any: [{ resources: { kinds: ['Pod'] } }] });
    expect(doc.spec.rules[0]!.verifyImages).toEqual([
      {
        imageReferences: ['registry.k8s.io/kube-apiserver*', 'registry.k8s.io/kube-proxy*'],
        mutateDigest: true,
        verifyDigest: true,
        required: true,
        attestors: [
          {
            entries: [
              {
                keyless: {
                  subject: 'krel-trust@k8s-releng-prod.iam.gserviceaccount.com',
                  issuer: 'https://accounts.google.com',
                  rekor: { url: 'https://rekor.sigstore.dev' },
                },
              },
            ],
          },
        ],
      },
    ]);
  });

  it('--json writes the same ClusterImagePolicy as one JSON document', async () => {
    const yaml = await runCli(['policy', sbom, ...testInstance]);
    const json = await runCli(['policy', sbom, ...testInstance, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(parse(yaml.stdout));
  });

  it('refuses a name Kubernetes would refuse, and an SBOM without images', async () => {
    const r = await runCli(['policy', sbom, '--name', 'Not_A_Name']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--name Not_A_Name: a Kubernetes object name is lowercase letters, digits and '-'");
    const empty = join(dir, 'empty.spdx');
    await writeFile(
      empty,
      'SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: x\nDocumentNamespace: https://x/y\nCreator: Tool: t\nCreated: 2025-03-04T10:00:00Z\n',
    );
    const none = await runCli(['policy', empty]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('the SBOM lists no container images');
  });
});
