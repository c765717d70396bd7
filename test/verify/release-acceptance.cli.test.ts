// Issue 14's acceptance for `kube-sbom verify-release`: a release the tests generate (binaries and an archive of a
// few MB, signed by the test PKI, images in the local docker-registry), served over loopback HTTP in the dl.k8s.io and
// sbom.k8s.io layouts and over file://. Each failure fails its own row with its own reason; the others still pass.
import { appendFile, cp, mkdtemp, readFile, rm, truncate, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { parseCsv } from '../helpers/csv-parse.js';
import {
  generateRelease,
  generatedBytes,
  provenanceStatement,
  publishProvenance,
  publishSbom,
  sbomFileOf,
  type GeneratedRelease,
} from '../helpers/generated-release.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { makeImage, pushImage } from '../helpers/registry-push.js';
import type { ReleaseImage } from '../helpers/registry-sbom.js';
import { publishSigned, writeSignature } from '../helpers/release-fixture.js';
import { ReleaseMirror } from '../helpers/release-mirror.js';
import { GOOGLE_ISSUER, K8S_BLOB_IDENTITY } from '../helpers/pki/index.js';
import { listFiles } from './release-env.js';

interface Row {
  kind: string;
  name: string;
  status: string;
  reason?: string;
  code?: string;
  checks: { check: string; status: string; code: string }[];
  saved?: string[];
}

interface Report {
  verified?: boolean;
  provenance?: { status: string; message: string; predicateType?: string; subjects?: number };
  artifacts?: Row[];
  error?: { code: string; message: string };
}

type Transport = 'http' | 'file';
const TRANSPORTS: Transport[] = ['http', 'file'];

describe.skipIf(registryMissing)('verify-release on a generated release (issue 14 acceptance)', { timeout: 300_000 }, () => {
  let registry: TestRegistry;
  let work: string;
  let pristine: GeneratedRelease;
  let unsigned: ReleaseImage;
  let root: string;
  let mirror: ReleaseMirror | undefined;

  beforeAll(async () => {
    registry = await startRegistry();
    work = await mkdtemp(join(tmpdir(), 'kube-sbom-accept-'));
    pristine = await generateRelease(join(work, 'pristine'), { registry: { url: registry.url } });
    const image = makeImage({ architecture: 'amd64' });
    await pushImage({ url: registry.url }, 'kube-scheduler-amd64', image, pristine.version);
    unsigned = { name: 'kube-scheduler', arch: 'amd64', diffIds: image.layers.map((l) => l.diffId) };
  });
  afterEach(async () => {
    await mirror?.close();
    mirror = undefined;
  });
  afterAll(async () => {
    await registry?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** A fresh copy of the pristine release, served by its own mirror (Rekor answers from it in both transports). */
  async function serve(): Promise<ReleaseMirror> {
    root = await mkdtemp(join(work, 'case-'));
    await cp(pristine.root, root, { recursive: true });
    mirror = await ReleaseMirror.start(root);
    return mirror;
  }

  const dl = (path: string) => join(root, 'dl', 'release', pristine.version, path);
  const listed = () => [...pristine.files].map(([path, bytes]) => sbomFileOf(path, bytes));

  async function verifyRelease(transport: Transport, extra: string[] = [], { json = true } = {}) {
    const m = mirror!;
    const sources =
      transport === 'http'
        ? ['--sbom-url', m.sbomUrl, '--dl-url', m.dlUrl]
        : ['--sbom-url', pathToFileURL(join(root, 'sbom')).href, '--dl-url', pathToFileURL(join(root, 'dl')).href];
    const r = await runCli([
      'verify-release',
      pristine.version,
      ...sources,
      ...['--rekor-url', m.rekorUrl, '--trusted-root', pristine.trustedRootPath, '--no-cache', '--retries', '1', '--retry-delay', '0'],
      ...['--idle-timeout', '2000', '--registry-mirror', `registry.k8s.io=${registry.host}`, '--all', ...(json ? ['--json'] : [])],
      ...extra,
    ]);
    const report = json && r.stdout ? (JSON.parse(r.stdout) as Report) : undefined;
    const rows = new Map((report?.artifacts ?? []).map((a) => [a.name, a]));
    return { ...r, report, rows };
  }

  /** Every row but `name` passed: one artifact's failure is its own. */
  function othersPass(rows: Map<string, Row>, name: string) {
    expect([...rows.values()].filter((a) => a.name !== name && a.status !== 'pass')).toEqual([]);
  }

  describe.each(TRANSPORTS)('over %s', (transport) => {
    it('every check passes: exit 0, one passing row per file and image', async () => {
      await serve();
      const r = await verifyRelease(transport);
      expect(r.code, r.stderr).toBe(0);
      // stderr is a pipe here: no live table, no progress.
      expect(r.stderr).toBe('');
      expect([...r.rows.values()].map((a) => `${a.kind} ${a.name} ${a.status}`)).toEqual([
        'binary bin/linux/amd64/kubectl pass',
        'binary bin/linux/amd64/kubeadm pass',
        'binary bin/linux/amd64/kubelet pass',
        'archive kubernetes-client-linux-amd64.tar.gz pass',
        'image registry.k8s.io/kube-apiserver-amd64:v1.99.0 pass',
        'image registry.k8s.io/kube-proxy-amd64:v1.99.0 pass',
      ]);
      // The release's provenance.json lists every file, with the SBOM's digests.
      expect(r.report!.provenance).toMatchObject({ status: 'checked', predicateType: 'https://slsa.dev/provenance/v1', subjects: 4 });
      for (const row of [...r.rows.values()].filter((a) => a.kind !== 'image'))
        expect(row.checks.at(-1)).toMatchObject({ check: 'provenance', status: 'pass' });
      const text = await verifyRelease(transport, [], { json: false });
      expect(text.stdout).toMatch(
        /^provenance: checked .*\/release\/v1\.99\.0\/provenance\.json \(https:\/\/slsa\.dev\/provenance\/v1, 4 subject\(s\)\); lists 4 of the 4 selected file\(s\)$/m,
      );
    });

    it('a provenance subject whose digest differs from the SBOM fails that file; no provenance.json is reported, not a failure', async () => {
      await serve();
      const entries = listed().map((f) => (f.path === 'bin/linux/amd64/kubectl' ? { ...f, sha256: 'cd'.repeat(32) } : f));
      await publishProvenance(root, pristine.version, provenanceStatement(pristine.version, entries));
      const r = await verifyRelease(transport);
      expect(r.code, r.stderr).toBe(1);
      const row = r.rows.get('bin/linux/amd64/kubectl')!;
      expect(row).toMatchObject({
        status: 'fail',
        code: 'PROVENANCE_DIGEST_MISMATCH',
        reason: expect.stringContaining(`provenance.json says SHA256 of bin/linux/amd64/kubectl is ${'cd'.repeat(32)}`),
      });
      expect(row.checks.map((c) => `${c.check} ${c.status}`)).toEqual([
        'sha256 pass',
        'sha512 pass',
        'signature pass',
        'sbom-describes pass',
        'provenance fail',
      ]);
      othersPass(r.rows, row.name);

      await unlink(dl('provenance.json'));
      const absent = await verifyRelease(transport);
      expect(absent.code, absent.stderr).toBe(0);
      expect(absent.report!.provenance).toMatchObject({ status: 'absent', message: 'not published (not a failure)' });
      expect([...absent.rows.values()].flatMap((a) => a.checks.filter((c) => c.check === 'provenance'))).toEqual([]);
    });

    it('a binary changed after signing fails its digest checks', async () => {
      await serve();
      await appendFile(dl('bin/linux/amd64/kubelet'), 'changed after signing\n');
      const r = await verifyRelease(transport);
      expect(r.code, r.stderr).toBe(1);
      const row = r.rows.get('bin/linux/amd64/kubelet')!;
      expect(row).toMatchObject({
        status: 'fail',
        code: 'DIGEST_MISMATCH_SHA256',
        reason: expect.stringMatching(/^sha256: SHA-256 of .*kubelet is [0-9a-f]{64}, but /),
      });
      expect(row.checks.map((c) => `${c.check} ${c.status}`)).toEqual([
        'sha256 fail',
        'sha512 fail',
        'signature fail',
        'sbom-describes fail',
        'provenance pass',
      ]);
      othersPass(r.rows, row.name);
    });

    it('a binary whose SBOM checksum differs from the published .sha512 fails the SBOM cross-check only', async () => {
      await serve();
      const entries = listed().map((f) => (f.path === 'bin/linux/amd64/kubeadm' ? { ...f, sha512: 'ab'.repeat(64) } : f));
      await publishSbom(root, pristine.version, pristine.images, entries);
      const r = await verifyRelease(transport);
      expect(r.code, r.stderr).toBe(1);
      const row = r.rows.get('bin/linux/amd64/kubeadm')!;
      expect(row).toMatchObject({
        status: 'fail',
        code: 'SBOM_DIGEST_MISMATCH_SHA512',
        reason: expect.stringContaining(`SHA512 of bin/linux/amd64/kubeadm is ${'ab'.repeat(64)}`),
      });
      // provenance.json states the published digest too, so it disagrees with the SBOM as well.
      expect(row.checks.map((c) => `${c.check} ${c.status}`)).toEqual([
        'sha256 pass',
        'sha512 pass',
        'signature pass',
        'sbom-describes fail',
        'provenance fail',
      ]);
      othersPass(r.rows, row.name);
    });

    it('a signature by another identity fails the signature check, naming the signer', async () => {
      await serve();
      const path = 'bin/linux/amd64/kubectl';
      await writeSignature(root, join('dl', 'release', pristine.version, path), pristine.files.get(path)!, { identity: 'intruder@evil.example' });
      const r = await verifyRelease(transport);
      expect(r.code, r.stderr).toBe(1);
      const row = r.rows.get(path)!;
      expect(row.status).toBe('fail');
      expect(row.code).toMatch(/IDENTITY/);
      expect(row.reason).toMatch(/^signature: .*intruder@evil\.example/);
      expect(row.checks.map((c) => `${c.check} ${c.status}`)).toEqual([
        'sha256 pass',
        'sha512 pass',
        'signature fail',
        'sbom-describes pass',
        'provenance pass',
      ]);
      othersPass(r.rows, path);
    });

    it('a missing .sig is a failed artifact (not published), not a run that could not be made', async () => {
      await serve();
      await unlink(dl('kubernetes-client-linux-amd64.tar.gz.sig'));
      const r = await verifyRelease(transport);
      expect(r.code, r.stderr).toBe(1);
      const row = r.rows.get('kubernetes-client-linux-amd64.tar.gz')!;
      expect(row).toMatchObject({ status: 'fail', code: 'NOT_PUBLISHED', reason: expect.stringMatching(/^not published: \.sig missing \(.*tar\.gz\.sig/) });
      // The SBOM is still compared with provenance.json: that needs no download.
      expect(row.checks.map((c) => `${c.check} ${c.status}`)).toEqual(['provenance pass']);
      othersPass(r.rows, row.name);
    });

    it('an artifact the SBOM does not list is never verified: a selection naming only it is an error (exit 1)', async () => {
      await serve();
      // Published and signed on the mirror, but the release SBOM does not list it.
      await publishSigned(root, join('dl', 'release', pristine.version, 'bin/linux/amd64/kube-extra'), generatedBytes('kube-extra', 4096));
      const r = await verifyRelease(transport, ['--name', 'kube-extra']);
      expect(r.code, r.stderr).toBe(1);
      expect(r.report!.error).toMatchObject({
        code: 'NOTHING_SELECTED',
        message: expect.stringContaining('lists nothing of the binaries and archives named kube-extra'),
      });
      expect(mirror!.hits(`/dl/release/${pristine.version}/bin/linux/amd64/kube-extra`)).toBe(0);
    });

    it('a cut-short copy of a file fails its digest checks', async () => {
      const m = await serve();
      const path = 'bin/linux/amd64/kubeadm';
      // Over HTTP the mirror declares the short body as complete; over file:// the file on disk is cut short.
      if (transport === 'http') m.inject(`/dl/release/${pristine.version}/${path}`, { kind: 'short', keepBytes: 1024 * 1024 }, 5);
      else await truncate(dl(path), 1024 * 1024);
      const r = await verifyRelease(transport);
      expect(r.code, r.stderr).toBe(1);
      const row = r.rows.get(path)!;
      expect(row).toMatchObject({ status: 'fail', code: 'DIGEST_MISMATCH_SHA256' });
      othersPass(r.rows, path);
    });

    it('an unsigned image fails its row with the reason', async () => {
      await serve();
      await publishSbom(root, pristine.version, [...pristine.images, unsigned], listed());
      const r = await verifyRelease(transport);
      expect(r.code, r.stderr).toBe(1);
      const name = `registry.k8s.io/kube-scheduler-amd64:${pristine.version}`;
      expect(r.rows.get(name)).toMatchObject({ kind: 'image', status: 'fail', code: 'NO_SIGNATURES', reason: expect.stringContaining('no signatures found') });
      othersPass(r.rows, name);
    });
  });

  it('--format junit, csv and md: one entry per artifact after the SBOM, the failed one with its reason (exit 1)', async () => {
    await serve();
    await unlink(dl('bin/linux/amd64/kubeadm.sig'));
    const formatted = (format: string) => verifyRelease('http', ['--format', format], { json: false });
    const junit = await formatted('junit');
    expect(junit.code, junit.stderr).toBe(1);
    const suite = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testcase' }).parse(junit.stdout).testsuites
      .testsuite;
    expect(suite).toMatchObject({ tests: '7', failures: '1', errors: '0' });
    const failedCase = (suite.testcase as Array<{ name: string; failure?: { type: string; message: string } }>).find((c) => c.failure);
    expect(failedCase).toMatchObject({
      name: 'bin/linux/amd64/kubeadm',
      failure: { type: 'NOT_PUBLISHED', message: expect.stringMatching(/^not published: \.sig missing/) },
    });
    const csv = await formatted('csv');
    expect(csv.code).toBe(1);
    expect(parseCsv(csv.stdout).map((r) => `${r[0]} ${r[2]} ${r[3]}`)).toEqual([
      'kind result code',
      'sbom pass ',
      'binary pass ',
      'binary fail NOT_PUBLISHED',
      'binary pass ',
      'archive pass ',
      'image pass ',
      'image pass ',
    ]);
    const md = await formatted('md');
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/^\| binary \| bin\/linux\/amd64\/kubeadm \| FAIL \| not published: \.sig missing .* `NOT_PUBLISHED` \|$/m);
    expect((await formatted('xml')).code).toBe(2);
  });

  it('-o DIR keeps only the files that passed every check, each with its signature files and a Sigstore bundle that verifies', async () => {
    await serve();
    const outDir = join(root, 'out');
    await unlink(dl('bin/linux/amd64/kubeadm.sig'));
    await appendFile(dl('bin/linux/amd64/kubelet'), 'changed after signing\n');
    const r = await verifyRelease('http', ['-o', outDir]);
    expect(r.code, r.stderr).toBe(1);
    const files = await listFiles(outDir);
    expect(files.filter((f) => !f.includes('.rekor'))).toEqual([
      'bin/linux/amd64/kubectl',
      'bin/linux/amd64/kubectl.cert',
      'bin/linux/amd64/kubectl.sha256',
      'bin/linux/amd64/kubectl.sha512',
      'bin/linux/amd64/kubectl.sig',
      'bin/linux/amd64/kubectl.sigstore.json',
      'kubernetes-client-linux-amd64.tar.gz',
      'kubernetes-client-linux-amd64.tar.gz.cert',
      'kubernetes-client-linux-amd64.tar.gz.sha256',
      'kubernetes-client-linux-amd64.tar.gz.sha512',
      'kubernetes-client-linux-amd64.tar.gz.sig',
      'kubernetes-client-linux-amd64.tar.gz.sigstore.json',
    ]);
    expect(r.rows.get('bin/linux/amd64/kubectl')!.saved).toHaveLength(7);
    // Compared with equals(): a deep toEqual of two 2 MiB buffers takes seconds.
    expect((await readFile(join(outDir, 'bin/linux/amd64/kubectl'))).equals(pristine.files.get('bin/linux/amd64/kubectl')!)).toBe(true);
    // The bundle is a standard one: verify-blob checks the kept file with it alone, offline.
    const blob = await runCli([
      'verify-blob',
      join(outDir, 'bin/linux/amd64/kubectl'),
      ...['--bundle', join(outDir, 'bin/linux/amd64/kubectl.sigstore.json'), '--offline', '--trusted-root', pristine.trustedRootPath],
      ...['--certificate-identity', K8S_BLOB_IDENTITY, '--certificate-oidc-issuer', GOOGLE_ISSUER],
    ]);
    expect(blob.code, blob.stderr).toBe(0);
    const text = await verifyRelease('http', ['-o', outDir, '--only', 'binaries'], { json: false });
    expect(text.stdout).toContain(`kept in ${outDir}: the 1 verified file(s), each with its signature files and NAME.sigstore.json\n`);
  });

  it('a mirror that truncates a download (closes before the declared length) leaves that row unchecked with the reason (exit 3)', async () => {
    const m = await serve();
    const path = 'bin/linux/amd64/kubectl';
    // A server that takes no ranges: no attempt can continue another, so each one counts against --retries.
    m.ranges = false;
    m.inject(`/dl/release/${pristine.version}/${path}`, { kind: 'truncate' }, 5);
    const r = await verifyRelease('http');
    expect(r.code, r.stderr).toBe(3);
    const row = r.rows.get(path)!;
    expect(row.status).toBe('error');
    expect(row.reason).toContain(`/dl/release/${pristine.version}/${path}`);
    expect(row.reason).toMatch(/after 2 attempts/);
    othersPass(r.rows, path);
  });

  it('a server that cannot be reached at all leaves the files unchecked (exit 3), unlike a 404', async () => {
    await serve();
    const r = await verifyRelease('http', ['--dl-url', 'http://127.0.0.1:9/dl', '--only', 'binaries']);
    expect(r.code, r.stderr).toBe(3);
    expect([...r.rows.values()].map((a) => `${a.status} ${a.code}`)).toEqual(Array(3).fill('error NETWORK_ERROR'));
  });
});
