// Release binaries and archives of the offline demo verified through the real use case, as the Explorer's `v` does:
// offline, from samples/ copied to a temp folder so a file can be changed after signing.
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPorts, type TuiSettings } from '../../../src/tui/adapters/index.js';
import { loadDemo, samplesDir } from '../../../src/tui/samples.js';
import type { FileResult, SbomView, TuiPorts } from '../../../src/tui/ports.js';
import { sha256Hex } from '../../helpers/pki/index.js';

const BINARY = 'bin/linux/amd64/kubectl';
const ARCHIVE = 'kubernetes-server-linux-amd64.tar.gz';
let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kube-sbom-tui-files-'));
  await cp(samplesDir(), join(work, 'samples'), { recursive: true });
});
afterEach(() => rm(work, { recursive: true, force: true }));

async function demoPorts(): Promise<{ ports: TuiPorts; view: SbomView }> {
  const demo = await loadDemo(join(work, 'samples'));
  const settings: TuiSettings = {
    ...demo,
    sbomUrl: demo.sbomUrl,
    rekorUrl: demo.rekorUrl!,
    offline: true,
    allowHttpRegistry: false,
    exportDir: work,
    maxBytes: 64 << 20,
    concurrency: 2,
    versions: [demo.version],
  };
  const ports = createPorts(settings, { version: demo.version, banner: 'DEMO', settings });
  const outcome = await ports.verifyRelease(demo.version, () => undefined);
  expect(outcome.verified).toBe(true);
  return { ports, view: outcome.view! };
}

const dl = (path: string) => join(work, 'samples', 'dl', 'release', 'v1.99.0', path);

describe.skipIf(existsSync(join(samplesDir(), 'demo.json')) ? undefined : 'samples/ is missing')('verifying release files of the offline demo', () => {
  it('verifies a binary and an archive: digests against the SBOM and the published files, signature with the saved Rekor entry', async () => {
    const { ports, view } = await demoPorts();
    const live: FileResult[] = [];
    const results = await ports.verifyFiles(view, [BINARY, ARCHIVE], (r) => live.push(r));
    expect(results.map((r) => [r.reference, r.status])).toEqual([
      [BINARY, 'verified'],
      [ARCHIVE, 'verified'],
    ]);
    for (const r of results)
      expect(r.checks.map((c) => [c.check, c.status])).toEqual([
        ['sha256', 'pass'],
        ['sha512', 'pass'],
        ['signature', 'pass'],
        ['sbom-describes', 'pass'],
      ]);
    expect(results[0]!.signer).toBe('release-signer@demo.kube-sbom.example (https://issuer.demo.kube-sbom.example)');
    expect(results[1]!.digest).toMatch(/^sha512:[0-9a-f]{128}$/);
    // Each check showed on the row as it was made, before the final result.
    expect(live.filter((r) => r.reference === BINARY && r.status === 'running').map((r) => r.checks.length)).toEqual([1, 2, 3, 4]);
  });

  it('a binary changed after signing fails, with the reason in words', async () => {
    await appendFile(dl(BINARY), 'tampered');
    const { ports, view } = await demoPorts();
    const [result] = await ports.verifyFiles(view, [BINARY], () => undefined);
    expect(result).toMatchObject({ reference: BINARY, status: 'failed', code: 'DIGEST_MISMATCH_SHA256' });
    expect(result!.message).toMatch(/^sha256: SHA-256 of file:\/\/.*\/bin\/linux\/amd64\/kubectl is [0-9a-f]{64}, but .*kubectl\.sha256 says [0-9a-f]{64}$/);
    expect(result!.checks.filter((c) => c.status === 'fail').map((c) => c.check)).toEqual(['sha256', 'sha512', 'signature', 'sbom-describes']);
  });

  it('an archive whose Rekor entry is not saved fails its signature check (fail closed offline)', async () => {
    const bytes = await readFile(dl(ARCHIVE));
    await rm(join(work, 'samples', 'rekor', 'by-hash', `${sha256Hex(bytes)}.json`));
    const { ports, view } = await demoPorts();
    const [result] = await ports.verifyFiles(view, [ARCHIVE], () => undefined);
    expect(result).toMatchObject({ status: 'failed', code: 'REKOR_ENTRY_NOT_FOUND' });
    expect(result!.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'fail', code: 'REKOR_ENTRY_NOT_FOUND' });
  });

  it('a path the release SBOM does not list is a failure, not a silent skip', async () => {
    const { ports, view } = await demoPorts();
    const [result] = await ports.verifyFiles(view, ['bin/linux/amd64/kubelet'], () => undefined);
    expect(result).toMatchObject({ status: 'failed', code: 'NOT_IN_RELEASE_SBOM' });
  });

  it('a document that names no Kubernetes release has no download location: its files are not checked, and say why', async () => {
    const { ports } = await demoPorts();
    const doc = join(work, 'plain.spdx');
    await writeFile(
      doc,
      [
        'SPDXVersion: SPDX-2.3',
        'DataLicense: CC0-1.0',
        'SPDXID: SPDXRef-DOCUMENT',
        'DocumentName: plain',
        'DocumentNamespace: https://example.com/plain',
        'Creator: Tool: test',
        'Created: 2025-01-01T00:00:00Z',
        '',
        `FileName: ${BINARY}`,
        'SPDXID: SPDXRef-File-kubectl',
        `FileChecksum: SHA256: ${'0'.repeat(64)}`,
        'FileType: BINARY',
        '',
      ].join('\n'),
    );
    const view = await ports.openFile(doc);
    const [result] = await ports.verifyFiles(view, [BINARY], () => undefined);
    expect(result).toMatchObject({ reference: BINARY, status: 'unchecked', code: 'RELEASE_UNKNOWN' });
    expect(result!.message).toContain('does not say which Kubernetes release');
  });
});
