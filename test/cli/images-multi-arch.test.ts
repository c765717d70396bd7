// images --multi-arch: per-architecture entries folded into the multi-arch reference (every format), and with --pin
// the index digest from a real docker-registry, proven to hold the SBOM's layers for every platform the SBOM lists.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { parseCsv } from '../helpers/csv-parse.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { makeImage, pushMultiArch, type TestImage } from '../helpers/registry-push.js';
import { releaseSbom, type ReleaseImage } from '../helpers/registry-sbom.js';

const VERSION = 'v1.30.0';
const listed = (name: string, image: TestImage): ReleaseImage => ({ name, arch: image.platform.architecture, diffIds: image.layers.map((l) => l.diffId) });

describe('images --multi-arch (no registry)', () => {
  let dir: string;
  let sbom: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-multiarch-'));
    sbom = join(dir, 'release.spdx');
    const images = ['amd64', 'arm64', 's390x'].flatMap((arch) => [
      listed('kube-apiserver', makeImage({ architecture: arch })),
      listed('kube-proxy', makeImage({ architecture: arch, layers: 3 })),
    ]);
    await writeFile(sbom, releaseSbom(VERSION, images));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('txt: one multi-arch reference per image instead of one per architecture', async () => {
    const plain = await runCli(['images', sbom]);
    expect(plain.stdout.split('\n').filter(Boolean)).toHaveLength(6);
    const { stdout, stderr, code } = await runCli(['images', sbom, '--multi-arch']);
    expect(code, stderr).toBe(0);
    expect(stdout).toBe(`registry.k8s.io/kube-apiserver:${VERSION}\nregistry.k8s.io/kube-proxy:${VERSION}\n`);
  });

  it('json and yaml list the architectures and each folded platform with its own reference and layers', async () => {
    for (const format of ['json', 'yaml'] as const) {
      const { stdout, code } = await runCli(['images', sbom, '--multi-arch', '--format', format]);
      expect(code).toBe(0);
      const doc = format === 'json' ? JSON.parse(stdout) : parseYaml(stdout);
      expect(doc.count).toBe(2);
      const proxy = doc.images.find((i: { repository: string }) => i.repository === 'kube-proxy');
      expect(proxy).toMatchObject({ reference: `registry.k8s.io/kube-proxy:${VERSION}`, kind: 'index', architectures: ['amd64', 'arm64', 's390x'] });
      expect(proxy.platforms.map((p: { reference: string }) => p.reference)).toEqual(
        ['amd64', 'arm64', 's390x'].map((a) => `registry.k8s.io/kube-proxy-${a}:${VERSION}`),
      );
      expect(proxy.platforms.every((p: { layers: string[] }) => p.layers.length === 3)).toBe(true);
    }
  });

  it('csv and md name the architectures of each multi-arch reference', async () => {
    const csv = parseCsv((await runCli(['images', sbom, '--multi-arch', '--format', 'csv'])).stdout);
    expect(csv.slice(1).map((row) => [row[0], row[5]])).toEqual([
      [`registry.k8s.io/kube-apiserver:${VERSION}`, 'amd64 arm64 s390x'],
      [`registry.k8s.io/kube-proxy:${VERSION}`, 'amd64 arm64 s390x'],
    ]);
    const md = (await runCli(['images', sbom, '--multi-arch', '--format', 'md'])).stdout;
    expect(md).toContain('2 image(s); by architecture: amd64 2, arm64 2, s390x 2.');
    expect(md).toContain(`| \`registry.k8s.io/kube-proxy:${VERSION}\` | amd64, arm64, s390x |  | 3, 3, 3 |`);
  });

  it('--name matches the multi-arch name and --arch narrows the platforms folded', async () => {
    const { stdout, code } = await runCli(['images', sbom, '--multi-arch', '--name', 'kube-proxy', '--arch', 'arm64', '--format', 'json']);
    expect(code).toBe(0);
    const [image] = JSON.parse(stdout).images;
    expect(image.architectures).toEqual(['arm64']);
  });
});

describe.skipIf(registryMissing)('images --multi-arch --pin through a registry', () => {
  let registry: TestRegistry;
  let dir: string;
  const sboms = { good: '', tampered: '', missing: '' };
  let goodIndex = '';
  const goodImages: TestImage[] = [];

  beforeAll(async () => {
    registry = await startRegistry();
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-multiarch-pin-'));
    const target = { url: registry.url };
    goodImages.push(makeImage({ architecture: 'amd64' }), makeImage({ architecture: 'arm64' }));
    // Indexes name arm64 with its variant: still the SBOM's arm64.
    goodImages[1]!.platform.variant = 'v8';
    // The index also offers ppc64le, which the SBOM does not list: named in the report, not checked.
    goodIndex = await pushMultiArch(target, 'kube-apiserver', [...goodImages, makeImage({ architecture: 'ppc64le' })], VERSION);
    // Tampered: the index's arm64 image is not the one the SBOM lists (other layers under the same platform).
    const proxy = [makeImage({ architecture: 'amd64' }), makeImage({ architecture: 'arm64' })];
    await pushMultiArch(target, 'kube-proxy', [proxy[0]!, makeImage({ architecture: 'arm64' })], VERSION);
    // Missing: the SBOM lists s390x, the index has amd64 only.
    const scheduler = [makeImage({ architecture: 'amd64' }), makeImage({ architecture: 's390x' })];
    await pushMultiArch(target, 'kube-scheduler', [scheduler[0]!], VERSION);
    const write = async (name: string, images: ReleaseImage[]) => {
      const path = join(dir, `${name}.spdx`);
      await writeFile(path, releaseSbom(VERSION, images));
      return path;
    };
    sboms.good = await write(
      'good',
      goodImages.map((i) => listed('kube-apiserver', i)),
    );
    sboms.tampered = await write('tampered', [...goodImages.map((i) => listed('kube-apiserver', i)), ...proxy.map((i) => listed('kube-proxy', i))]);
    sboms.missing = await write(
      'missing',
      scheduler.map((i) => listed('kube-scheduler', i)),
    );
  }, 60_000);
  afterAll(async () => {
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const mirror = () => ['--registry-mirror', `registry.k8s.io=${registry.host}`];

  it('pins the multi-arch reference to the index digest once every listed platform holds the SBOM layers', async () => {
    const { stdout, stderr, code } = await runCli(['images', sboms.good, '--multi-arch', '--pin', ...mirror()]);
    expect(code, stderr).toBe(0);
    expect(stdout).toBe(`registry.k8s.io/kube-apiserver@${goodIndex}\n`);
    expect(stderr).toContain(
      `ok registry.k8s.io/kube-apiserver:${VERSION}@${goodIndex}: linux/amd64, linux/arm64 hold the SBOM's layers; not in the SBOM, not checked: linux/ppc64le\n`,
    );
  });

  it('--format json gives the index digest and each proven platform manifest digest', async () => {
    const { stdout, code } = await runCli(['images', sboms.good, '--multi-arch', '--pin', '--keep-tag', '--format', 'json', ...mirror()]);
    expect(code).toBe(0);
    const [image] = JSON.parse(stdout).images;
    expect(image.pinned).toBe(`registry.k8s.io/kube-apiserver:${VERSION}@${goodIndex}`);
    expect(image.digest).toBe(goodIndex);
    expect(image.platforms.map((p: { architecture: string; digest: string }) => [p.architecture, p.digest])).toEqual(
      goodImages.map((i) => [i.platform.architecture, i.digest]),
    );
  });

  it('a platform whose layers differ from the SBOM fails with the reason; nothing is printed', async () => {
    const { stdout, stderr, code } = await runCli(['images', sboms.tampered, '--multi-arch', '--pin', ...mirror()]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      new RegExp(
        `FAIL registry\\.k8s\\.io/kube-proxy:${VERSION} \\(linux/arm64\\): registry serves 2 layer\\(s\\), the SBOM lists 2; in the SBOM but not served: .*\\[SBOM_LAYER_MISMATCH\\]`,
      ),
    );
    expect(stderr).not.toMatch(/linux\/amd64\): /);
    expect(stderr).toContain('[INDEX_NOT_PROVEN]');
  });

  it('a platform the SBOM lists but the index lacks fails', async () => {
    const { stdout, stderr, code } = await runCli(['images', sboms.missing, '--multi-arch', '--pin', ...mirror()]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /FAIL registry\.k8s\.io\/kube-scheduler:v1\.30\.0 \(linux\/s390x\): .*no image for linux\/s390x in the index \(it offers: linux\/amd64\) \[INDEX_PLATFORM_MISSING\]/,
    );
  });

  it('without --multi-arch the same SBOM still pins the per-architecture names (which this registry lacks)', async () => {
    const { code, stderr } = await runCli(['images', sboms.good, '--pin', ...mirror()]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/kube-apiserver-(amd64|arm64):v1\.30\.0: no such image/);
  });
});
