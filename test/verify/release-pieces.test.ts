import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { digestBytes } from '../../src/integrity/digest.js';
import { saveVerifiedFiles } from '../../src/verify/save-verified.js';
import { checkSbomDescribes } from '../../src/verify/sbom-file-match.js';

const bytes = Buffer.from('kubectl bytes');
const d = digestBytes(bytes);
const sbom = (checksums: string) =>
  parseSbom(`SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: test
DocumentNamespace: https://example.com/test
Creator: Tool: test
Created: 2024-01-01T00:00:00Z

FileName: bin/linux/amd64/kubectl
SPDXID: SPDXRef-File-kubectl
${checksums}
`).document;

describe('SBOM cross-check', () => {
  it('passes when SHA256 and SHA512 both match', () => {
    const doc = sbom(`FileChecksum: SHA1: ${'0'.repeat(40)}\nFileChecksum: SHA256: ${d.sha256}\nFileChecksum: SHA512: ${d.sha512}`);
    expect(checkSbomDescribes(doc, 'bin/linux/amd64/kubectl', d)).toMatchObject({ status: 'pass', message: expect.stringContaining('SHA256 and SHA512') });
  });
  it('fails on any differing digest, a missing file, or nothing comparable', () => {
    const wrong512 = sbom(`FileChecksum: SHA256: ${d.sha256}\nFileChecksum: SHA512: ${'1'.repeat(128)}`);
    expect(checkSbomDescribes(wrong512, 'bin/linux/amd64/kubectl', d)).toMatchObject({ status: 'fail', code: 'SBOM_DIGEST_MISMATCH_SHA512' });
    const onlySha1 = sbom(`FileChecksum: SHA1: ${'0'.repeat(40)}`);
    expect(checkSbomDescribes(onlySha1, 'bin/linux/amd64/kubectl', d)).toMatchObject({ status: 'fail', code: 'SBOM_CHECKSUM_MISSING' });
    expect(checkSbomDescribes(onlySha1, 'bin/linux/arm64/kubectl', d)).toMatchObject({ status: 'fail', code: 'SBOM_FILE_MISSING' });
  });
});

describe('saving verified files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-save-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes all files, or none when one cannot be copied', async () => {
    await writeFile(join(dir, 'a'), 'A');
    const out = join(dir, 'out');
    const sha256 = createHash('sha256').update('A').digest('hex');
    expect(await saveVerifiedFiles(out, [{ name: 'release', path: join(dir, 'a'), sha256 }])).toEqual([join(out, 'release')]);
    const out2 = join(dir, 'out2');
    await expect(
      saveVerifiedFiles(out2, [
        { name: 'release', path: join(dir, 'a'), sha256 },
        { name: 'release.sig', path: join(dir, 'missing'), sha256 },
      ]),
    ).rejects.toMatchObject({ code: 'OUTPUT_WRITE_FAILED', kind: 'io' });
    expect(await readdir(out2)).toEqual([]);
  });
});
