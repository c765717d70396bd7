// kube-sbom mirror VERSION --sbom: the release SBOM, verified, carried with its checksums, signature, certificate
// and Sigstore bundle as one OCI artifact beside the images (in an OCI layout here, read back by skopeo).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { getTestPki } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { pushSignedRelease, type PushedRelease } from '../helpers/registry-sbom.js';
import { publishSigned } from '../helpers/release-fixture.js';
import { ReleaseMirror } from '../helpers/release-mirror.js';

const VERSION = 'v1.99.0';
const sha256hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.skipIf(registryMissing)('kube-sbom mirror --sbom', () => {
  let registry: TestRegistry;
  let dir: string;
  let root: string;
  let release: PushedRelease;
  let mirror: ReleaseMirror;
  let flags: string[];

  beforeAll(async () => {
    registry = await startRegistry();
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-mirror-sbom-'));
    root = join(dir, 'trusted_root.json');
    await writeFile(root, (await getTestPki()).trustedRootText);
    release = await pushSignedRelease({ url: registry.url }, VERSION, ['kube-proxy'], ['amd64']);
    const site = join(dir, 'site');
    await publishSigned(site, join('sbom', VERSION, 'release'), Buffer.from(release.sbom));
    await mkdir(join(site, 'dl', 'release'), { recursive: true });
    await writeFile(join(site, 'dl', 'release', 'stable.txt'), VERSION);
    mirror = await ReleaseMirror.start(site);
    flags = [
      '--sbom-url',
      mirror.sbomUrl,
      '--dl-url',
      mirror.dlUrl,
      '--rekor-url',
      mirror.rekorUrl,
      '--cache-dir',
      join(dir, 'cache'),
      '--trusted-root',
      root,
      '--registry-mirror',
      `registry.k8s.io=${registry.host}`,
    ];
  });
  afterAll(async () => {
    await mirror?.close();
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('carries the SBOM and its proof into the OCI layout as an artifact tagged with the version', async () => {
    const layout = join(dir, 'layout');
    const r = await runCli(['mirror', 'stable', '--to', `oci-layout:${layout}`, '--sbom', '--json', ...flags]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ total: 1, mirrored: 1 });
    expect(doc.sbom.reference).toBe(`sbom.k8s.io/kubernetes-release-sbom:${VERSION}`);

    const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8'));
    const entry = index.manifests.find(
      (m: { annotations?: Record<string, string> }) => m.annotations?.['org.opencontainers.image.ref.name'] === doc.sbom.reference,
    );
    expect(entry.digest).toBe(doc.sbom.digest);
    const manifest = JSON.parse(await readFile(join(layout, 'blobs', 'sha256', entry.digest.slice(7)), 'utf8'));
    const titles = manifest.layers.map((l: { annotations: Record<string, string> }) => l.annotations['org.opencontainers.image.title']);
    expect(titles.sort()).toEqual([
      'release',
      'release.cert',
      'release.rekor.json',
      'release.sha256',
      'release.sha512',
      'release.sig',
      'release.sigstore.json',
    ]);
    const sbomLayer = manifest.layers.find((l: { annotations: Record<string, string> }) => l.annotations['org.opencontainers.image.title'] === 'release');
    expect(sbomLayer.digest).toBe(`sha256:${sha256hex(Buffer.from(release.sbom))}`);
    const sums = manifest.layers.find((l: { annotations: Record<string, string> }) => l.annotations['org.opencontainers.image.title'] === 'release.sha256');
    expect(await readFile(join(layout, 'blobs', 'sha256', sums.digest.slice(7)), 'utf8')).toContain(sha256hex(Buffer.from(release.sbom)));

    if (spawnSync('sh', ['-c', 'command -v skopeo']).status !== 0) return;
    const raw = spawnSync('skopeo', ['inspect', '--raw', `oci:${layout}:${doc.sbom.reference}`]);
    expect(raw.status, raw.stderr.toString()).toBe(0);
    expect(`sha256:${sha256hex(raw.stdout)}`).toBe(doc.sbom.digest);
  });

  it('--sbom needs a release, not a list or a file (exit 2)', async () => {
    const list = join(dir, 'list.txt');
    await writeFile(list, `registry.k8s.io/kube-proxy-amd64:${VERSION}\n`);
    expect((await runCli(['mirror', '--from', list, '--to', `oci-layout:${join(dir, 'x')}`, '--sbom', ...flags])).code).toBe(2);
    const file = join(dir, 'release.spdx');
    await writeFile(file, release.sbom);
    const r = await runCli(['mirror', file, '--to', `oci-layout:${join(dir, 'y')}`, '--sbom', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sbom');
  });
});
