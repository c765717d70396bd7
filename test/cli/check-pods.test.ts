// kube-sbom check on cluster state: a `kubectl get pods -A -o json` document written in the real shape (imageIDs in
// their three forms, an init container, a pod from another registry) audited against a real registry and a release
// SBOM: what runs, signed or not, pinned or not, drift, and release image by layers.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { getTestPki, GOOGLE_ISSUER, K8S_IMAGE_IDENTITY, signImageLegacy } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { makeImage, pushImage, pushLegacySignatures, pushMultiArch, sha256, type PushTarget } from '../helpers/registry-push.js';
import { pushSignedRelease } from '../helpers/registry-sbom.js';

interface Container {
  name: string;
  image: string;
  imageID: string;
}

function pod(namespace: string, name: string, containers: Container[], init: Container[] = []) {
  const status = (c: Container, i: number) => ({
    containerID: `containerd://${sha256(Buffer.from(name + c.name)).slice(7)}`,
    image: c.image,
    imageID: c.imageID,
    lastState: {},
    name: c.name,
    ready: true,
    restartCount: i,
    started: true,
    state: { running: { startedAt: '2025-03-04T10:00:00Z' } },
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: '00000000-0000-0000-0000-000000000000', labels: { component: name } },
    spec: {
      ...(init.length > 0 ? { initContainers: init.map((c) => ({ name: c.name, image: c.image, imagePullPolicy: 'IfNotPresent' })) } : {}),
      containers: containers.map((c) => ({ name: c.name, image: c.image, imagePullPolicy: 'IfNotPresent' })),
      nodeName: 'node-1',
    },
    status: {
      phase: 'Running',
      ...(init.length > 0 ? { initContainerStatuses: init.map(status) } : {}),
      containerStatuses: containers.map(status),
    },
  };
}

interface AuditRow {
  namespace: string;
  pod: string;
  container: string;
  field: string;
  verdict: string;
  pinned: boolean;
  reference?: string;
  drift: { status: string; current?: string; message: string };
  release?: { status: string; message: string };
  policy?: { verdict: string; policies: { policy: string; passed: boolean; authorities: { code: string }[] }[] };
}

describe.skipIf(registryMissing)('kube-sbom check: cluster audit', () => {
  let registry: TestRegistry;
  let dir: string;
  let root: string;
  let sbom: string;
  let policy: string;
  let podsFile: string;
  const d = { apiIndex: '', apiAmd64: '', proxy: '', proxyOld: '', pause: '', app: '', apiAmd64Config: '' };

  const signK8s = async (target: PushTarget, repo: string, digest: string) =>
    pushLegacySignatures(target, repo, digest, [await signImageLegacy(`registry.k8s.io/${repo}`, digest)]);

  beforeAll(async () => {
    registry = await startRegistry();
    const host = registry.host;
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-audit-'));
    root = join(dir, 'trusted_root.json');
    await writeFile(root, (await getTestPki()).trustedRootText);
    const target = { url: registry.url };
    const release = await pushSignedRelease(target, 'v1.30.0', ['kube-apiserver', 'kube-proxy'], ['amd64']);
    sbom = join(dir, 'kubernetes-release.spdx');
    await writeFile(sbom, release.sbom);
    const apiAmd64 = release.images.find((i) => i.repository === 'kube-apiserver-amd64')!.image;
    d.apiAmd64 = apiAmd64.digest;
    d.apiAmd64Config = sha256(apiAmd64.config);
    // The multi-arch name the cluster pulls: an index holding the release's amd64 image, signed.
    d.apiIndex = await pushMultiArch(target, 'kube-apiserver', [apiAmd64], 'v1.30.0');
    await signK8s(target, 'kube-apiserver', d.apiIndex);
    d.proxy = release.images.find((i) => i.repository === 'kube-proxy-amd64')!.image.digest;
    // What still runs on the node: an older, signed kube-proxy; the tag has moved on since.
    d.proxyOld = await pushImage(target, 'kube-proxy-amd64', makeImage({ architecture: 'amd64', layers: 2 }), 'old');
    await signK8s(target, 'kube-proxy-amd64', d.proxyOld);
    d.pause = await pushImage(target, 'pause', makeImage({ layers: 1 }), '3.9');
    await signK8s(target, 'pause', d.pause);
    d.app = await pushImage(target, 'team/app', makeImage({ layers: 1 }), '1.0');

    policy = join(dir, 'policies.yaml');
    await writeFile(
      policy,
      `apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata: {name: k8s-release}
spec:
  images: [{glob: "registry.k8s.io/**"}]
  authorities:
    - keyless:
        identities: [{issuer: "${GOOGLE_ISSUER}", subject: "${K8S_IMAGE_IDENTITY}"}]
---
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata: {name: team}
spec:
  images: [{glob: "${host}/team/**"}]
  authorities:
    - keyless:
        identities: [{issuer: "${GOOGLE_ISSUER}", subjectRegExp: ".+@example\\\\.com"}]
`,
    );
    podsFile = join(dir, 'pods.json');
    const list = {
      apiVersion: 'v1',
      items: [
        pod(
          'kube-system',
          'kube-apiserver-node-1',
          [{ name: 'kube-apiserver', image: 'registry.k8s.io/kube-apiserver:v1.30.0', imageID: `registry.k8s.io/kube-apiserver@${d.apiIndex}` }],
          [{ name: 'wait', image: `registry.k8s.io/pause@${d.pause}`, imageID: `docker-pullable://registry.k8s.io/pause@${d.pause}` }],
        ),
        pod('kube-system', 'kube-proxy-x1', [
          {
            name: 'kube-proxy',
            image: 'registry.k8s.io/kube-proxy-amd64:v1.30.0',
            imageID: `docker-pullable://registry.k8s.io/kube-proxy-amd64@${d.proxyOld}`,
          },
        ]),
        pod('kube-system', 'apiserver-local-id', [{ name: 'api', image: 'registry.k8s.io/kube-apiserver-amd64:v1.30.0', imageID: d.apiAmd64Config }]),
        pod('team', 'app-7d9c', [{ name: 'app', image: `${host}/team/app:1.0`, imageID: `${host}/team/app@${d.app}` }]),
      ],
      kind: 'List',
      metadata: { resourceVersion: '' },
    };
    await writeFile(podsFile, `${JSON.stringify(list, null, 4)}\n`);
  });
  afterAll(async () => {
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const audit = (args: string[]) =>
    runCli(['check', ...args, '--policy', policy, '--trusted-root', root, '--registry-mirror', `registry.k8s.io=${registry.host}`]);

  it('reports per running container the digest that runs, its signature, pinning, drift and release image by layers (exit 1)', async () => {
    const r = await audit([podsFile, '--sbom', sbom, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as { images: unknown[]; podLists: string[]; pods: AuditRow[] };
    expect(doc.images).toEqual([]); // a pod list is cluster state, not manifests
    expect(doc.podLists).toEqual([podsFile]);
    const rows = doc.pods.map((p) => ({
      where: `${p.namespace}/${p.pod}/${p.container}`,
      field: p.field,
      verdict: p.verdict,
      pinned: p.pinned,
      drift: p.drift.status,
      release: p.release?.status,
      signature: p.policy?.verdict,
    }));
    expect(rows).toEqual([
      {
        where: 'kube-system/kube-apiserver-node-1/wait',
        field: 'initContainers',
        verdict: 'pass',
        pinned: true,
        drift: 'none',
        release: 'not-release',
        signature: 'pass',
      },
      {
        where: 'kube-system/kube-apiserver-node-1/kube-apiserver',
        field: 'containers',
        verdict: 'pass',
        pinned: false,
        drift: 'none',
        release: 'layers',
        signature: 'pass',
      },
      {
        where: 'kube-system/kube-proxy-x1/kube-proxy',
        field: 'containers',
        verdict: 'fail',
        pinned: false,
        drift: 'drift',
        release: 'mismatch',
        signature: 'pass',
      },
      { where: 'kube-system/apiserver-local-id/api', field: 'containers', verdict: 'pass', pinned: false, drift: 'none', release: 'layers', signature: 'pass' },
      { where: 'team/app-7d9c/app', field: 'containers', verdict: 'fail', pinned: false, drift: 'none', release: 'not-release', signature: 'fail' },
    ]);
    const proxy = doc.pods[2]!;
    expect(proxy.reference).toBe(`registry.k8s.io/kube-proxy-amd64@${d.proxyOld}`);
    expect(proxy.drift).toEqual({ status: 'drift', current: d.proxy, message: `v1.30.0 now points at ${d.proxy}; ${d.proxyOld} runs` });
    // Only the runtime's image ID: the tag's manifest with that config names the digest that runs.
    expect(doc.pods[3]!.reference).toBe(`registry.k8s.io/kube-apiserver-amd64@${d.apiAmd64}`);
    expect(doc.pods[1]!.release!.message).toMatch(
      /layer\(s\) served by the registry match the SBOM's layer packages \(registry\.k8s\.io\/kube-apiserver-amd64:v1\.30\.0\)$/,
    );
    expect(doc.pods[1]!.reference).toBe(`registry.k8s.io/kube-apiserver@${d.apiIndex}`);
    expect(doc.pods[4]!.policy!.policies[0]).toMatchObject({ policy: 'team', passed: false, authorities: [{ code: 'NO_SIGNATURES' }] });
  });

  it('prints a readable audit and its summary; --pods - reads the list from stdin', async () => {
    const r = await runCli(['check', '--pods', '-', '--policy', policy, '--trusted-root', root, '--registry-mirror', `registry.k8s.io=${registry.host}`], {
      input: await readFile(podsFile, 'utf8'),
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(
      `FAIL pod kube-system/kube-proxy-x1, container kube-proxy\n` +
        `  spec registry.k8s.io/kube-proxy-amd64:v1.30.0 (not pinned), runs registry.k8s.io/kube-proxy-amd64@${d.proxyOld}\n` +
        `  drift: drift: v1.30.0 now points at ${d.proxy}; ${d.proxyOld} runs\n` +
        `  signature: PASS: 1 matching policy satisfied\n`,
    );
    expect(r.stdout).toContain(
      `PASS pod kube-system/kube-apiserver-node-1, init container wait\n  spec registry.k8s.io/pause@${d.pause} (pinned), runs registry.k8s.io/pause@${d.pause}\n`,
    );
    expect(r.stderr).toContain('5 running container(s): 3 pass, 0 warn, 2 fail; 1 pinned, 1 drifted, 0 unknown digest or tag');
  });

  it('--sbom of an image SBOM (pkg:oci purls with digests): the running digest it lists is a release image by digest', async () => {
    const imageSbom = join(dir, 'pause.spdx.json');
    const hex = d.pause.slice('sha256:'.length);
    const purl = `pkg:oci/pause@sha256%3A${hex}?repository_url=registry.k8s.io%2Fpause&tag=3.9`;
    await writeFile(
      imageSbom,
      JSON.stringify({
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: 'pause',
        documentNamespace: 'https://example.test/pause',
        creationInfo: { created: '2025-03-04T10:00:00Z', creators: ['Tool: test'] },
        packages: [
          {
            name: 'pause',
            SPDXID: 'SPDXRef-Package-pause',
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: false,
            externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: purl }],
          },
        ],
        documentDescribes: ['SPDXRef-Package-pause'],
      }),
    );
    const r = await audit([podsFile, '--sbom', imageSbom, '--json']);
    const rows = (JSON.parse(r.stdout) as { pods: AuditRow[] }).pods;
    expect(rows.map((p) => [p.container, p.release?.status])).toEqual([
      ['wait', 'digest'],
      ['kube-apiserver', 'not-release'],
      ['kube-proxy', 'not-release'],
      ['api', 'not-release'],
      ['app', 'not-release'],
    ]);
    expect(rows[0]!.release!.message).toBe('the SBOM lists this digest (registry.k8s.io/pause:3.9)');
  });

  it("a policy whose glob names the spec's tag applies to what runs, as it applied at admission; the signature is checked at the running digest", async () => {
    const tagPolicy = join(dir, 'tag-policy.yaml');
    await writeFile(
      tagPolicy,
      `apiVersion: policy.sigstore.dev/v1beta1\nkind: ClusterImagePolicy\nmetadata: {name: apiserver-tag}\nspec:\n  images: [{glob: "registry.k8s.io/kube-apiserver:v1.30.0"}]\n  authorities:\n    - keyless:\n        identities: [{issuer: "${GOOGLE_ISSUER}", subject: "${K8S_IMAGE_IDENTITY}"}]\n`,
    );
    const r = await runCli([
      'check',
      podsFile,
      '--policy',
      tagPolicy,
      '--no-match',
      'allow',
      '--trusted-root',
      root,
      '--registry-mirror',
      `registry.k8s.io=${registry.host}`,
      '--json',
    ]);
    const rows = (JSON.parse(r.stdout) as { pods: AuditRow[] }).pods;
    const api = rows.find((p) => p.container === 'kube-apiserver')!;
    expect(api.reference).toBe(`registry.k8s.io/kube-apiserver@${d.apiIndex}`);
    expect(api.policy!.policies.map((p) => [p.policy, p.passed])).toEqual([['apiserver-tag', true]]);
    // The other containers match no policy: --no-match allow admits them.
    expect(rows.filter((p) => p !== api).every((p) => p.policy!.policies.length === 0)).toBe(true);
  });

  it('an imageID with no registry digest and no manifest to match fails closed', async () => {
    const path = join(dir, 'unknown.json');
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [pod('default', 'x', [{ name: 'c', image: 'registry.k8s.io/pause:3.9', imageID: `sha256:${'0'.repeat(64)}` }])],
    };
    await writeFile(path, JSON.stringify(list));
    const r = await audit([path, '--json']);
    expect(r.code).toBe(1);
    const [row] = (JSON.parse(r.stdout) as { pods: AuditRow[] }).pods;
    expect(row).toMatchObject({ verdict: 'fail', drift: { status: 'unknown' } });
    expect(row!.drift.message).toContain(`only its local image ID sha256:${'0'.repeat(64)}`);
  });
});
