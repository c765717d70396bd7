// A document an ExternalDocumentRef names, from a local file: opened only when the SHA-1 of the bytes read matches.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReferencedFile, loadReferencedUrl } from '../../src/app/load-referenced.js';
import { KubeSbomError } from '../../src/common/errors.js';
import { ReleaseMirror } from '../helpers/release-mirror.js';

const TEXT = [
  'SPDXVersion: SPDX-2.3',
  'DataLicense: CC0-1.0',
  'SPDXID: SPDXRef-DOCUMENT',
  'DocumentName: source',
  'DocumentNamespace: https://example.com/source',
  '',
  'PackageName: kubernetes',
  'SPDXID: SPDXRef-Package-kubernetes',
  'PackageDownloadLocation: NOASSERTION',
  'FilesAnalyzed: false',
  '',
].join('\n');
const SHA1 = createHash('sha1').update(TEXT).digest('hex');
const ref = (checksum?: { algorithm: string; value: string }) => ({
  id: 'DocumentRef-k',
  documentNamespace: 'https://example.com/source',
  ...(checksum ? { checksum } : {}),
});

async function failure(promise: Promise<unknown>): Promise<KubeSbomError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(KubeSbomError);
  return err as KubeSbomError;
}

describe('loadReferencedFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-ref-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'source.spdx');
  writeFileSync(path, TEXT);

  it('opens the file when its SHA-1 is the reference’s, whatever the hex case', async () => {
    const loaded = await loadReferencedFile(path, ref({ algorithm: 'SHA1', value: SHA1.toUpperCase() }), { maxBytes: 1 << 20 });
    expect(loaded.document.name).toBe('source');
  });

  it('refuses another file (exit 1) naming both digests', async () => {
    const other = '0'.repeat(40);
    const err = await failure(loadReferencedFile(path, ref({ algorithm: 'SHA1', value: other }), { maxBytes: 1 << 20 }));
    expect(err.code).toBe('REFERENCE_SHA1_MISMATCH');
    expect(err.exitCode).toBe(1);
    expect(err.message).toContain(SHA1);
    expect(err.message).toContain(other);
  });

  it('refuses when the reference gives no SHA-1 to check against', async () => {
    expect((await failure(loadReferencedFile(path, ref(), { maxBytes: 1 << 20 }))).code).toBe('REFERENCE_UNCHECKABLE');
    const sha256 = await failure(loadReferencedFile(path, ref({ algorithm: 'SHA256', value: 'ab'.repeat(32) }), { maxBytes: 1 << 20 }));
    expect(sha256.code).toBe('REFERENCE_UNCHECKABLE');
    expect(sha256.message).toContain('only SHA256');
  });

  it('a missing file cannot be checked (exit 3)', async () => {
    expect((await failure(loadReferencedFile(join(dir, 'absent.spdx'), ref({ algorithm: 'SHA1', value: SHA1 }), { maxBytes: 1 << 20 }))).exitCode).toBe(3);
  });
});

describe('loadReferencedUrl', () => {
  const root = mkdtempSync(join(tmpdir(), 'kube-sbom-ref-mirror-'));
  mkdirSync(join(root, 'sbom', 'v9.9.9'), { recursive: true });
  writeFileSync(join(root, 'sbom', 'v9.9.9', 'source'), TEXT);
  let mirror: ReleaseMirror;
  afterAll(async () => {
    await mirror?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('downloads through the fetch layer from a loopback server and opens what matches the SHA-1', async () => {
    mirror = await ReleaseMirror.start(root);
    const url = `${mirror.sbomUrl}/v9.9.9/source`;
    const loaded = await loadReferencedUrl(url, ref({ algorithm: 'SHA1', value: SHA1 }), { maxBytes: 1 << 20, offline: false });
    expect(loaded.document.name).toBe('source');
    expect(mirror.hits('/sbom/v9.9.9/source')).toBe(1);
    const err = await failure(loadReferencedUrl(url, ref({ algorithm: 'SHA1', value: 'f'.repeat(40) }), { maxBytes: 1 << 20, offline: false }));
    expect(err.code).toBe('REFERENCE_SHA1_MISMATCH');
    expect(err.message).toMatch(new RegExp(`^${url.replace(/[.:/]/g, '\\$&')}: SHA-1 ${SHA1}`));
  });

  it('does not go to the network offline', async () => {
    const err = await failure(loadReferencedUrl('http://127.0.0.1:9/source', ref({ algorithm: 'SHA1', value: SHA1 }), { maxBytes: 1 << 20, offline: true }));
    expect(err.exitCode).toBe(3);
  });
});
