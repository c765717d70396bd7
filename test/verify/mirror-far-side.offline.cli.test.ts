// mirror, then the far side: images copied by `kube-sbom mirror` (a multi-arch index with a legacy .sig, an image
// with a bundle referrer; and a release SBOM's per-arch images) into a second docker-registry under a prefix, or
// into an OCI layout, then verified inside a network namespace (test/helpers/netns.ts) that reaches nothing but a
// docker-registry serving the target's storage on the same 127.0.0.1:PORT, or the layout folder.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { MIRROR_TAG, pushMirrorFixture, type MirrorFixture } from '../helpers/mirror-fixture.js';
import { netnsMissing, netnsRegistry, runCliOffline, type NetnsRegistry } from '../helpers/netns.js';
import { getTestPki } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { pushSignedRelease, type PushedRelease } from '../helpers/registry-sbom.js';

const PREFIX = 'airgap/k8s';

interface ImagesJson {
  verified: boolean;
  summary: { total: number; verified: number; failed: number };
  images: Array<{ reference: string; digest: string; verified: boolean; code: string; signatures: Array<{ kind: string; verified: boolean }> }>;
}

describe.skipIf(registryMissing || netnsMissing)('mirror, then verify on the far side with no network', () => {
  let source: TestRegistry;
  let target: TestRegistry;
  let offlineTarget: NetnsRegistry;
  let dir: string;
  let root: string;
  let fixture: MirrorFixture;
  let release: PushedRelease;
  let sbomFile: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-mirror-far-side-'));
    root = join(dir, 'trusted_root.json');
    await writeFile(root, (await getTestPki()).trustedRootText);
    source = await startRegistry();
    fixture = await pushMirrorFixture(source.url, dir);
    release = await pushSignedRelease({ url: source.url }, MIRROR_TAG, ['kube-scheduler'], ['amd64', 'arm64']);
    sbomFile = join(dir, 'release.spdx');
    await writeFile(sbomFile, release.sbom);
    target = await startRegistry();
    // Inside the namespace the target's storage is served on the same port, so the mirror names stay the same.
    offlineTarget = netnsRegistry(join(target.dir, 'data'), dir, Number(target.host.split(':')[1]));
  });
  afterAll(async () => {
    await source?.stop();
    await target?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const sourceFlags = () => ['--trusted-root', root, '--registry-mirror', `registry.k8s.io=${source.host}`];
  const targetMirror = () => ['--registry-mirror', `registry.k8s.io=${target.host}/${PREFIX}`];

  it('mirror --to HOST/PREFIX, then verify-images --registry-mirror registry.k8s.io=HOST/PREFIX passes offline', async () => {
    const copied = await runCli(['mirror', '--from', fixture.listFile, '--to', `${target.host}/${PREFIX}`, ...sourceFlags(), '--json']);
    expect(copied.code, copied.stdout + copied.stderr).toBe(0);
    const sbomCopy = await runCli(['mirror', sbomFile, '--to', `${target.host}/${PREFIX}`, ...sourceFlags(), '--json']);
    expect(sbomCopy.code, sbomCopy.stdout + sbomCopy.stderr).toBe(0);

    const list = await runCliOffline(['verify-images', '--from', fixture.listFile, '--trusted-root', root, ...targetMirror(), '--json'], {
      registry: offlineTarget,
    });
    expect(list.code, list.stdout + list.stderr).toBe(0);
    const doc = JSON.parse(list.stdout) as ImagesJson;
    expect(doc.summary).toMatchObject({ total: 2, verified: 2, failed: 0 });
    const byName = (name: string) => doc.images.find((i) => i.reference.includes(name))!;
    // The multi-arch index, verified at the digest the source signed, through its carried .sig tag.
    expect(byName('kube-apiserver')).toMatchObject({ verified: true, digest: fixture.apiserver.digest });
    expect(
      byName('kube-apiserver')
        .signatures.filter((s) => s.verified)
        .map((s) => s.kind),
    ).toContain('cosign-legacy');
    // The bundle referrer, found offline through the fallback tag mirror wrote under the prefix.
    expect(byName('kube-proxy')).toMatchObject({ verified: true, digest: fixture.proxy.digest });

    // The release SBOM's images: signatures and every layer the SBOM lists, read from the prefix offline.
    const sbom = await runCliOffline(['verify-images', sbomFile, '--trusted-root', root, ...targetMirror(), '--json'], { registry: offlineTarget });
    expect(sbom.code, sbom.stdout + sbom.stderr).toBe(0);
    expect((JSON.parse(sbom.stdout) as ImagesJson).summary).toMatchObject({ total: 2, verified: 2, failed: 0 });
  });

  it('control: the same run offline against the prefix-less name, where mirror put nothing, fails', async () => {
    const r = await runCliOffline(
      ['verify-images', '--from', fixture.listFile, '--trusted-root', root, '--registry-mirror', `registry.k8s.io=${target.host}`, '--json'],
      {
        registry: offlineTarget,
      },
    );
    expect(r.code, r.stderr).toBe(1);
    expect((JSON.parse(r.stdout) as ImagesJson).summary).toMatchObject({ total: 2, verified: 0, failed: 2 });
  });

  it('mirror --to oci-layout:DIR, then verify-images --oci-layout DIR passes offline', async () => {
    const layout = join(dir, 'layout');
    const copied = await runCli(['mirror', '--from', fixture.listFile, '--to', `oci-layout:${layout}`, ...sourceFlags(), '--json']);
    expect(copied.code, copied.stdout + copied.stderr).toBe(0);
    const sbomCopy = await runCli(['mirror', sbomFile, '--to', `oci-layout:${layout}`, ...sourceFlags(), '--json']);
    expect(sbomCopy.code, sbomCopy.stdout + sbomCopy.stderr).toBe(0);

    const list = await runCliOffline(['verify-images', '--from', fixture.listFile, '--trusted-root', root, '--oci-layout', layout, '--json']);
    expect(list.code, list.stdout + list.stderr).toBe(0);
    const doc = JSON.parse(list.stdout) as ImagesJson;
    expect(doc.summary).toMatchObject({ total: 2, verified: 2, failed: 0 });
    expect(doc.images.map((i) => i.digest).sort()).toEqual([fixture.apiserver.digest, fixture.proxy.digest].sort());
    const sbom = await runCliOffline(['verify-images', sbomFile, '--trusted-root', root, '--oci-layout', layout, '--json']);
    expect(sbom.code, sbom.stdout + sbom.stderr).toBe(0);
    expect((JSON.parse(sbom.stdout) as ImagesJson).summary).toMatchObject({ total: 2, verified: 2, failed: 0 });
  });
});
