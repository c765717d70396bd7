// kube-sbom verify-blob as a user runs it: output streams, --json, exit codes.
import { execFile } from 'node:child_process';
import { lstat, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realdata, realdataMissing, runCli } from '../helpers/cli.js';
import { getTestPki, signBlob, toSigstoreBundle, GOOGLE_ISSUER, K8S_BLOB_IDENTITY, type SignedBlob } from '../helpers/pki/index.js';
import { makeFifo } from '../helpers/fifo.js';
import { startFakeRekor } from '../helpers/rekor-server.js';

let dir: string;
let signedRelease: SignedBlob;
const f = (name: string) => join(dir, name);
const artifact = Buffer.from('kubernetes v1.99.0 release SBOM\n');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-sbom-blob-cli-'));
  const s = await signBlob(artifact);
  signedRelease = s;
  const expired = await signBlob(artifact, { expiredAtSigning: true });
  await Promise.all([
    writeFile(f('release.spdx'), artifact),
    writeFile(f('release.spdx.sig'), s.signatureB64),
    writeFile(f('release.spdx.cert'), s.certificateB64),
    writeFile(f('release.rekor.json'), JSON.stringify(s.rekorEntry)),
    writeFile(f('expired.cert'), expired.certificateB64),
    writeFile(f('expired.sig'), expired.signatureB64),
    writeFile(f('expired.rekor.json'), JSON.stringify(expired.rekorEntry)),
    writeFile(f('release.sigstore.json'), JSON.stringify(toSigstoreBundle(s))),
    writeFile(f('trusted_root.json'), (await getTestPki()).trustedRootText),
    writeFile(f('garbage'), '\u0000\u0001 this is not anything'),
  ]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const execFileAsync = promisify(execFile);
const identity = ['--certificate-identity', K8S_BLOB_IDENTITY, '--certificate-oidc-issuer', GOOGLE_ISSUER];
const detached = (overrides: Record<string, string> = {}) => {
  const opts: Record<string, string> = {
    '--signature': f('release.spdx.sig'),
    '--certificate': f('release.spdx.cert'),
    '--rekor-entry': f('release.rekor.json'),
    '--trusted-root': f('trusted_root.json'),
    ...overrides,
  };
  return [f('release.spdx'), ...Object.entries(opts).flat(), ...identity, '--offline'];
};

describe('kube-sbom verify-blob (CLI)', () => {
  it('prints Verified OK on stdout and the per-check report on stderr', async () => {
    const r = await runCli(['verify-blob', ...detached()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Verified OK\n');
    expect(r.stderr).toMatch(/pass {2}certificate-chain +chains to a trusted CA/);
    expect(r.stderr).toMatch(/pass {2}transparency-log/);
  });

  it('--json prints exactly one JSON document with every check', async () => {
    const r = await runCli(['verify-blob', ...detached(), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.verified).toBe(true);
    expect(doc.checks.map((c: { check: string }) => c.check)).toEqual([
      'artifact-digest',
      'certificate-chain',
      'sct',
      'identity',
      'issuer',
      'transparency-log',
      'signature',
    ]);
    expect(doc.signer).toEqual({ identity: K8S_BLOB_IDENTITY, issuer: GOOGLE_ISSUER });
  });

  it('a failed check exits 1 and names the check and code', async () => {
    const r = await runCli([
      'verify-blob',
      ...detached({ '--signature': f('expired.sig'), '--certificate': f('expired.cert'), '--rekor-entry': f('expired.rekor.json') }),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('FAIL  certificate-chain');
    expect(r.stderr).toMatch(/verification failed: .* \[CERTIFICATE_EXPIRED_AT_SIGNED_TIME\]/);
  });

  it.each([
    ['--signature', 'SIGNATURE_MALFORMED'],
    ['--certificate', 'CERTIFICATE_MALFORMED'],
    ['--rekor-entry', 'REKOR_ENTRY_MALFORMED'],
  ])('garbage in %s: exit 1 with %s', async (flag, code) => {
    const r = await runCli(['verify-blob', ...detached({ [flag]: f('garbage') }), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).checks).toEqual([expect.objectContaining({ check: 'input', status: 'fail', code })]);
  });

  it('garbage bundle: exit 1 BUNDLE_MALFORMED; garbage trusted root: exit 3 TRUSTED_ROOT_INVALID', async () => {
    const bundle = await runCli([
      'verify-blob',
      f('release.spdx'),
      '--bundle',
      f('garbage'),
      ...identity,
      '--offline',
      '--trusted-root',
      f('trusted_root.json'),
    ]);
    expect(bundle.code).toBe(1);
    expect(bundle.stderr).toContain('[BUNDLE_MALFORMED]');
    const root = await runCli(['verify-blob', ...detached({ '--trusted-root': f('garbage') })]);
    expect(root.code).toBe(3);
    expect(root.stderr).toContain('[TRUSTED_ROOT_INVALID]');
  });

  it('a Sigstore bundle verifies', async () => {
    const r = await runCli(['verify-blob', f('release.spdx'), '--bundle', f('release.sigstore.json'), '--trusted-root', f('trusted_root.json'), ...identity]);
    expect(r.stdout).toBe('Verified OK\n');
    expect(r.code).toBe(0);
  });

  it.each([
    [['--certificate-oidc-issuer', GOOGLE_ISSUER], 'POLICY_MISSING'],
    [['--certificate-identity', 'a', '--certificate-identity-regexp', 'b', '--certificate-oidc-issuer', 'c'], 'POLICY_CONFLICT'],
    [['--certificate-identity-regexp', '(', '--certificate-oidc-issuer', 'c'], 'POLICY_REGEXP_INVALID'],
  ])('usage errors exit 2: %j', async (policy, code) => {
    const args = [f('release.spdx'), '--signature', f('release.spdx.sig'), '--certificate', f('release.spdx.cert'), '--offline', ...policy];
    const r = await runCli(['verify-blob', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`[${code}]`);
  });

  it('no material at all, or half of it, is a usage error', async () => {
    expect((await runCli(['verify-blob', f('release.spdx'), ...identity])).code).toBe(2);
    const half = await runCli(['verify-blob', f('release.spdx'), '--signature', f('release.spdx.sig'), ...identity]);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('[MATERIAL_MISSING]');
  });

  it('a missing file exits 3', async () => {
    const r = await runCli(['verify-blob', ...detached({ '--certificate': f('no-such.cert') })]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[FILE_NOT_FOUND]');
  });

  it('--save-rekor-entry writes as every named output: a read-only file is refused (exit 3), a FIFO is written into', async () => {
    const readOnly = f('read-only.rekor.json');
    await writeFile(readOnly, 'keep\n', { mode: 0o444 });
    const refused = await runCli(['verify-blob', ...detached(), '--save-rekor-entry', readOnly]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('[OUTPUT_READ_ONLY]');
    expect(await readFile(readOnly, 'utf8')).toBe('keep\n');
    const fifo = makeFifo(f('rekor.fifo'));
    // cat, not our own read: a FIFO replaced by a file would leave it waiting until its timeout.
    const reader = execFileAsync('cat', [fifo], { timeout: 10_000 }).catch(() => ({ stdout: '' }));
    const saved = await runCli(['verify-blob', ...detached(), '--save-rekor-entry', fifo]);
    const read = await reader; // before any assertion: a failing run must not leave cat behind
    expect(saved.code, saved.stderr).toBe(0);
    expect(JSON.parse(read.stdout || '{}')).toMatchObject({ [signedRelease.rekorUuid]: {} });
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it('online: finds the entry in Rekor, saves it, and the saved file verifies offline', async () => {
    const rekor = await startFakeRekor();
    try {
      rekor.add(signedRelease.rekorEntry);
      const base = [
        f('release.spdx'),
        '--signature',
        f('release.spdx.sig'),
        '--certificate',
        f('release.spdx.cert'),
        '--trusted-root',
        f('trusted_root.json'),
        ...identity,
      ];
      const online = await runCli(['verify-blob', ...base, '--rekor-url', rekor.url, '--save-rekor-entry', f('saved.rekor.json')]);
      expect(online.stdout).toBe('Verified OK\n');
      expect(online.stderr).toContain(`Rekor entry saved to ${f('saved.rekor.json')}`);
      expect(rekor.requests).toEqual(['POST /api/v1/index/retrieve', `GET /api/v1/log/entries/${signedRelease.rekorUuid}`]);
      const offline = await runCli(['verify-blob', ...base, '--rekor-entry', f('saved.rekor.json'), '--offline']);
      expect(offline.code).toBe(0);
      expect(rekor.requests).toHaveLength(2);
    } finally {
      await rekor.close();
    }
  });

  it('Rekor unreachable (online, no entry) exits 3', async () => {
    const args = [
      f('release.spdx'),
      '--signature',
      f('release.spdx.sig'),
      '--certificate',
      f('release.spdx.cert'),
      '--trusted-root',
      f('trusted_root.json'),
      ...identity,
    ];
    const r = await runCli(['verify-blob', ...args, '--rekor-url', 'http://127.0.0.1:9', '--rekor-timeout', '3']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[REKOR_UNREACHABLE]');
  });
});

const conformance = (name: string, file: string) => realdata('sigstore', 'sigstore-conformance', 'bundle-verify', name, file);
const beacon = [
  '--certificate-identity',
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main',
  '--certificate-oidc-issuer',
  'https://token.actions.githubusercontent.com',
];

describe.skipIf(realdataMissing)('conformance cases through the real CLI', () => {
  it.each([
    ['happy-path-v0.3', 0],
    ['happy-path-v0.1', 0],
    ['signature-mismatch_fail', 1],
    ['checkpoint-wrong-roothash_fail', 1],
  ])('%s exits %i', async (name, code) => {
    const r = await runCli([
      'verify-blob',
      realdata('sigstore', 'sigstore-conformance', 'bundle-verify', 'a.txt'),
      '--bundle',
      conformance(name, 'bundle.sigstore.json'),
      ...beacon,
      '--offline',
    ]);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe(code === 0 ? 'Verified OK\n' : '');
  });

  it('managed-key-happy-path with --key', async () => {
    const r = await runCli([
      'verify-blob',
      realdata('sigstore', 'sigstore-conformance', 'bundle-verify', 'a.txt'),
      '--bundle',
      conformance('managed-key-happy-path', 'bundle.sigstore.json'),
      '--key',
      conformance('managed-key-happy-path', 'key.pub'),
      '--offline',
    ]);
    expect(r.stderr).toContain('public-key');
    expect(r.code).toBe(0);
  });
});
