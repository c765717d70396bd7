// verify-sbom --sbom-bundle with the offline demo release in samples/: the release.sigstore.json an earlier -o run wrote
// verifies the SBOM with no Rekor entry and no cache; a bundle with one byte changed fails; with --rekor-entry it is a
// usage error.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../helpers/cli.js';

const samples = join(projectRoot, 'samples');
const VERSION = 'v1.99.0';
const rekorEntry = join(samples, 'sbom', VERSION, 'release.rekor.json');
const signer = ['--certificate-identity', 'release-signer@demo.kube-sbom.example', '--certificate-oidc-issuer', 'https://issuer.demo.kube-sbom.example'];

interface Report {
  verified: boolean;
  checks: { check: string; status: string; code: string }[];
  saved: string[];
}

describe('verify-sbom --sbom-bundle (demo release, offline)', { timeout: 60_000 }, () => {
  let work: string;
  let bundle: string;
  const verifySbom = (...extra: string[]) =>
    runCli([
      ...['verify-sbom', VERSION, '--sbom-url', pathToFileURL(join(samples, 'sbom')).href, '--dl-url', pathToFileURL(join(samples, 'dl')).href],
      ...['--trusted-root', join(samples, 'trusted_root.json'), ...signer, '--offline', '--no-cache', '--json', ...extra],
    ]);

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'kube-sbom-verify-sbom-bundle-'));
    const r = await verifySbom('--rekor-entry', rekorEntry, '-o', join(work, 'first'));
    expect(r.code, r.stderr).toBe(0);
    bundle = join(work, 'first', 'release.sigstore.json');
  });
  afterAll(async () => rm(work, { recursive: true, force: true }));

  it('passes offline through the bundle alone, and -o keeps the same bundle; without it there is nothing to prove the time', async () => {
    const r = await verifySbom('--sbom-bundle', bundle, '-o', join(work, 'second'));
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.verified).toBe(true);
    expect(report.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'pass' });
    expect(await readFile(join(work, 'second', 'release.sigstore.json'), 'utf8')).toBe(await readFile(bundle, 'utf8'));

    const bare = await verifySbom();
    expect(bare.code).toBe(3);
    expect(bare.stderr).toContain('--sbom-bundle FILE');
  });

  it('a bundle with one byte changed fails the signature (exit 1) and writes nothing', async () => {
    const text = await readFile(bundle, 'utf8');
    const json = JSON.parse(text) as { verificationMaterial: { tlogEntries: Array<{ integratedTime: string }> } };
    const entry = json.verificationMaterial.tlogEntries[0]!;
    // One digit of the logged time, which the log's signed entry timestamp covers.
    const time = entry.integratedTime;
    entry.integratedTime = time.slice(0, -1) + String((Number(time.at(-1)) + 1) % 10);
    const changed = join(work, 'changed.sigstore.json');
    await writeFile(changed, JSON.stringify(json));
    const out = join(work, 'third');
    const r = await verifySbom('--sbom-bundle', changed, '-o', out);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail', code: 'TLOG_SET_INVALID' });
    expect(report.saved).toEqual([]);
    await expect(readFile(join(out, 'release'))).rejects.toThrow();
  });

  it('--sbom-bundle with --rekor-entry is a usage error (exit 2)', async () => {
    const r = await verifySbom('--sbom-bundle', bundle, '--rekor-entry', rekorEntry);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--sbom-bundle.*cannot be used with.*--rekor-entry|--rekor-entry.*cannot be used with.*--sbom-bundle/);
  });
});
