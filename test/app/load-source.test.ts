// The one way into a document, in-process: a file (read, parsed, nothing verified), a URL, and a release version
// served by a loopback mirror and signed by the test PKI, which must verify before any document comes out.
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSource } from '../../src/app/load-source.js';
import type { LoadEvent, LoadOptions } from '../../src/app/loaded-source.js';
import { ReleaseNotVerifiedError } from '../../src/app/release-not-verified.js';
import { RELEASE_SIGNER_IDENTITY, RELEASE_SIGNER_ISSUER } from '../../src/k8s/identities.js';
import { realdataMissing } from '../helpers/cli.js';
import { listFiles, pristineRelease, releaseEnv, removePristine, type ReleaseEnv } from '../verify/release-env.js';

const DOCUMENT = [
  'SPDXVersion: SPDX-2.3',
  'DataLicense: CC0-1.0',
  'SPDXID: SPDXRef-DOCUMENT',
  'DocumentName: small',
  'DocumentNamespace: https://example.org/small',
  'Creator: Tool: test',
  'Created: 2024-01-01T00:00:00Z',
  '',
  'PackageName: kube-apiserver',
  'SPDXID: SPDXRef-Package-a',
  'PackageDownloadLocation: NOASSERTION',
  'FilesAnalyzed: false',
  '',
  'Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-Package-a',
  '',
].join('\n');

/** Options whose release part points nowhere: a file or URL test that reached for the network would fail. */
function fileOptions(maxBytes = 1 << 20): LoadOptions {
  return { maxBytes, release: { sbomUrl: 'http://127.0.0.1:9/sbom', dlUrl: 'http://127.0.0.1:9/dl', rekorUrl: 'http://127.0.0.1:9/rekor', offline: true } };
}

describe('loadSource: files and URLs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-load-source-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const file = async (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };

  it('reads a file as it is: document, label, format, nothing verified', async () => {
    const path = await file('small.spdx', DOCUMENT);
    const loaded = await loadSource({ kind: 'file', path }, fileOptions());
    expect(loaded).toMatchObject({ label: path, format: 'tag-value', verification: { kind: 'file' } });
    expect(loaded.document.packages.map((p) => p.name)).toEqual(['kube-apiserver']);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps a document that parsed with errors, and returns the errors with their lines', async () => {
    const path = await file('damaged.spdx', `${DOCUMENT}Relationship: SPDXRef-DOCUMENT\n`);
    const loaded = await loadSource({ kind: 'file', path }, fileOptions());
    expect(loaded.document.packages).toHaveLength(1);
    expect(loaded.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error', code: 'TAGVALUE_BAD_RELATIONSHIP', line: 15 })]));
  });

  it('refuses a file that yields no document (empty, binary, not SPDX) with SBOM_UNREADABLE, exit 1', async () => {
    for (const [name, content] of [
      ['empty.spdx', ''],
      ['binary.bin', new Uint8Array([0, 1, 2, 3, 0xff])],
      ['notes.txt', 'just some notes\n'],
    ] as const) {
      const path = await file(name, content);
      const err = await loadSource({ kind: 'file', path }, fileOptions()).catch((e: unknown) => e);
      expect(err, name).toMatchObject({ code: 'SBOM_UNREADABLE', exitCode: 1 });
      expect((err as Error).message, name).toContain(`no SPDX document could be read (kube-sbom inspect ${path} lists every problem)`);
    }
  });

  it('applies the size limit before parsing, and reports a missing file (exit 3)', async () => {
    const path = await file('big.spdx', DOCUMENT);
    await expect(loadSource({ kind: 'file', path }, fileOptions(100))).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE', exitCode: 3 });
    await expect(loadSource({ kind: 'file', path: join(dir, 'missing.spdx') }, fileOptions())).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('honours the format override', async () => {
    const path = await file('small.json', DOCUMENT);
    const loaded = await loadSource({ kind: 'file', path }, { ...fileOptions(), inputFormat: 'tag-value' });
    expect(loaded.format).toBe('tag-value');
  });

  it('downloads a URL with progress events, labels it with the URL, and verifies nothing', async () => {
    const url = pathToFileURL(await file('by-url.spdx', DOCUMENT)).href;
    const events: LoadEvent[] = [];
    const loaded = await loadSource({ kind: 'url', url }, fileOptions(), (e) => events.push(e));
    expect(loaded).toMatchObject({ label: url, format: 'tag-value', verification: { kind: 'url', url } });
    expect(events.some((e) => e.type === 'download-done' && e.label === 'by-url.spdx')).toBe(true);
    const unreadable = pathToFileURL(await file('empty-by-url.spdx', '')).href;
    await expect(loadSource({ kind: 'url', url: unreadable }, fileOptions())).rejects.toThrow(new RegExp(`^${unreadable}: .*no SPDX document could be read$`));
  });
});

let env: ReleaseEnv | undefined;

function releaseOptions(e: ReleaseEnv, identity = RELEASE_SIGNER_IDENTITY): LoadOptions {
  return {
    maxBytes: 1 << 20,
    release: {
      sbomUrl: e.mirror.sbomUrl,
      dlUrl: e.mirror.dlUrl,
      rekorUrl: e.mirror.rekorUrl,
      identity,
      issuer: RELEASE_SIGNER_ISSUER,
      trustedRootPath: join(e.root, 'trusted_root.json'),
      cacheDir: e.cacheDir,
      offline: false,
      fetchSettings: { idleTimeoutMs: 1000, retryBaseDelayMs: 10 },
    },
  };
}

describe.skipIf(realdataMissing)('loadSource: a release through the loopback mirror', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await pristineRelease();
  });
  afterAll(removePristine);
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it('resolves a marker, verifies SHA-256, SHA-512 and the signature, then gives the document and its report', async () => {
    env = await releaseEnv();
    const events: LoadEvent[] = [];
    const loaded = await loadSource({ kind: 'release', version: 'stable' }, releaseOptions(env), (e) => events.push(e));
    const url = `${env.mirror.sbomUrl}/v1.25.4/release`;
    expect(loaded.label).toBe(`v1.25.4 (${url})`);
    expect(loaded.format).toBe('tag-value');
    expect(loaded.verification).toMatchObject({ kind: 'release', version: 'v1.25.4', url, report: { verified: true, requested: 'stable' } });
    expect(loaded.document.documentNamespace).toBe('https://sbom.k8s.io/v1.25.4/release');
    const checks = events.flatMap((e) => (e.type === 'check' ? [[e.result.check, e.result.status]] : []));
    expect(checks).toEqual([
      ['sha256', 'pass'],
      ['sha512', 'pass'],
      ['signature', 'pass'],
      ['sbom', 'pass'],
    ]);
    expect(events.some((e) => e.type === 'download-done' && e.label === 'release')).toBe(true);
    expect(events.filter((e) => e.type === 'warning')).toEqual([]);
    // Verified, so cached.
    expect((await listFiles(env.cacheDir)).length).toBeGreaterThan(0);
  });

  it('fails closed on a tampered SBOM: no document, the report with the failed check, nothing cached', async () => {
    env = await releaseEnv();
    await appendFile(join(env.root, 'sbom', 'v1.25.4', 'release'), '\n');
    const err = await loadSource({ kind: 'release', version: 'v1.25.4' }, releaseOptions(env)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReleaseNotVerifiedError);
    const failure = err as ReleaseNotVerifiedError;
    expect(failure).toMatchObject({ code: 'SBOM_NOT_VERIFIED', exitCode: 1 });
    expect(failure.message).toMatch(/^the release SBOM of v1\.25\.4 did not verify \(sha256: DIGEST_MISMATCH/);
    expect(failure.report.verified).toBe(false);
    expect(failure.report.checks.find((c) => c.check === 'sha256')).toMatchObject({ status: 'fail' });
    expect(await listFiles(env.cacheDir)).toEqual([]);
  });

  it('fails closed when the signer is not the one expected', async () => {
    env = await releaseEnv();
    const err = await loadSource({ kind: 'release', version: 'v1.25.4' }, releaseOptions(env, 'someone@else.example')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReleaseNotVerifiedError);
    expect((err as ReleaseNotVerifiedError).report.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail' });
    expect((err as Error).message).toContain('signature: ');
  });
});
