// verify-sbom run for real (the compiled CLI) against a loopback mirror serving a release signed by the test PKI.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, realdataMissing, runCli } from '../helpers/cli.js';
import { writeSignature } from '../helpers/release-fixture.js';
import { listFiles, pristineRelease, releaseEnv, removePristine, type ReleaseEnv } from './release-env.js';

const SBOM = '/sbom/v1.25.4/release';
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
let env: ReleaseEnv;

interface Check {
  check: string;
  subject: string;
  status: string;
  code: string;
  details?: { check: string; code: string; status: string }[];
}
const byId = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.check, c]));

async function verify(args: string[] = ['v1.25.4'], extra: string[] = []) {
  const r = await runCli(['verify-sbom', ...args, ...env.flags, '--json', '-o', env.outDir, ...extra]);
  const report = r.stdout
    ? (JSON.parse(r.stdout) as { verified: boolean; version: string; requested: string; checks: Check[]; sbom?: Record<string, unknown>; saved: string[] })
    : undefined;
  return { ...r, report };
}

async function expectNothingWritten(): Promise<void> {
  expect(await listFiles(env.outDir)).toEqual([]);
  expect(await listFiles(env.cacheDir)).toEqual([]);
}

// Each case runs the compiled CLI several times; generous limits keep a loaded CI machine from failing them.
describe.skipIf(realdataMissing)('kube-sbom verify-sbom', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await pristineRelease();
  });
  afterAll(removePristine);
  afterEach(async () => env?.close());

  it('verifies a good release, summarises it, keeps the files with -o and fills the cache', async () => {
    env = await releaseEnv();
    const r = await verify(['stable']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(''); // no progress output when stderr is not a terminal
    expect(r.report).toMatchObject({ verified: true, version: 'v1.25.4', requested: 'stable' });
    expect(r.report!.checks.map((c) => [c.check, c.status, c.code])).toEqual([
      ['sha256', 'pass', 'OK'],
      ['sha512', 'pass', 'OK'],
      ['signature', 'pass', 'OK'],
      ['sbom', 'pass', 'OK'],
    ]);
    expect(r.report!.sbom).toMatchObject({
      spdxVersion: 'SPDX-2.3',
      name: 'Kubernetes Release v1.25.4',
      images: 25,
      counts: { packages: 130, files: 113, relationships: 268 },
    });
    expect(await listFiles(env.outDir)).toEqual([
      'release',
      'release.cert',
      'release.rekor.json',
      'release.sha256',
      'release.sha512',
      'release.sig',
      'release.sigstore.json',
    ]);
    expect((await readFile(join(env.outDir, 'release'))).equals(env.fixture.sbomBytes)).toBe(true);
    expect((await listFiles(env.cacheDir)).filter((f) => f.startsWith('blobs/')).length).toBeGreaterThanOrEqual(6);
  });

  it('prints a readable text report', async () => {
    env = await releaseEnv();
    const r = await runCli(['verify-sbom', 'v1.25.4', ...env.flags]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Kubernetes v1.25.4 release SBOM');
    expect(r.stdout).toMatch(/pass {2}signature +release: signed by krel-staging@k8s-releng-prod\.iam\.gserviceaccount\.com/);
    expect(r.stdout).toContain('130 packages, 113 files, 268 relationships, 25 images');
    expect(r.stdout.trim().split('\n').pop()).toBe('verified: release SBOM of v1.25.4');
  });

  it.skipIf(!hasScript)('draws progress and stages on stderr when it is a terminal', async () => {
    env = await releaseEnv();
    const quoted = [process.execPath, cliPath, 'verify-sbom', 'v1.25.4', ...env.flags, '--json'].map((a) => `'${a}'`).join(' ');
    // `script` gives the command a pseudo-terminal; stdout (the JSON) goes to /dev/null, the terminal shows stderr.
    const { stdout } = await promisify(execFile)('script', ['-qec', `${quoted} >/dev/null`, '/dev/null'], { encoding: 'utf8' });
    expect(stdout).toContain('verifying the release SBOM of v1.25.4');
    expect(stdout).toMatch(/\r\u001b\[2Krelease(\.\w+)? .*100%/);
  });

  it('passes two 503s through the retries', async () => {
    env = await releaseEnv();
    env.mirror.inject(SBOM, { kind: 'status', status: 503 }, 2);
    const r = await verify(['v1.25.4'], ['--no-cache']);
    expect(r.code, r.stderr).toBe(0);
    expect(env.mirror.hits(SBOM)).toBe(3);
    expect(await listFiles(env.cacheDir)).toEqual([]); // --no-cache
    expect(await listFiles(env.outDir)).toHaveLength(7);
  });

  const tampering: [string, (e: ReleaseEnv) => Promise<void>, Record<string, string>][] = [
    [
      'an SBOM byte flipped',
      async (e) => {
        const bytes = await readFile(join(e.root, SBOM));
        bytes[1000]! ^= 0x01;
        await writeFile(join(e.root, SBOM), bytes);
      },
      { sha256: 'DIGEST_MISMATCH_SHA256', sha512: 'DIGEST_MISMATCH_SHA512', signature: 'REKOR_ENTRY_NOT_FOUND' },
    ],
    ['a wrong .sha256', (e) => writeFile(join(e.root, `${SBOM}.sha256`), 'ab'.repeat(32)), { sha256: 'DIGEST_MISMATCH_SHA256' }],
    ['a wrong .sha512', (e) => writeFile(join(e.root, `${SBOM}.sha512`), 'cd'.repeat(64) + '\n'), { sha512: 'DIGEST_MISMATCH_SHA512' }],
    ['a .sha256 that is not a digest', (e) => writeFile(join(e.root, `${SBOM}.sha256`), '<html>gateway error</html>'), { sha256: 'CHECKSUM_FILE_INVALID' }],
    [
      'a signature of other bytes',
      async (e) => {
        await writeSignature(e.root, SBOM, Buffer.from('some other document'));
      },
      { signature: 'REKOR_ENTRY_NOT_FOUND' },
    ],
    [
      'a certificate with another identity',
      async (e) => {
        await writeSignature(e.root, SBOM, e.fixture.sbomBytes, { identity: 'attacker@example.com' });
      },
      { signature: 'IDENTITY_MISMATCH' },
    ],
  ];

  it.each(tampering)('fails on %s with exit 1, only the affected checks fail, nothing is written', async (_name, tamper, failing) => {
    env = await releaseEnv();
    await tamper(env);
    const r = await verify();
    expect(r.code, r.stderr).toBe(1);
    const checks = byId(r.report!.checks);
    for (const id of ['sha256', 'sha512', 'signature', 'sbom']) {
      if (failing[id]) expect(checks[id], id).toMatchObject({ status: 'fail', code: failing[id] });
      else expect(checks[id], id).toMatchObject({ status: 'pass' });
    }
    await expectNothingWritten();
  });

  it('checks the identity and issuer given on the command line instead of the Kubernetes defaults', async () => {
    env = await releaseEnv();
    const wrongIssuer = await verify(['v1.25.4'], ['--certificate-oidc-issuer', 'https://token.actions.githubusercontent.com']);
    expect(wrongIssuer.code).toBe(1);
    expect(byId(wrongIssuer.report!.checks).signature).toMatchObject({ status: 'fail', code: 'ISSUER_MISMATCH' });
    await writeSignature(env.root, SBOM, env.fixture.sbomBytes, { identity: 'release-bot@example.com' });
    const other = await verify(['v1.25.4'], ['--certificate-identity', 'release-bot@example.com']);
    expect(other.code, other.stderr).toBe(0);
    expect(other.report!.checks.every((c) => c.status === 'pass')).toBe(true);
    // A regular expression is anchored: a prefix of the real signer does not match.
    const prefix = await verify(['v1.25.4'], ['--certificate-identity-regexp', 'release-bot']);
    expect(byId(prefix.report!.checks).signature).toMatchObject({ status: 'fail', code: 'IDENTITY_MISMATCH' });
    const anchored = await verify(['v1.25.4'], ['--certificate-identity-regexp', 'release-bot@example\\.(com|org)']);
    expect(anchored.code, anchored.stderr).toBe(0);
    const both = await verify(['v1.25.4'], ['--certificate-identity', 'a@b.c', '--certificate-identity-regexp', '.*']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('[OPTION_CONFLICT]');
  });

  it('fails a correctly signed SBOM of another release served under the version asked for', async () => {
    env = await releaseEnv();
    await cp(join(env.root, 'sbom', 'v1.25.4'), join(env.root, 'sbom', 'v1.25.5'), { recursive: true });
    const r = await verify(['v1.25.5']);
    expect(r.code, r.stderr).toBe(1);
    const checks = byId(r.report!.checks);
    expect([checks.sha256!.status, checks.sha512!.status, checks.signature!.status]).toEqual(['pass', 'pass', 'pass']);
    expect(checks.sbom).toMatchObject({ status: 'fail', code: 'SBOM_VERSION_MISMATCH' });
    await expectNothingWritten();
  });

  it('reports the verifier failure with a saved Rekor entry for other bytes', async () => {
    env = await releaseEnv();
    await writeSignature(env.root, SBOM, Buffer.from('some other document'));
    const entryFile = join(env.root, 'other.rekor.json');
    const uuids = JSON.parse(await readFile(join(env.root, 'rekor', 'by-hash', `${sha256('some other document')}.json`), 'utf8')) as string[];
    await writeFile(entryFile, await readFile(join(env.root, 'rekor', 'entries', `${uuids[0]}.json`)));
    const r = await verify(['v1.25.4'], ['--rekor-entry', entryFile]);
    expect(r.code).toBe(1);
    const sig = byId(r.report!.checks).signature!;
    expect(sig.status).toBe('fail');
    expect(sig.details!.some((d) => d.status === 'fail' && /ARTIFACT_DIGEST_MISMATCH|SIGNATURE_INVALID/.test(d.code))).toBe(true);
    expect(byId(r.report!.checks).sha256!.status).toBe('pass');
    await expectNothingWritten();
  });

  it.each([
    ['a truncated body', { kind: 'truncate' } as const],
    ['a connection reset', { kind: 'reset' } as const],
    ['a stalling server', { kind: 'stall' } as const],
  ])('fails cleanly with exit 3 on %s, within the timeout, leaving nothing behind', async (_name, fault) => {
    env = await releaseEnv();
    // A server that takes no ranges: no attempt can continue another, so each one counts against --retries.
    env.mirror.ranges = false;
    env.mirror.inject(SBOM, fault, 10);
    const started = Date.now();
    const r = await verify();
    expect(r.code, r.stderr).toBe(3);
    // With the default 30 s idle timeout four attempts would take minutes: finishing well inside that shows the configured one applied.
    expect(Date.now() - started).toBeLessThan(20_000);
    // --json was asked: the failure is the one JSON document.
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { exitCode: 3 } });
    expect(r.stderr).toMatch(/^kube-sbom: .*\/sbom\/v1\.25\.4\/release.*after 4 attempts.* \[[A-Z_]+\]\n$/);
    await expectNothingWritten();
  });

  it('refuses an invalid version with exit 2 before any download', async () => {
    env = await releaseEnv();
    const r = await verify(['v1.25']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[VERSION_INVALID]');
    expect(env.mirror.requests).toEqual([]);
  });

  it('works from a file:// mirror offline with a saved Rekor entry, and offline from the cache after an online run', async () => {
    env = await releaseEnv();
    const entry = join(env.root, 'saved.rekor.json');
    const uuids = JSON.parse(await readFile(join(env.root, 'rekor', 'by-hash', `${sha256(env.fixture.sbomBytes)}.json`), 'utf8')) as string[];
    await writeFile(entry, await readFile(join(env.root, 'rekor', 'entries', `${uuids[0]}.json`)));
    const fileFlags = ['--sbom-url', pathToFileURL(join(env.root, 'sbom')).href, '--dl-url', pathToFileURL(join(env.root, 'dl')).href];
    const fromFiles = await verify(['stable'], [...fileFlags, '--offline', '--rekor-entry', entry]);
    expect(fromFiles.code, fromFiles.stderr).toBe(0);
    expect(env.mirror.requests).toEqual([]);

    const cold = await runCli(['verify-sbom', 'v1.25.4', ...env.flags, '--offline']);
    expect(cold.code).toBe(3);
    expect(cold.stderr).toContain('[OFFLINE_NOT_CACHED]');
    expect((await verify(['stable'])).code).toBe(0);
    const seen = env.mirror.requests.length;
    const warm = await runCli(['verify-sbom', 'stable', ...env.flags, '--offline', '--json']);
    expect(warm.code, warm.stderr).toBe(0);
    expect(JSON.parse(warm.stdout)).toMatchObject({ verified: true, version: 'v1.25.4' });
    expect(env.mirror.requests.length).toBe(seen);
  });
});

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
