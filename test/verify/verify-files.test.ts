// verify-files' matching: by SHA-512 (and SHA-256 where listed) first, then by base name; folders walked without
// following links; limits on file count and size; an SBOM without files refused.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { digestBytes } from '../../src/integrity/digest.js';
import { releaseFileUrls } from '../../src/k8s/release-urls.js';
import { collectLocalFiles } from '../../src/verify/local-files.js';
import { indexSbomFiles } from '../../src/verify/sbom-file-index.js';
import { matchFile, verifyFiles } from '../../src/verify/verify-files.js';

const kubectl = Buffer.from('kubectl bytes');
const kubeadm = Buffer.from('kubeadm bytes');
const k = digestBytes(kubectl);
const a = digestBytes(kubeadm);

function file(name: string, sha256: string, sha512: string): string {
  return `FileName: ${name}\nSPDXID: SPDXRef-File-${name.replace(/[^A-Za-z0-9.-]/g, '-')}\nFileChecksum: SHA256: ${sha256}\nFileChecksum: SHA512: ${sha512}\n`;
}

const sbom = (files: string[]) =>
  parseSbom(`SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: test
DocumentNamespace: https://example.com/test
Creator: Tool: test
Created: 2024-01-01T00:00:00Z

${files.join('\n')}`).document;

const release = sbom([
  file('bin/linux/amd64/kubectl', k.sha256, k.sha512),
  file('./bin/linux/arm64/kubectl', '1'.repeat(64), '2'.repeat(128)),
  file('bin/linux/amd64/kubeadm', a.sha256, a.sha512),
]);
const index = indexSbomFiles(release);

describe('matchFile', () => {
  it('matches by SHA-512 and names the release file, also under another local name', () => {
    expect(matchFile(index, '/x/kubectl', k)).toMatchObject({ status: 'matched', sbomFiles: [{ name: 'bin/linux/amd64/kubectl' }] });
    expect(matchFile(index, '/x/renamed', a)).toMatchObject({ status: 'matched', sbomFiles: [{ name: 'bin/linux/amd64/kubeadm' }] });
  });

  it('a release name with other bytes is modified, naming every release file of that name and their digests', () => {
    const other = digestBytes('tampered kubectl');
    const r = matchFile(index, '/usr/local/bin/kubectl', other);
    expect(r.status).toBe('modified');
    expect(r.sha512).toBe(other.sha512);
    expect(r.sbomFiles.map((f) => [f.name, f.sha512])).toEqual([
      ['bin/linux/amd64/kubectl', k.sha512],
      ['bin/linux/arm64/kubectl', '2'.repeat(128)],
    ]);
  });

  it('neither the bytes nor the name: unknown', () => {
    expect(matchFile(index, '/usr/local/bin/helm', digestBytes('helm'))).toMatchObject({ status: 'unknown', sbomFiles: [] });
  });

  it('a SHA-512 match whose SHA-256 the SBOM contradicts is no match', () => {
    const odd = indexSbomFiles(sbom([file('bin/linux/amd64/kubectl', '3'.repeat(64), k.sha512)]));
    expect(matchFile(odd, '/x/kubectl', k).status).toBe('modified');
    expect(matchFile(odd, '/x/other', k).status).toBe('unknown');
  });
});

describe('verifyFiles over a folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-vfiles-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('walks nested folders in name order, leaves links out, counts each real file once', async () => {
    await mkdir(join(dir, 'bin'));
    await writeFile(join(dir, 'bin', 'kubectl'), kubectl);
    await writeFile(join(dir, 'kubeadm'), 'modified kubeadm');
    await writeFile(join(dir, 'notes.txt'), 'foreign');
    await symlink(join(dir, 'bin', 'kubectl'), join(dir, 'link-to-kubectl'));
    const local = await collectLocalFiles([dir, join(dir, 'bin', 'kubectl')]);
    const report = await verifyFiles(release, local, { concurrency: 2 });
    expect(report.results.map((r) => [r.path.slice(dir.length + 1), r.status])).toEqual([
      ['bin/kubectl', 'matched'],
      ['kubeadm', 'modified'],
      ['notes.txt', 'unknown'],
      ['link-to-kubectl', 'skipped'],
    ]);
    expect(report.summary).toEqual({ total: 4, matched: 1, modified: 1, unknown: 1, skipped: 1, error: 0 });
  });

  it('a symbolic link named directly is followed', async () => {
    await writeFile(join(dir, 'kubectl'), kubectl);
    await symlink(join(dir, 'kubectl'), join(dir, 'kc'));
    const report = await verifyFiles(release, await collectLocalFiles([join(dir, 'kc')]));
    expect(report.results).toMatchObject([{ status: 'matched' }]);
  });

  it('skips files over the size limit without hashing them', async () => {
    await writeFile(join(dir, 'kubectl'), kubectl);
    const report = await verifyFiles(release, await collectLocalFiles([dir]), { maxFileBytes: kubectl.length - 1 });
    expect(report.results).toMatchObject([{ status: 'skipped', message: expect.stringContaining('--max-file-size') }]);
    expect(report.results[0]!.sha512).toBeUndefined();
    const exact = await verifyFiles(release, await collectLocalFiles([dir]), { maxFileBytes: kubectl.length });
    expect(exact.results).toMatchObject([{ status: 'matched' }]);
  });

  it('refuses more files than the limit, and a missing path', async () => {
    for (const n of ['a', 'b', 'c']) await writeFile(join(dir, n), n);
    await expect(collectLocalFiles([dir], 2)).rejects.toMatchObject({ code: 'TOO_MANY_FILES', exitCode: 3 });
    expect((await collectLocalFiles([dir], 3)).files).toHaveLength(3);
    await expect(collectLocalFiles([join(dir, 'missing')])).rejects.toMatchObject({ code: 'FILE_NOT_FOUND', exitCode: 3 });
  });

  it('refuses an SBOM that lists no file with a SHA-512', async () => {
    await writeFile(join(dir, 'kubectl'), kubectl);
    await expect(verifyFiles(sbom([]), await collectLocalFiles([dir]))).rejects.toMatchObject({ code: 'SBOM_NO_FILES', exitCode: 1 });
  });
});

describe('releaseFileUrls', () => {
  it('puts a release file beside its .sig and .cert, and refuses names that leave the release folder', () => {
    expect(releaseFileUrls('v1.30.2', 'bin/linux/amd64/kubectl', 'https://dl.k8s.io/')).toMatchObject({
      artifact: 'https://dl.k8s.io/release/v1.30.2/bin/linux/amd64/kubectl',
      sig: 'https://dl.k8s.io/release/v1.30.2/bin/linux/amd64/kubectl.sig',
    });
    expect(releaseFileUrls('v1.30.2', 'kubernetes-server-linux-amd64.tar.gz', 'https://dl.k8s.io').cert).toBe(
      'https://dl.k8s.io/release/v1.30.2/kubernetes-server-linux-amd64.tar.gz.cert',
    );
    for (const bad of ['../v1.0.0/bin/linux/amd64/kubectl', 'bin//kubectl', 'bin/kubectl?x=1', '/etc/passwd', 'bin/.hidden']) {
      expect(() => releaseFileUrls('v1.30.2', bad, 'https://dl.k8s.io')).toThrow(expect.objectContaining({ code: 'RELEASE_PATH_INVALID' }));
    }
  });
});
