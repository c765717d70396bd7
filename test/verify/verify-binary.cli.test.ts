// verify-binary run for real against the loopback mirror: cosign-style checks plus the SBOM cross-check.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { realdataMissing, runCli } from '../helpers/cli.js';
import { binaryBytes, publishSigned } from '../helpers/release-fixture.js';
import { listFiles, pristineRelease, releaseEnv, removePristine, type ReleaseEnv } from './release-env.js';

let env: ReleaseEnv;
interface Check {
  check: string;
  subject: string;
  status: string;
  code: string;
}

async function verifyBinary(name: string, extra: string[] = []) {
  const r = await runCli([
    'verify-binary',
    name,
    '--version',
    'v1.25.4',
    '--os',
    'linux',
    '--arch',
    'amd64',
    ...env.flags,
    '--json',
    '-o',
    env.outDir,
    ...extra,
  ]);
  const report = r.stdout ? (JSON.parse(r.stdout) as { verified: boolean; path: string; checks: Check[]; saved: string[] }) : undefined;
  const status = (check: string, subject: string) => report?.checks.find((c) => c.check === check && c.subject === subject);
  return { ...r, report, status };
}

// Each case runs the compiled CLI several times; generous limits keep a loaded CI machine from failing them.
describe.skipIf(realdataMissing)('kube-sbom verify-binary', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await pristineRelease();
  });
  afterAll(removePristine);
  afterEach(async () => env?.close());

  it('verifies a signed binary the verified SBOM describes, and keeps it with -o', async () => {
    env = await releaseEnv();
    const r = await verifyBinary('kubectl');
    expect(r.code, r.stderr).toBe(0);
    expect(r.report!.path).toBe('bin/linux/amd64/kubectl');
    expect(r.report!.checks.map((c) => `${c.subject} ${c.check} ${c.status}`)).toEqual([
      'release sha256 pass',
      'release sha512 pass',
      'release signature pass',
      'release sbom pass',
      'bin/linux/amd64/kubectl sha256 pass',
      'bin/linux/amd64/kubectl sha512 pass',
      'bin/linux/amd64/kubectl signature pass',
      'bin/linux/amd64/kubectl sbom-describes pass',
    ]);
    expect(await listFiles(env.outDir)).toEqual([
      'kubectl',
      'kubectl.cert',
      'kubectl.rekor.json',
      'kubectl.sha256',
      'kubectl.sha512',
      'kubectl.sig',
      'kubectl.sigstore.json',
    ]);
    expect((await readFile(join(env.outDir, 'kubectl'))).equals(env.fixture.binaries['bin/linux/amd64/kubectl']!)).toBe(true);
  });

  it('fails a correctly signed binary the SBOM does not describe', async () => {
    env = await releaseEnv();
    const r = await verifyBinary('kube-extra');
    expect(r.code, r.stderr).toBe(1);
    expect(r.status('signature', 'bin/linux/amd64/kube-extra')).toMatchObject({ status: 'pass' });
    expect(r.status('sbom-describes', 'bin/linux/amd64/kube-extra')).toMatchObject({ status: 'fail', code: 'SBOM_FILE_MISSING' });
    expect(await listFiles(env.outDir)).toEqual([]);
    expect(await listFiles(env.cacheDir)).toEqual([]);
  });

  it('fails a binary whose bytes differ from the SBOM checksum even though its own signature and sums are valid', async () => {
    env = await releaseEnv();
    const other = Buffer.concat([binaryBytes('bin/linux/amd64/kubectl'), Buffer.from('backdoor\n')]);
    await publishSigned(env.root, 'dl/release/v1.25.4/bin/linux/amd64/kubectl', other);
    const r = await verifyBinary('kubectl');
    expect(r.code, r.stderr).toBe(1);
    for (const check of ['sha256', 'sha512', 'signature']) {
      expect(r.status(check, 'bin/linux/amd64/kubectl'), check).toMatchObject({ status: 'pass' });
    }
    expect(r.status('sbom-describes', 'bin/linux/amd64/kubectl')).toMatchObject({ status: 'fail', code: 'SBOM_DIGEST_MISMATCH_SHA256' });
    expect(await listFiles(env.outDir)).toEqual([]);
  });

  it('does not vouch for a binary when the SBOM itself fails verification', async () => {
    env = await releaseEnv();
    const path = join(env.root, 'sbom', 'v1.25.4', 'release.sha512');
    await writeFile(path, 'ef'.repeat(64));
    const r = await verifyBinary('kubectl');
    expect(r.code).toBe(1);
    expect(r.status('sha512', 'release')).toMatchObject({ status: 'fail', code: 'DIGEST_MISMATCH_SHA512' });
    expect(r.status('signature', 'bin/linux/amd64/kubectl')).toMatchObject({ status: 'pass' });
    expect(r.status('sbom-describes', 'bin/linux/amd64/kubectl')).toMatchObject({ status: 'fail', code: 'SBOM_NOT_VERIFIED' });
  });

  it('resolves a marker, prints text, and refuses bad targets with exit 2 and missing ones with exit 3', async () => {
    env = await releaseEnv();
    const ok = await runCli(['verify-binary', 'kubeadm', '--version', 'stable-1.25', '--os', 'linux', '--arch', 'arm64', ...env.flags]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Kubernetes v1.25.4 bin/linux/arm64/kubeadm');
    expect(ok.stdout).toMatch(
      /pass {2}sbom-describes +bin\/linux\/arm64\/kubeadm: the release SBOM lists bin\/linux\/arm64\/kubeadm with the same SHA256 and SHA512/,
    );
    const bad = await runCli(['verify-binary', '../kubectl', ...env.flags]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('[BINARY_NAME_INVALID]');
    const missing = await runCli(['verify-binary', 'kubelet', '--version', 'v1.25.4', '--os', 'linux', '--arch', 'amd64', ...env.flags]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/bin\/linux\/amd64\/kubelet: HTTP 404.*\[HTTP_NOT_FOUND\]/);
  });
});
