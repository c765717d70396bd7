// `kube-sbom verify-files` run as a user would, on the offline demo release in samples/: a folder with one release
// binary, one modified binary and one foreign file; a local SBOM and the release downloaded and verified first.
import { appendFile, copyFile, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../helpers/cli.js';
import { ReleaseMirror } from '../helpers/release-mirror.js';

const samples = join(projectRoot, 'samples');
const sbomFile = join(samples, 'sbom', 'v1.99.0', 'release');
const amd64 = join(samples, 'dl', 'release', 'v1.99.0', 'bin', 'linux', 'amd64');

/** The demo release, offline through file:// URLs, under the demo trust root and signer. */
function releaseFlags(sbomDir = join(samples, 'sbom')): string[] {
  return [
    '--release',
    'v1.99.0',
    '--sbom-url',
    pathToFileURL(`${sbomDir}/`).href,
    '--dl-url',
    pathToFileURL(`${join(samples, 'dl')}/`).href,
    '--trusted-root',
    join(samples, 'trusted_root.json'),
    '--sbom-rekor-entry',
    join(samples, 'sbom', 'v1.99.0', 'release.rekor.json'),
    '--certificate-identity',
    'release-signer@demo.kube-sbom.example',
    '--certificate-oidc-issuer',
    'https://issuer.demo.kube-sbom.example',
    '--offline',
    '--no-cache',
  ];
}

interface JsonReport {
  sbom: { verified: boolean; source: string; note: string };
  ok: boolean;
  summary: Record<string, number>;
  files: { path: string; status: string; sbomFiles: { name: string }[]; signature?: { status: string; subject: string } }[];
}

let work: string;
let node: string;

describe('kube-sbom verify-files', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'kube-sbom-vfiles-cli-'));
    node = join(work, 'usr-local-bin');
    await cp(amd64, node, { recursive: true, filter: (src) => !/\.(sig|cert|sha256|sha512)$/.test(src) });
    await appendFile(join(node, 'kubeadm'), 'patched\n');
    await writeFile(join(node, 'helm'), 'not a Kubernetes release file\n');
  });
  afterAll(async () => rm(work, { recursive: true, force: true }));

  it('reports exactly one matched, one modified and one foreign file against an SBOM file, and fails on the modified one', async () => {
    const r = await runCli(['verify-files', node, '--sbom', sbomFile]);
    expect(r.code, r.stderr).toBe(1);
    const rows = r.stdout.split('\n').filter((l) => /^(matched|modified|unknown|skipped|error) /.test(l));
    expect(rows.map((l) => l.split(/\s+/).slice(0, 3))).toEqual([
      ['unknown', join(node, 'helm'), 'no'],
      ['modified', join(node, 'kubeadm'), 'named'],
      ['matched', join(node, 'kubectl'), 'bin/linux/amd64/kubectl'],
    ]);
    expect(r.stdout).toContain('trusted as given: nothing about it was verified');
    expect(r.stdout).toMatch(/ {4}bin\/linux\/amd64\/kubeadm SHA-512 60db1f8b2ec29e28/);
    expect(r.stdout).toContain('3 file(s): 1 matched, 1 modified, 1 unknown to the release, 0 skipped, 0 unreadable');
  });

  it('--json prints one document with every file', async () => {
    const r = await runCli(['verify-files', node, '--sbom', sbomFile, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.ok).toBe(false);
    expect(report.sbom.verified).toBe(false);
    expect(report.summary).toEqual({ total: 3, matched: 1, modified: 1, unknown: 1, skipped: 0, error: 0 });
    expect(report.files.map((f) => [f.status, f.sbomFiles.map((s) => s.name)])).toEqual([
      ['unknown', []],
      ['modified', ['bin/linux/amd64/kubeadm']],
      ['matched', ['bin/linux/amd64/kubectl']],
    ]);
  });

  it('unknown files pass unless --strict', async () => {
    const clean = join(work, 'clean');
    await cp(node, clean, { recursive: true, filter: (src) => !src.endsWith('kubeadm') });
    const r = await runCli(['verify-files', clean, '--sbom', sbomFile]);
    expect(r.code, r.stderr).toBe(0);
    expect((await runCli(['verify-files', clean, '--sbom', sbomFile, '--strict'])).code).toBe(1);
  });

  it('verifies the release SBOM first with --release, and refuses one that does not verify', async () => {
    const one = join(work, 'one');
    await mkdir(one);
    await copyFile(join(amd64, 'kubectl'), join(one, 'kubectl'));
    const r = await runCli(['verify-files', one, ...releaseFlags(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.sbom).toMatchObject({ verified: true, note: expect.stringContaining('SHA-256, SHA-512 and signature') });
    expect(report.files).toMatchObject([{ status: 'matched' }]);

    const bad = join(work, 'bad-sbom');
    await cp(join(samples, 'sbom'), bad, { recursive: true });
    await appendFile(join(bad, 'v1.99.0', 'release'), '\n');
    const refused = await runCli(['verify-files', one, ...releaseFlags(bad)]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('[SBOM_NOT_VERIFIED]');
  });

  it('--signature checks each matched file against the signature the release publishes for it', async () => {
    const root = join(work, 'mirror');
    await cp(samples, root, { recursive: true });
    const mirror = await ReleaseMirror.start(root);
    const demoSigner = [
      '--certificate-identity',
      'release-signer@demo.kube-sbom.example',
      '--certificate-oidc-issuer',
      'https://issuer.demo.kube-sbom.example',
    ];
    const flags = [
      ...['--release', 'v1.99.0', '--sbom-url', mirror.sbomUrl, '--dl-url', mirror.dlUrl, '--rekor-url', mirror.rekorUrl],
      ...['--trusted-root', join(samples, 'trusted_root.json'), ...demoSigner, '--no-cache', '--signature'],
    ];
    try {
      const both = join(work, 'both');
      await mkdir(join(both, 'arm64'), { recursive: true });
      await copyFile(join(amd64, 'kubectl'), join(both, 'kubectl'));
      await copyFile(join(samples, 'dl', 'release', 'v1.99.0', 'bin', 'linux', 'arm64', 'kubectl'), join(both, 'arm64', 'kubectl'));
      const r = await runCli(['verify-files', both, ...flags, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout) as JsonReport;
      expect(report.files.map((f) => [f.status, f.signature?.subject, f.signature?.status])).toEqual([
        ['matched', 'bin/linux/arm64/kubectl', 'pass'],
        ['matched', 'bin/linux/amd64/kubectl', 'pass'],
      ]);
      // The published signature of another file does not cover these bytes.
      const sigDir = join(root, 'dl', 'release', 'v1.99.0', 'bin', 'linux', 'amd64');
      await copyFile(join(sigDir, 'kubeadm.sig'), join(sigDir, 'kubectl.sig'));
      const bad = await runCli(['verify-files', join(both, 'kubectl'), ...flags]);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/^matched +\S+kubectl +bin\/linux\/amd64\/kubectl\n {4}signature FAILED: .*\[[A-Z_]+\]$/m);
      expect(bad.stdout).toContain('signatures: 0 verified, 1 failed');
      const withFile = await runCli(['verify-files', both, '--sbom', sbomFile, '--signature']);
      expect(withFile.code).toBe(2);
    } finally {
      await mirror.close();
    }
  });

  it('a missing path exits 3 before anything is downloaded; a bad option or two SBOM sources exit 2', async () => {
    const missing = await runCli(['verify-files', join(work, 'nope'), '--release', 'v1.99.0', '--sbom-url', 'http://127.0.0.1:9/', '--json']);
    expect(missing.code).toBe(3);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'FILE_NOT_FOUND', exitCode: 3 } });
    expect((await runCli(['verify-files', node, '--sbom', sbomFile, '--no-such-option'])).code).toBe(2);
    const both = await runCli(['verify-files', node, '--sbom', sbomFile, '--release', 'v1.99.0']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('[OPTION_CONFLICT]');
    expect((await runCli(['verify-files', node, '--sbom', sbomFile, '--max-file-size', 'lots'])).code).toBe(2);
  });
});
