// kube-sbom pin against a real docker-registry: a folder of manifests pinned byte for byte, --write, --check, --json,
// and references it must not pin (unsigned, another signer, an already pinned digest nobody signed).
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { getTestPki, signImageLegacy } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { makeImage, pushImage, pushLegacySignatures, type PushTarget } from '../helpers/registry-push.js';

async function pushSigned(target: PushTarget, repository: string, tag: string, signer: { registry: string; identity?: string }): Promise<string> {
  const digest = await pushImage(target, repository, makeImage(), tag);
  const options = signer.identity ? { identity: signer.identity } : {};
  await pushLegacySignatures(target, repository, digest, [await signImageLegacy(`${signer.registry}/${repository}`, digest, options)]);
  return digest;
}

describe.skipIf(registryMissing)('kube-sbom pin', () => {
  let registry: TestRegistry;
  let dir: string;
  let root: string;
  const d = { apiserver: '', etcd: '', pause: '', other: '', unsigned: '', unsignedPause: '' };
  const files = { deploy: '', staticPod: '', other: '' };
  let original: Record<keyof typeof files, string>;
  let expected: Record<keyof typeof files, string>;

  beforeAll(async () => {
    registry = await startRegistry();
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-pin-'));
    root = join(dir, 'trusted_root.json');
    await writeFile(root, (await getTestPki()).trustedRootText);
    const target = { url: registry.url };
    const k8s = { registry: 'registry.k8s.io' };
    d.apiserver = await pushSigned(target, 'kube-apiserver', 'v1.30.0', k8s);
    d.etcd = await pushSigned(target, 'etcd', '3.5.12-0', k8s);
    d.pause = await pushSigned(target, 'pause', '3.9', k8s);
    d.other = await pushSigned(target, 'team/app', '1.0', { registry: registry.host, identity: 'builder@example.com' });
    d.unsigned = await pushImage(target, 'unsigned', makeImage(), 'v1');
    // In a repository whose other image is signed: a digest of the right repository proves nothing by itself.
    d.unsignedPause = await pushImage(target, 'pause', makeImage({ layers: 2 }), 'evil');
    original = {
      deploy: `# Control-plane helpers, several documents.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api   # the API server
spec:
  template:
    spec:
      initContainers:
        - name: etcd-check
          image: registry.k8s.io/etcd:3.5.12-0
      containers:
        - name: api
          image: 'registry.k8s.io/kube-apiserver:v1.30.0'  # single-quoted
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec: {ports: [{port: 443}]}
---
kind: CronJob
apiVersion: batch/v1
metadata: {name: pause}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: p, image: "registry.k8s.io/pause@${d.pause}"}]
`,
      staticPod: `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    component: kube-apiserver
    tier: control-plane
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-apiserver
    - --advertise-address=10.0.0.10
    image: registry.k8s.io/kube-apiserver:v1.30.0
    imagePullPolicy: IfNotPresent
    name: kube-apiserver
  hostNetwork: true
status: {}
`,
      other: `{
  "apiVersion": "v1",
  "kind": "List",
  "items": [
    {
      "kind": "Pod",
      "metadata": { "name": "app" },
      "spec": {
        "containers": [
          { "name": "app", "image": "${registry.host}/team/app:1.0" },
          { "name": "sidecar", "image": "registry.k8s.io/etcd:3.5.12-0" }
        ]
      }
    }
  ]
}
`,
    };
    expected = {
      deploy: original.deploy
        .replace('image: registry.k8s.io/etcd:3.5.12-0', `image: registry.k8s.io/etcd@${d.etcd}`)
        .replace("'registry.k8s.io/kube-apiserver:v1.30.0'", `'registry.k8s.io/kube-apiserver@${d.apiserver}'`),
      staticPod: original.staticPod.replace('kube-apiserver:v1.30.0', `kube-apiserver@${d.apiserver}`),
      other: original.other.replace('"registry.k8s.io/etcd:3.5.12-0"', `"registry.k8s.io/etcd@${d.etcd}"`),
    };
  });
  afterAll(async () => {
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A fresh copy of the manifests folder (and a README that is not a manifest). */
  async function manifests(name: string): Promise<string> {
    const folder = join(dir, name);
    await mkdir(join(folder, 'static'), { recursive: true });
    files.deploy = join(folder, 'deploy.yaml');
    files.staticPod = join(folder, 'static', 'kube-apiserver.yaml');
    files.other = join(folder, 'other.json');
    for (const key of Object.keys(files) as (keyof typeof files)[]) await writeFile(files[key], original[key]);
    await writeFile(join(folder, 'README.md'), 'image: registry.k8s.io/pause:3.9\n');
    return folder;
  }
  const read = async () => ({
    deploy: await readFile(files.deploy, 'utf8'),
    staticPod: await readFile(files.staticPod, 'utf8'),
    other: await readFile(files.other, 'utf8'),
  });
  const pin = (args: string[]) => runCli(['pin', ...args, '--trusted-root', root, '--registry-mirror', `registry.k8s.io=${registry.host}`]);

  it('prints a unified diff of the verified images and changes no file; another signer is not pinned, with the reason (exit 1)', async () => {
    const folder = await manifests('diff');
    const r = await pin([folder]);
    expect(r.stdout).toBe(`--- a/${files.deploy}
+++ b/${files.deploy}
@@ -8,10 +8,10 @@
     spec:
       initContainers:
         - name: etcd-check
-          image: registry.k8s.io/etcd:3.5.12-0
+          image: registry.k8s.io/etcd@${d.etcd}
       containers:
         - name: api
-          image: 'registry.k8s.io/kube-apiserver:v1.30.0'  # single-quoted
+          image: 'registry.k8s.io/kube-apiserver@${d.apiserver}'  # single-quoted
 ---
 apiVersion: v1
 kind: Service
--- a/${files.other}
+++ b/${files.other}
@@ -8,7 +8,7 @@
       "spec": {
         "containers": [
           { "name": "app", "image": "${registry.host}/team/app:1.0" },
-          { "name": "sidecar", "image": "registry.k8s.io/etcd:3.5.12-0" }
+          { "name": "sidecar", "image": "registry.k8s.io/etcd@${d.etcd}" }
         ]
       }
     }
--- a/${files.staticPod}
+++ b/${files.staticPod}
@@ -12,7 +12,7 @@
   - command:
     - kube-apiserver
     - --advertise-address=10.0.0.10
-    image: registry.k8s.io/kube-apiserver:v1.30.0
+    image: registry.k8s.io/kube-apiserver@${d.apiserver}
     imagePullPolicy: IfNotPresent
     name: kube-apiserver
   hostNetwork: true
`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${files.other}:10: ${registry.host}/team/app:1.0 not pinned: not verified: none of 1 signature(s) verified; ` + `${registry.host}/team/app:sha256-`,
    );
    expect(r.stderr).toContain(`; ${registry.host} is not registry.k8s.io and was checked against the default signer krel-trust@`);
    expect(r.stderr).toContain('6 image(s) in 3 file(s): 4 pinned to a verified digest (3 file(s) changed), 1 already pinned and verified, 1 not verified');
    expect(await read()).toEqual(original);
  });

  it('the diff of relative paths applies with patch -p1 and gives the same bytes as --write', async () => {
    await manifests('patched');
    const r = await runCli(['pin', 'patched', '--trusted-root', root, '--registry-mirror', `registry.k8s.io=${registry.host}`], { cwd: dir });
    expect(r.stdout).toContain('--- a/patched/deploy.yaml\n+++ b/patched/deploy.yaml\n');
    const applied = spawnSync('patch', ['-p1', '--forward', '--batch'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
    expect(applied.status, applied.stdout + applied.stderr).toBe(0);
    expect(await read()).toEqual(expected);
  });

  it('--write rewrites the files byte for byte as expected, after which --check passes', async () => {
    await manifests('write');
    const r = await pin([files.deploy, files.staticPod, files.other, '--write']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(await read()).toEqual(expected);
    const check = await pin([files.deploy, files.staticPod, '--check']);
    expect(check).toMatchObject({ code: 0, stdout: '' });
    expect(check.stderr).toContain('4 image(s) in 2 file(s): 0 verified but not pinned, 4 already pinned and verified, 0 not verified');
    // Nothing left to change: a second --write leaves the bytes as they are.
    expect((await pin([files.deploy, files.staticPod, '--write'])).code).toBe(0);
    expect(await read()).toEqual(expected);
  });

  it('--check lists every image that is not pinned to a verified digest (exit 1), and changes nothing', async () => {
    const folder = await manifests('check');
    const r = await pin([folder, '--check']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      `${files.deploy}:11: registry.k8s.io/etcd:3.5.12-0: not pinned (verified, would be registry.k8s.io/etcd@${d.etcd})`,
      `${files.deploy}:14: registry.k8s.io/kube-apiserver:v1.30.0: not pinned (verified, would be registry.k8s.io/kube-apiserver@${d.apiserver})`,
      expect.stringMatching(new RegExp(`^${files.other}:10: ${registry.host}/team/app:1\\.0: not verified: .*\\[IDENTITY_MISMATCH\\]$`)),
      `${files.other}:11: registry.k8s.io/etcd:3.5.12-0: not pinned (verified, would be registry.k8s.io/etcd@${d.etcd})`,
      `${files.staticPod}:15: registry.k8s.io/kube-apiserver:v1.30.0: not pinned (verified, would be registry.k8s.io/kube-apiserver@${d.apiserver})`,
      '',
    ]);
    expect(await read()).toEqual(original);
  });

  it('--check fails on an unsigned image and on an already pinned digest that no one signed; --write leaves both', async () => {
    const file = join(dir, 'unsigned.yaml');
    const text = `kind: Pod
spec:
  containers:
  - {name: a, image: registry.k8s.io/unsigned:v1}
  - {name: b, image: registry.k8s.io/pause@${d.unsignedPause}}
  - {name: c, image: "registry.k8s.io/pause@${d.pause}"}
`;
    await writeFile(file, text);
    const check = await pin([file, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      new RegExp(`^${file}:4: registry\\.k8s\\.io/unsigned:v1: not verified: no signatures found for ${d.unsigned} .*\\[NO_SIGNATURES\\]$`, 'm'),
    );
    expect(check.stdout).toMatch(new RegExp(`^${file}:5: registry\\.k8s\\.io/pause@${d.unsignedPause}: not verified: .*\\[NO_SIGNATURES\\]$`, 'm'));
    expect(check.stdout).not.toContain(`:6:`);
    const write = await pin([file, '--write']);
    expect(write.code).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('an image of another registry is pinned under the policy given for it, and then the Kubernetes images are not', async () => {
    await manifests('policy');
    const r = await pin([files.other, '--certificate-identity', 'builder@example.com', '--write']);
    expect(r.code).toBe(1);
    expect(await readFile(files.other, 'utf8')).toBe(original.other.replace('team/app:1.0', `team/app@${d.other}`));
    expect(r.stderr).toMatch(
      /other\.json:11: registry\.k8s\.io\/etcd:3\.5\.12-0 not pinned: not verified: .*expected identity builder@example\.com \[IDENTITY_MISMATCH\]\n/,
    );
  });

  it('--json: one document with every image, its status and the diff', async () => {
    await manifests('json');
    const r = await pin([files.staticPod, files.other, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ mode: 'diff', ok: false });
    expect(doc.files.map((f: { path: string; changed: boolean }) => [f.path, f.changed])).toEqual([
      [files.staticPod, true],
      [files.other, true],
    ]);
    expect(doc.files[1].images.map((i: { status: string; code: string; line: number }) => [i.line, i.status, i.code])).toEqual([
      [10, 'failed', 'IDENTITY_MISMATCH'],
      [11, 'pinned', 'OK'],
    ]);
    expect(doc.files[0].images[0]).toMatchObject({
      kind: 'Pod',
      object: 'kube-apiserver',
      container: 'kube-apiserver',
      field: 'containers',
      digest: d.apiserver,
    });
    expect(doc.files[0].diff).toContain(`+    image: registry.k8s.io/kube-apiserver@${d.apiserver}\n`);
  });

  it('usage errors exit 2 before any registry is asked; a missing file exits 3; a broken manifest exits 1 with its line', async () => {
    const folder = await manifests('usage');
    expect((await pin([folder, '--write', '--check'])).code).toBe(2);
    expect((await runCli(['pin', folder, '--offline', '--trusted-root', root, '--registry-mirror', 'registry.k8s.io=registry.example.com'])).code).toBe(2);
    const { freePort } = await import('../helpers/registry.js');
    const unreachable = await runCli(['pin', folder, '--trusted-root', root, '--registry-mirror', `registry.k8s.io=127.0.0.1:${await freePort()}`]);
    expect(unreachable).toMatchObject({ code: 3, stdout: '' });
    expect(unreachable.stderr).toMatch(/^kube-sbom: .*\[REGISTRY_UNREACHABLE\]\n$/);
    expect((await pin([folder, '--concurrency', '0'])).code).toBe(2);
    const missing = await pin([join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('[FILE_NOT_FOUND]');
    const latin1 = join(dir, 'latin1.yaml');
    await writeFile(latin1, Buffer.from('# caf\xe9\nkind: Pod\n', 'latin1'));
    const notUtf8 = await pin([latin1]);
    expect(notUtf8.code).toBe(1);
    expect(notUtf8.stderr).toBe(`kube-sbom: ${latin1}: not UTF-8 text; Kubernetes manifests are UTF-8 [MANIFEST_INVALID]\n`);
    const broken = join(dir, 'broken.yaml');
    await writeFile(broken, 'kind: Pod\nspec: {containers: [\n');
    const r = await pin([broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^kube-sbom: ${broken}:\\d+:\\d+: not valid YAML or JSON: .*\\[MANIFEST_INVALID\\]\\n$`));
  });
});
