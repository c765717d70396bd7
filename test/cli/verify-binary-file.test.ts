// `kube-sbom verify-binary NAME --file PATH`: a node's copy of a release binary checked against the release's
// published digests, signature and verified SBOM entry without downloading the binary (demo release in samples/).
import { appendFile, copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../helpers/cli.js';
import { ReleaseMirror } from '../helpers/release-mirror.js';

const samples = join(projectRoot, 'samples');
let work: string;
let mirror: ReleaseMirror;

interface Report {
  verified: boolean;
  binary: { url: string };
  checks: { check: string; subject: string; status: string; code: string }[];
}

async function verifyBinaryFile(file: string) {
  const r = await runCli([
    ...['verify-binary', 'kubectl', '--version', 'v1.99.0', '--os', 'linux', '--arch', 'amd64', '--file', file],
    ...['--sbom-url', mirror.sbomUrl, '--dl-url', mirror.dlUrl, '--rekor-url', mirror.rekorUrl, '--trusted-root', join(samples, 'trusted_root.json')],
    ...['--certificate-identity', 'release-signer@demo.kube-sbom.example', '--certificate-oidc-issuer', 'https://issuer.demo.kube-sbom.example'],
    ...['--no-cache', '--json'],
  ]);
  return { ...r, report: r.stdout ? (JSON.parse(r.stdout) as Report) : undefined };
}

describe('kube-sbom verify-binary --file', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'kube-sbom-vbin-file-'));
    await cp(samples, join(work, 'mirror'), { recursive: true });
    mirror = await ReleaseMirror.start(join(work, 'mirror'));
  });
  afterAll(async () => {
    await mirror.close();
    await rm(work, { recursive: true, force: true });
  });

  it('verifies a local copy without downloading the binary', async () => {
    const local = join(work, 'kubectl');
    await copyFile(join(samples, 'dl', 'release', 'v1.99.0', 'bin', 'linux', 'amd64', 'kubectl'), local);
    const r = await verifyBinaryFile(local);
    expect(r.code, r.stderr).toBe(0);
    expect(r.report!.binary.url).toBe(pathToFileURL(local).href);
    expect(r.report!.checks.filter((c) => c.subject === 'bin/linux/amd64/kubectl').map((c) => `${c.check} ${c.status}`)).toEqual([
      'sha256 pass',
      'sha512 pass',
      'signature pass',
      'sbom-describes pass',
    ]);
    expect(mirror.requests.some((q) => q.path.endsWith('/bin/linux/amd64/kubectl'))).toBe(false);
  });

  it('fails a modified local copy on every check', async () => {
    const local = join(work, 'kubectl-modified');
    await copyFile(join(samples, 'dl', 'release', 'v1.99.0', 'bin', 'linux', 'amd64', 'kubectl'), local);
    await appendFile(local, 'patched');
    const r = await verifyBinaryFile(local);
    expect(r.code).toBe(1);
    expect(r.report!.checks.filter((c) => c.subject === 'bin/linux/amd64/kubectl').map((c) => `${c.check} ${c.status} ${c.code}`)).toEqual([
      'sha256 fail DIGEST_MISMATCH_SHA256',
      'sha512 fail DIGEST_MISMATCH_SHA512',
      expect.stringMatching(/^signature fail [A-Z_]+$/),
      'sbom-describes fail SBOM_DIGEST_MISMATCH_SHA256',
    ]);
  });

  it('a missing file exits 3 before anything is downloaded', async () => {
    const before = mirror.requests.length;
    const r = await verifyBinaryFile(join(work, 'absent'));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[FILE_NOT_FOUND]');
    expect(mirror.requests.length).toBe(before);
  });
});
