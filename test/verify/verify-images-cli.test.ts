// kube-sbom verify-images over a release SBOM whose images live in a local registry (a --registry-mirror for
// registry.k8s.io): signatures, the SBOM-layer check, the summary table and exit codes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { getTestPki } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { makeImage, pushImage } from '../helpers/registry-push.js';
import { pushSignedRelease, releaseSbom, type PushedRelease } from '../helpers/registry-sbom.js';
import { publishSigned } from '../helpers/release-fixture.js';
import { ReleaseMirror } from '../helpers/release-mirror.js';

const VERSION = 'v1.99.0';

describe.skipIf(registryMissing)('kube-sbom verify-images', () => {
  let registry: TestRegistry;
  let dir: string;
  let release: PushedRelease;
  const files = { root: '', good: '', badLayer: '', unsigned: '', list: '' };

  beforeAll(async () => {
    registry = await startRegistry();
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-vis-'));
    files.root = join(dir, 'trusted_root.json');
    await writeFile(files.root, (await getTestPki()).trustedRootText);
    release = await pushSignedRelease({ url: registry.url }, VERSION, ['kube-apiserver', 'kube-proxy'], ['amd64', 'arm64']);
    files.good = join(dir, 'good.spdx');
    await writeFile(files.good, release.sbom);
    // The SBOM claims a layer the registry does not serve for kube-proxy-arm64.
    const tampered = release.images.map((i) => (i.repository === 'kube-proxy-arm64' ? { ...i, diffIds: [i.diffIds[0]!, `sha256:${'e'.repeat(64)}`] } : i));
    files.badLayer = join(dir, 'bad-layer.spdx');
    await writeFile(files.badLayer, releaseSbom(VERSION, tampered));
    const unsigned = makeImage({ architecture: 'amd64' });
    await pushImage({ url: registry.url }, 'kube-scheduler-amd64', unsigned, VERSION);
    files.unsigned = join(dir, 'unsigned.spdx');
    await writeFile(
      files.unsigned,
      releaseSbom(VERSION, [...release.images, { name: 'kube-scheduler', arch: 'amd64', diffIds: unsigned.layers.map((l) => l.diffId) }]),
    );
    files.list = join(dir, 'images.txt');
    await writeFile(files.list, `# pinned list\n${registry.host}/kube-proxy-amd64:${VERSION}\n\n${registry.host}/kube-scheduler-amd64:${VERSION}\n`);
  });
  afterAll(async () => {
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const run = (args: string[]) => runCli(['verify-images', ...args, '--trusted-root', files.root, '--registry-mirror', `registry.k8s.io=${registry.host}`]);

  it('verifies every image of the SBOM and its layers (exit 0, summary table)', async () => {
    const r = await run([files.good]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('ok'));
    expect(rows).toHaveLength(4);
    expect(r.stdout).toContain(`registry.k8s.io/kube-apiserver-amd64:${VERSION}`);
    expect(r.stdout).toContain('4 of 4 image(s) verified');
  });

  it('--json: every image passed the sbom-layers check', async () => {
    const r = await run([files.good, '--json', '--arch', 'arm64']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toEqual({ total: 2, verified: 2, failed: 0, unchecked: 0 });
    for (const image of doc.images) expect(image.checks.find((c: { check: string }) => c.check === 'sbom-layers').status).toBe('pass');
  });

  it('fails with SBOM_LAYER_MISMATCH when the registry serves other layers than the SBOM lists (exit 1)', async () => {
    const r = await run([files.badLayer, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const failed = doc.images.filter((i: { verified: boolean }) => !i.verified);
    expect(failed.map((i: { reference: string; code: string }) => [i.reference, i.code])).toEqual([
      [`registry.k8s.io/kube-proxy-arm64:${VERSION}`, 'SBOM_LAYER_MISMATCH'],
    ]);
    // --no-check-sbom-layers skips that comparison.
    expect((await run([files.badLayer, '--no-check-sbom-layers'])).code).toBe(0);
  });

  it('names an unsigned image in the table (exit 1)', async () => {
    const r = await run([files.unsigned, '--concurrency', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL\s+registry\.k8s\.io\/kube-scheduler-amd64:v1\.99\.0\s+sha256:\S+\s+NO_SIGNATURES/);
    expect(r.stdout).toContain('4 of 5 image(s) verified, 1 failed a check');
  });

  it('--from verifies a plain list of references', async () => {
    const r = await runCli(['verify-images', '--from', files.list, '--trusted-root', files.root, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).images.map((i: { code: string }) => i.code)).toEqual(['OK', 'NO_SIGNATURES']);
  });

  it('an unreachable registry is one error and exit 3, not one failure per image', async () => {
    const { freePort } = await import('../helpers/registry.js');
    const r = await runCli(['verify-images', files.good, '--trusted-root', files.root, '--registry-mirror', `registry.k8s.io=127.0.0.1:${await freePort()}`]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('[REGISTRY_UNREACHABLE]');
  });

  it('VERSION: downloads the release SBOM, verifies it, then every image it lists', async () => {
    const root = join(dir, 'release-mirror');
    await publishSigned(root, join('sbom', VERSION, 'release'), Buffer.from(release.sbom));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(root, 'dl', 'release'), { recursive: true });
    await writeFile(join(root, 'dl', 'release', 'stable.txt'), VERSION);
    const mirror = await ReleaseMirror.start(root);
    try {
      const flags = ['--sbom-url', mirror.sbomUrl, '--dl-url', mirror.dlUrl, '--rekor-url', mirror.rekorUrl, '--cache-dir', join(dir, 'cache')];
      const ok = await run(['stable', ...flags, '--json']);
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ source: `${VERSION} release SBOM`, summary: { total: 4, verified: 4 } });
      // An SBOM whose signature does not match is refused before any image is looked at.
      await writeFile(join(root, 'sbom', VERSION, 'release'), `${release.sbom}\n`);
      const bad = await run([VERSION, ...flags, '--no-cache']);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toContain('[SBOM_NOT_VERIFIED]');
    } finally {
      await mirror.close();
    }
  });

  it('usage errors exit 2', async () => {
    expect((await run([files.good, '--concurrency', '0'])).code).toBe(2);
    expect((await run([files.good, '--registry-mirror', 'nonsense'])).code).toBe(2);
  });
});
