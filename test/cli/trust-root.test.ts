// `kube-sbom trust-root export`: the file it writes verifies a real public-good bundle with no network, through
// --trusted-root; '-' puts the root on stdout; a file it cannot write is exit 3 with the error document.
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realdata, realdataMissing, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-trust-root-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CONFORMANCE_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';

describe('trust-root export', () => {
  it('writes trusted_root.json and says where it came from and how recent it is', async () => {
    const file = join(dir, 'trusted_root.json');
    const run = await runCli(['trust-root', 'export', file, '--offline', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { file: string; source: string; newestStart: string; ageDays: number; counts: Record<string, number> };
    expect(summary).toMatchObject({ file, source: expect.stringMatching(/shipped/) });
    expect(summary.ageDays).toBeGreaterThanOrEqual(0);
    expect(summary.counts.tlogs).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).mediaType).toMatch(/^application\/vnd\.dev\.sigstore\.trustedroot/);
  });

  it.skipIf(realdataMissing)('the exported root verifies a real public-good bundle offline through --trusted-root', async () => {
    const file = join(dir, 'for-verify.json');
    expect((await runCli(['trust-root', 'export', file, '--offline'])).code).toBe(0);
    const suite = realdata('sigstore', 'sigstore-conformance', 'bundle-verify');
    const args = [
      'verify-blob',
      join(suite, 'a.txt'),
      '--bundle',
      join(suite, 'happy-path-v0.3', 'bundle.sigstore.json'),
      '--offline',
      '--trusted-root',
      file,
      '--certificate-identity',
      CONFORMANCE_IDENTITY,
      '--certificate-oidc-issuer',
      'https://token.actions.githubusercontent.com',
    ];
    const run = await runCli(args);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Verified OK');
    expect(run.stderr).toContain(file);
  });

  it("'-' writes the root to stdout and the summary to stderr", async () => {
    const run = await runCli(['trust-root', 'export', '-', '--offline']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).tlogs.length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/wrote the trusted root to stdout: shipped/);
  });

  it('a file that cannot be written is exit 3, with one JSON error document under --json', async () => {
    const run = await runCli(['trust-root', 'export', join(dir, 'no-such-folder', 'x.json'), '--offline', '--json']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).error.exitCode).toBe(3);
  });
});
