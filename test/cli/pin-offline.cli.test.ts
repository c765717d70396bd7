// kube-sbom pin on the far side of an air gap: images in a private mirror that kept no signature tags, signatures
// carried as bundles (verify-images --bundle-dir on the connected side), read by pin --bundles-from inside a network
// namespace that reaches nothing but a docker-registry serving the mirror's storage (test/helpers/netns.ts).
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { netnsMissing, netnsRegistry, runCliOffline, type NetnsRegistry } from '../helpers/netns.js';
import { getTestPki } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { pushImage } from '../helpers/registry-push.js';
import { pushSignedRelease, type PushedRelease } from '../helpers/registry-sbom.js';

const VERSION = 'v1.99.0';

interface PinJson {
  ok: boolean;
  files: Array<{ path: string; changed: boolean; images: Array<{ image: string; status: string; code?: string; reason?: string }> }>;
}

describe.skipIf(registryMissing || netnsMissing)('kube-sbom pin --bundles-from, offline', () => {
  let connected: TestRegistry;
  let mirror: TestRegistry;
  let offlineMirror: NetnsRegistry;
  let dir: string;
  let root: string;
  let carried: string;
  let manifest: string;
  let release: PushedRelease;
  const mirrorFlag = () => ['--registry-mirror', `registry.k8s.io=127.0.0.1:${offlineMirror.port}/k8s`];
  const digestOf = (repository: string) => release.images.find((i) => i.repository === repository)!.image.digest;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-pin-offline-'));
    root = join(dir, 'trusted_root.json');
    await writeFile(root, (await getTestPki()).trustedRootText);
    connected = await startRegistry();
    release = await pushSignedRelease({ url: connected.url }, VERSION, ['kube-proxy'], ['amd64', 'arm64']);
    // The mirror holds the images under k8s/ and no signature at all (copied by a tool that drops them).
    mirror = await startRegistry();
    for (const i of release.images) await pushImage({ url: mirror.url }, `k8s/${i.repository}`, i.image, VERSION);
    offlineMirror = netnsRegistry(join(mirror.dir, 'data'), dir, Number(mirror.host.split(':')[1]));
    const list = join(dir, 'images.txt');
    await writeFile(list, release.images.map((i) => `registry.k8s.io/${i.repository}:${VERSION}\n`).join(''));
    carried = join(dir, 'carried');
    const wrote = await runCli([
      'verify-images',
      '--from',
      list,
      '--trusted-root',
      root,
      '--registry-mirror',
      `registry.k8s.io=${connected.host}`,
      '--bundle-dir',
      carried,
    ]);
    expect(wrote.code, wrote.stderr).toBe(0);
    manifest = join(dir, 'ds.yaml');
    await writeFile(
      manifest,
      `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: kube-proxy}
spec:
  template:
    spec:
      containers:
        - name: amd64
          image: registry.k8s.io/kube-proxy-amd64:${VERSION}   # amd64 nodes
        - name: arm64
          image: registry.k8s.io/kube-proxy-arm64:${VERSION}
`,
    );
  });
  afterAll(async () => {
    await connected?.stop();
    await mirror?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('pins every image through the mirror with the carried bundles, with no network', async () => {
    const r = await runCliOffline(['pin', manifest, '--trusted-root', root, ...mirrorFlag(), '--bundles-from', carried], { registry: offlineMirror });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`+          image: registry.k8s.io/kube-proxy-amd64@${digestOf('kube-proxy-amd64')}   # amd64 nodes`);
    expect(r.stdout).toContain(`+          image: registry.k8s.io/kube-proxy-arm64@${digestOf('kube-proxy-arm64')}`);
    // --bundles-from only reads: the folder is as verify-images left it.
    expect((await readdir(carried)).length).toBe(4);
  });

  it('without the bundles, or with one changed by a byte, the image is not pinned (exit 1)', async () => {
    const bare = await runCliOffline(['pin', manifest, '--trusted-root', root, ...mirrorFlag(), '--json'], { registry: offlineMirror });
    expect(bare.code, bare.stderr).toBe(1);
    const bareDoc = JSON.parse(bare.stdout) as PinJson;
    expect(bareDoc.files[0]!.changed).toBe(false);
    expect(bareDoc.files[0]!.images.map((i) => i.code)).toEqual(['NO_SIGNATURES', 'NO_SIGNATURES']);
    expect(bareDoc.files[0]!.images[0]!.reason).toContain('--bundles-from DIR');

    const changed = join(dir, 'changed');
    await mkdir(changed);
    for (const name of await readdir(carried)) await copyFile(join(carried, name), join(changed, name));
    const target = `${digestOf('kube-proxy-arm64').replace(':', '-')}-0.sigstore.json`;
    const json = JSON.parse(await readFile(join(changed, target), 'utf8')) as { messageSignature: { signature: string } };
    const signature = Buffer.from(json.messageSignature.signature, 'base64');
    signature[10]! ^= 0x01;
    json.messageSignature.signature = signature.toString('base64');
    await writeFile(join(changed, target), JSON.stringify(json));
    const r = await runCliOffline(['pin', manifest, '--trusted-root', root, ...mirrorFlag(), '--bundles-from', changed, '--json'], {
      registry: offlineMirror,
    });
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as PinJson;
    expect(doc.files[0]!.images.map((i) => [i.status, i.code])).toEqual([
      ['pinned', 'OK'],
      ['failed', 'SIGNATURE_INVALID'],
    ]);
  });

  it('pin has no --bundle-dir: it never writes bundles (exit 2)', async () => {
    const r = await runCli(['pin', manifest, '--bundle-dir', join(dir, 'out')]);
    expect(r.code).toBe(2);
  });
});
