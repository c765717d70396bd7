// `kube-sbom verify-release` on the offline demo release in samples/, served by a loopback mirror (dl, sbom, Rekor):
// the SBOM verified once, then one row per selected file with every check and the reason a row failed.
import { appendFile, copyFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../helpers/cli.js';
import { ReleaseMirror, sha256Hex } from '../helpers/release-mirror.js';
import { hostTarget } from '../../src/k8s/release-urls.js';

const samples = join(projectRoot, 'samples');
let work: string;
let root: string;
let mirror: ReleaseMirror | undefined;

interface Row {
  kind: string;
  name: string;
  status: string;
  reason?: string;
  code?: string;
  checks: { check: string; status: string; code: string }[];
}
interface Report {
  verified: boolean;
  version: string;
  selected: string;
  sbomVerified: boolean;
  sbomChecks: { check: string; status: string }[];
  artifacts: Row[];
}

/** A copy of samples/ served over loopback, so a test may tamper with it. */
async function serve(): Promise<ReleaseMirror> {
  root = await mkdtemp(join(work, 'mirror-'));
  await cp(samples, root, { recursive: true });
  mirror = await ReleaseMirror.start(root);
  return mirror;
}

async function verifyRelease(m: ReleaseMirror, extra: string[], { layout = true, cacheDir = '' } = {}) {
  const r = await runCli([
    'verify-release',
    'v1.99.0',
    ...['--sbom-url', m.sbomUrl, '--dl-url', m.dlUrl, '--rekor-url', m.rekorUrl],
    ...['--trusted-root', join(samples, 'trusted_root.json'), ...(cacheDir ? ['--cache-dir', cacheDir] : ['--no-cache']), '--retries', '0'],
    ...['--certificate-identity', 'release-signer@demo.kube-sbom.example', '--certificate-oidc-issuer', 'https://issuer.demo.kube-sbom.example'],
    ...(layout ? ['--oci-layout', join(root, 'images')] : []),
    ...['--image-identity', 'image-signer@demo.kube-sbom.example', '--image-issuer', 'https://issuer.demo.kube-sbom.example'],
    ...extra,
  ]);
  const report = extra.includes('--json') && r.stdout ? (JSON.parse(r.stdout) as Report) : undefined;
  return { ...r, report };
}

describe('kube-sbom verify-release', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'kube-sbom-vrel-cli-'));
  });
  afterEach(async () => {
    await mirror?.close();
    mirror = undefined;
  });
  afterAll(async () => rm(work, { recursive: true, force: true }));

  it('verifies the SBOM, then each selected binary and image with every check, one row each (exit 0)', async () => {
    const m = await serve();
    const r = await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = r.report!;
    expect(report).toMatchObject({ verified: true, version: 'v1.99.0', sbomVerified: true, selected: 'the binaries for linux/amd64, and the amd64 images' });
    expect(Object.keys(report)).toEqual([
      'verified',
      'selected',
      'requested',
      'version',
      'sbomUrl',
      'sbomVerified',
      'sbomChecks',
      'sbom',
      'provenance',
      'artifacts',
    ]);
    expect(Object.keys(report.artifacts[0]!)).toEqual(['kind', 'name', 'status', 'artifact', 'checks', 'signer']);
    expect(Object.keys(report.artifacts[2]!)).toEqual(['kind', 'name', 'status', 'pinned', 'platform', 'checks']);
    expect(report.sbomChecks.map((c) => `${c.check} ${c.status}`)).toEqual(['sha256 pass', 'sha512 pass', 'signature pass', 'sbom pass']);
    expect(report.artifacts.map((f) => [f.kind, f.name, f.status])).toEqual([
      ['binary', 'bin/linux/amd64/kubectl', 'pass'],
      ['binary', 'bin/linux/amd64/kubeadm', 'pass'],
      ['image', 'registry.k8s.io/kube-apiserver-amd64:v1.99.0', 'pass'],
      ['image', 'registry.k8s.io/kube-proxy-amd64:v1.99.0', 'pass'],
      ['image', 'registry.k8s.io/kube-scheduler-amd64:v1.99.0', 'pass'],
    ]);
    for (const f of report.artifacts.filter((a) => a.kind === 'binary'))
      expect(f.checks.map((c) => c.check)).toEqual(['sha256', 'sha512', 'signature', 'sbom-describes']);
    // The SBOM is downloaded once for the whole run.
    expect(m.hits('/sbom/v1.99.0/release')).toBe(1);

    const text = await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('selected: the binaries for linux/amd64, and the amd64 images\n');
    expect(text.stdout).toMatch(/^binary +bin\/linux\/amd64\/kubectl +pass +every check passed$/m);
    expect(text.stdout).toMatch(/^image +registry\.k8s\.io\/kube-proxy-amd64:v1\.99\.0 +pass +every check passed$/m);
    expect(text.stdout).toContain('5 artifact(s): 5 verified, 0 failed, 0 could not be checked');
  });

  it('fails the row of a tampered binary with its reason, and still verifies the others (exit 1)', async () => {
    const m = await serve();
    await appendFile(join(root, 'dl', 'release', 'v1.99.0', 'bin', 'linux', 'amd64', 'kubeadm'), 'tampered\n');
    const r = await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64', '--only', 'binaries', '--json']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.report!.verified).toBe(false);
    expect(r.report!.artifacts).toHaveLength(2);
    const [kubectl, kubeadm] = r.report!.artifacts;
    expect(kubectl).toMatchObject({ name: 'bin/linux/amd64/kubectl', status: 'pass' });
    expect(kubeadm).toMatchObject({ name: 'bin/linux/amd64/kubeadm', status: 'fail', code: 'DIGEST_MISMATCH_SHA256' });
    expect(kubeadm!.reason).toMatch(/^sha256: /);
    expect(kubeadm!.checks.filter((c) => c.status === 'fail').map((c) => c.check)).toEqual(['sha256', 'sha512', 'signature', 'sbom-describes']);

    const text = await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^binary +bin\/linux\/amd64\/kubeadm +FAIL +sha256: .+ \[DIGEST_MISMATCH_SHA256\]$/m);

    // The published signature of another file does not cover kubectl's bytes: its digests still match.
    const amd64 = join(root, 'dl', 'release', 'v1.99.0', 'bin', 'linux', 'amd64');
    await copyFile(join(amd64, 'kubeadm.sig'), join(amd64, 'kubectl.sig'));
    const sig = await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64', '--only', 'binaries', '--name', 'kubectl', '--json']);
    expect(sig.code).toBe(1);
    const [row] = sig.report!.artifacts;
    expect(row).toMatchObject({ name: 'bin/linux/amd64/kubectl', status: 'fail', reason: expect.stringMatching(/^signature: /) });
    expect(row!.checks.map((c) => `${c.check} ${c.status}`)).toEqual(['sha256 pass', 'sha512 pass', 'signature fail', 'sbom-describes pass']);
  });

  it('downloads the next file while one waits for its transparency-log entry, --concurrency files at a time', async () => {
    const m = await serve();
    // kubectl's Rekor lookup (the one after the SBOM's) answers late: kubeadm's download must not wait for it.
    m.inject('/rekor/api/v1/index/retrieve', { kind: 'delay', ms: 0 });
    m.inject('/rekor/api/v1/index/retrieve', { kind: 'delay', ms: 1500 });
    const r = await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64', '--only', 'binaries', '--concurrency', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.report!.artifacts.map((f) => `${f.name} ${f.status}`)).toEqual(['bin/linux/amd64/kubectl pass', 'bin/linux/amd64/kubeadm pass']);
    const kubectl = await readFile(join(root, 'dl', 'release', 'v1.99.0', 'bin', 'linux', 'amd64', 'kubectl'));
    const [uuid] = JSON.parse(await readFile(join(root, 'rekor', 'by-hash', `${sha256Hex(kubectl)}.json`), 'utf8')) as string[];
    const order = m.requests.map((q) => q.path);
    const kubeadmDownload = order.indexOf('/dl/release/v1.99.0/bin/linux/amd64/kubeadm');
    const kubectlEntry = order.indexOf(`/rekor/api/v1/log/entries/${uuid}`);
    expect(kubeadmDownload).toBeGreaterThanOrEqual(0);
    expect(kubectlEntry).toBeGreaterThanOrEqual(0);
    expect(kubeadmDownload).toBeLessThan(kubectlEntry);
  });

  it('selects by --os, --arch, --name, --only and --all', async () => {
    const m = await serve();
    const names = async (extra: string[]) => {
      const r = await verifyRelease(m, [...extra, '--json']);
      return r.report ? r.report.artifacts.map((f) => `${f.name} ${f.status}`) : r.stdout;
    };
    expect(await names(['--os', 'linux', '--arch', 'arm64', '--only', 'binaries'])).toEqual(['bin/linux/arm64/kubectl pass']);
    expect(await names(['--os', 'linux', '--arch', 'amd64', '--name', 'kubea*'])).toEqual(['bin/linux/amd64/kubeadm pass']);
    // --arch narrows the images too; --name matches an image's repository name.
    expect(await names(['--os', 'linux', '--arch', 'arm64', '--name', 'kube-proxy*'])).toEqual(['registry.k8s.io/kube-proxy-arm64:v1.99.0 pass']);
    expect(await names(['--all', '--only', 'binaries', '--name', 'kubectl'])).toEqual(['bin/linux/amd64/kubectl pass', 'bin/linux/arm64/kubectl pass']);
    // The demo publishes its archives, signed like the binaries.
    const archives = await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64', '--only', 'archives', '--json']);
    expect(archives.code).toBe(0);
    expect(archives.report!.artifacts.map((f) => [f.kind, f.name, f.status])).toEqual([
      ['archive', 'kubernetes-client-linux-amd64.tar.gz', 'pass'],
      ['archive', 'kubernetes-server-linux-amd64.tar.gz', 'pass'],
    ]);
    // An archive the mirror does not have (404): its row fails as not published (exit 1), the other still passes.
    await rm(join(root, 'dl', 'release', 'v1.99.0', 'kubernetes-client-linux-amd64.tar.gz'));
    const missing = await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64', '--only', 'archives', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.report!.artifacts.map((f) => [f.status, f.code])).toEqual([
      ['fail', 'NOT_PUBLISHED'],
      ['pass', undefined],
    ]);
    expect(missing.report!.artifacts[0]!.reason).toMatch(/^not published: the file missing \(.*HTTP 404/);
    const all = await verifyRelease(m, ['--all', '--json']);
    expect(all.report!.artifacts.map((f) => f.kind)).toEqual(['binary', 'binary', 'binary', 'archive', 'archive', ...Array(6).fill('image')]);
    const none = await verifyRelease(m, ['--os', 'darwin', '--arch', 'arm64', '--only', 'binaries', '--json']);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toMatchObject({ error: { code: 'NOTHING_SELECTED' } });
    const bad = await verifyRelease(m, ['--os', 'plan9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--os plan9');
    expect((await verifyRelease(m, ['--only', 'sources'])).code).toBe(2);
    expect((await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64', '--concurrency', '0'])).code).toBe(2);
  });

  it.skipIf(!hostTarget().os || !hostTarget().arch)("by default selects this machine's binaries plus every image, and says so", async () => {
    const m = await serve();
    const host = hostTarget();
    const r = await verifyRelease(m, ['--json']);
    expect(r.report!.selected).toBe(`the binaries for ${host.os}/${host.arch} (this machine's; --os, --arch or --all for others), and every image`);
    expect(r.report!.artifacts.filter((a) => a.kind === 'image')).toHaveLength(6);
    expect(r.report!.artifacts.filter((a) => a.kind === 'binary').every((a) => a.name.startsWith(`bin/${host.os}/${host.arch}/`))).toBe(true);
    // The demo leaves kube-scheduler-arm64 unsigned.
    expect(r.code).toBe(1);
  });

  it('--only images verifies every image the SBOM lists and fails the unsigned one with its reason', async () => {
    const m = await serve();
    const r = await verifyRelease(m, ['--only', 'images', '--json']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.report!.selected).toBe('every image');
    expect(r.report!.artifacts.map((a) => `${a.kind} ${a.name} ${a.status}`)).toEqual([
      'image registry.k8s.io/kube-apiserver-amd64:v1.99.0 pass',
      'image registry.k8s.io/kube-apiserver-arm64:v1.99.0 pass',
      'image registry.k8s.io/kube-proxy-amd64:v1.99.0 pass',
      'image registry.k8s.io/kube-proxy-arm64:v1.99.0 pass',
      'image registry.k8s.io/kube-scheduler-amd64:v1.99.0 pass',
      'image registry.k8s.io/kube-scheduler-arm64:v1.99.0 fail',
    ]);
    expect(r.report!.artifacts[5]).toMatchObject({ code: 'NO_SIGNATURES', reason: expect.stringContaining('no signatures found') });
    expect(r.report!.artifacts[0]!.checks.length).toBeGreaterThan(1);
    // No release file is downloaded for an image-only run.
    expect(m.hits('/dl/release/v1.99.0/bin/linux/amd64/kubectl')).toBe(0);
    const proxies = await verifyRelease(m, ['--only', 'images', '--name', 'kube-proxy*']);
    expect(proxies.code, proxies.stderr).toBe(0);
    expect(proxies.stdout).toContain('2 artifact(s): 2 verified, 0 failed, 0 could not be checked');
  });

  it('an unreachable registry leaves each image unchecked with the reason, and the verified files still listed (exit 3)', async () => {
    const m = await serve();
    const r = await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64', '--registry-mirror', 'registry.k8s.io=127.0.0.1:9', '--json'], { layout: false });
    expect(r.code, r.stderr).toBe(3);
    expect(r.report!.artifacts.map((a) => `${a.kind} ${a.status}`)).toEqual(['binary pass', 'binary pass', 'image error', 'image error', 'image error']);
    expect(r.report!.artifacts[2]).toMatchObject({ code: 'REGISTRY_UNREACHABLE', reason: expect.stringContaining('127.0.0.1:9') });
  });

  it('retries a failed download, and a second run works offline from the download cache', async () => {
    const m = await serve();
    const cacheDir = join(root, 'cache');
    const kubectl = '/dl/release/v1.99.0/bin/linux/amd64/kubectl';
    m.inject(kubectl, { kind: 'status', status: 503 });
    const flags = ['--os', 'linux', '--arch', 'amd64', '--only', 'binaries', '--json'];
    const first = await verifyRelease(m, [...flags, '--retries', '1', '--retry-delay', '0'], { cacheDir });
    expect(first.code, first.stderr).toBe(0);
    expect(m.requests.filter((q) => q.path === kubectl).map((q) => q.status)).toEqual([503, 200]);
    await m.close();
    const offline = await verifyRelease(m, [...flags, '--offline'], { cacheDir });
    // Images need a registry: --offline with images selected and none on this machine is refused before any download.
    const images = await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64', '--offline', '--json'], { cacheDir, layout: false });
    expect(images.code).toBe(2);
    expect(JSON.parse(images.stdout)).toMatchObject({ error: { code: 'OFFLINE_REGISTRY' } });
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.report!.artifacts.map((a) => `${a.name} ${a.status}`)).toEqual(['bin/linux/amd64/kubectl pass', 'bin/linux/amd64/kubeadm pass']);
    mirror = undefined;
  });

  it('resumes a binary download cut short, and the resumed binary verifies by its digests and signature', async () => {
    const m = await serve();
    const kubectl = '/dl/release/v1.99.0/bin/linux/amd64/kubectl';
    m.inject(kubectl, { kind: 'truncate', keepBytes: 1000 });
    const r = await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64', '--only', 'binaries', '--retries', '1', '--retry-delay', '0', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(m.requests.filter((q) => q.path === kubectl).map((q) => [q.status, q.range])).toEqual([
      ['fault', undefined],
      [206, 'bytes=1000-'],
    ]);
    expect(r.report!.artifacts.find((a) => a.name === 'bin/linux/amd64/kubectl')).toMatchObject({ status: 'pass' });
  });

  it('downloads no listed file when the SBOM does not verify (exit 1)', async () => {
    const m = await serve();
    await appendFile(join(root, 'sbom', 'v1.99.0', 'release'), '\n');
    const r = await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64', '--json']);
    expect(r.code).toBe(1);
    expect(r.report).toMatchObject({ verified: false, sbomVerified: false, artifacts: [] });
    expect(m.hits('/dl/release/v1.99.0/bin/linux/amd64/kubectl')).toBe(0);
    const text = await verifyRelease(m, ['--os', 'linux', '--arch', 'amd64']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^ {2}FAIL {2}sha256 +release: /m);
    expect(text.stdout).toContain('NOT verified: the release SBOM (see the FAIL lines above); nothing it lists was checked');
  });
});
