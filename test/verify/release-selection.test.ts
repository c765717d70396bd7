// Which files of a release SBOM verify-release selects: kinds, platforms (archives included), name globs.
import { describe, expect, it } from 'vitest';
import type { SpdxDocument } from '../../parsers/model.js';
import { selectReleaseFiles } from '../../src/verify/release-selection.js';

const names = [
  './bin/linux/amd64/kubectl',
  'bin/linux/arm64/kubectl',
  'bin/windows/amd64/kubectl.exe',
  'bin/linux/amd64/kubectl',
  'kubernetes.tar.gz',
  'kubernetes-src.tar.gz',
  'kubernetes-server-linux-amd64.tar.gz',
  'kubernetes-node-windows-amd64.tar.gz',
  'kubernetes-client-linux-arm64.tar.gz',
  'LICENSES/vendor/foo.tar.gz',
  'bin/linux/amd64/nested/kubectl',
  'README.md',
];
// Only the file names matter to the selection.
const doc = { files: names.map((name, i) => ({ name, spdxId: `SPDXRef-File-${i}`, checksums: [] })) } as unknown as SpdxDocument;

const select = (s: Parameters<typeof selectReleaseFiles>[1]) => selectReleaseFiles(doc, s).map((f) => `${f.kind} ${f.path}`);

describe('selectReleaseFiles', () => {
  it('binaries of one platform, each path once, without the leading ./', () => {
    expect(select({ kinds: ['binary'], os: 'linux', arch: 'amd64' })).toEqual(['binary bin/linux/amd64/kubectl']);
  });

  it('archives of a platform keep the platform-less ones (source, the whole tree)', () => {
    expect(select({ kinds: ['archive'], os: 'linux', arch: 'amd64' })).toEqual([
      'archive kubernetes.tar.gz',
      'archive kubernetes-src.tar.gz',
      'archive kubernetes-server-linux-amd64.tar.gz',
    ]);
  });

  it('every binary and archive without a platform, in the SBOM order; other files never', () => {
    expect(select({ kinds: ['binary', 'archive'] })).toHaveLength(8);
    expect(select({ kinds: [] })).toEqual([]);
  });

  it('--name matches the base name, with or without .exe', () => {
    expect(select({ kinds: ['binary'], os: 'windows', name: 'kubectl' })).toEqual(['binary bin/windows/amd64/kubectl.exe']);
    expect(select({ kinds: ['binary', 'archive'], arch: 'arm64', name: 'kube*' })).toEqual([
      'binary bin/linux/arm64/kubectl',
      'archive kubernetes.tar.gz',
      'archive kubernetes-src.tar.gz',
      'archive kubernetes-client-linux-arm64.tar.gz',
    ]);
  });
});
