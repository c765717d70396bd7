// Explorer labels of look-alike rows: what differs (purl qualifier, version, the image holding it) comes first.
import { describe, expect, it } from 'vitest';
import { parseSbom } from '../../../parsers/index.js';
import { buildView } from '../../../src/tui/adapters/document-view.js';
import { releaseSbom } from '../../helpers/registry-sbom.js';

const hex = (n: number) => n.toString(16).padStart(64, '0');

function pkg(id: string, name: string, version: string, purl?: string): string[] {
  return [
    '',
    `PackageName: ${name}`,
    `SPDXID: ${id}`,
    `PackageVersion: ${version}`,
    'PackageDownloadLocation: NOASSERTION',
    'FilesAnalyzed: false',
    ...(purl ? [`ExternalRef: PACKAGE-MANAGER purl ${purl}`] : []),
  ];
}

function labelsOf(extra: string[]): Map<string, string> {
  const images = ['amd64', 'arm64'].map((arch, a) => ({ name: 'base', arch, diffIds: [`sha256:${'ab'.repeat(6)}${hex(a).slice(12)}`] }));
  const text = releaseSbom('v1.2.3', images) + extra.join('\n') + '\n';
  const result = parseSbom(text, { fileName: 'doc.spdx' });
  const view = buildView({ document: result.document, format: result.format, diagnostics: result.diagnostics, source: 'doc.spdx' });
  return new Map(view.rows.map((r, i) => [r.spdxId, view.label(i)]));
}

describe('row labels', () => {
  it('puts the purl qualifier that differs in front of same-named packages', () => {
    const labels = labelsOf([
      ...pkg('SPDXRef-ssl-a', 'openssl-1.1.1k', '1.1.1k', 'pkg:deb/debian/openssl@1.1.1k?arch=amd64&distro=debian-11'),
      ...pkg('SPDXRef-ssl-b', 'openssl-1.1.1k', '1.1.1k', 'pkg:deb/debian/openssl@1.1.1k?arch=arm64&distro=debian-11'),
      ...pkg('SPDXRef-zlib', 'zlib', '1.2'),
    ]);
    // The version is part of the name, so it is not repeated; a unique name stays as it is.
    expect(labels.get('SPDXRef-ssl-a')).toBe('arch=amd64 · openssl-1.1.1k');
    expect(labels.get('SPDXRef-ssl-b')).toBe('arch=arm64 · openssl-1.1.1k');
    expect(labels.get('SPDXRef-zlib')).toBe('zlib 1.2');
  });

  it('puts the version first when only the version differs', () => {
    const labels = labelsOf([...pkg('SPDXRef-z1', 'zlib', '1.2'), ...pkg('SPDXRef-z2', 'zlib', '1.3')]);
    expect(labels.get('SPDXRef-z1')).toBe('1.2 · zlib');
    expect(labels.get('SPDXRef-z2')).toBe('1.3 · zlib');
  });

  it("names the image's architecture for packages alike in everything but the image holding their layer", () => {
    const layer = (arch: string, a: number) => `SPDXRef-Package-registry.k8s.io-base-${arch}-v1.2.3-sha256-${'ab'.repeat(6)}${hex(a).slice(12)}`;
    const labels = labelsOf([
      ...pkg('SPDXRef-adduser-1', 'adduser-3.118', '3.118', 'pkg:deb/debian/adduser@3.118?arch=all'),
      ...pkg('SPDXRef-adduser-2', 'adduser-3.118', '3.118', 'pkg:deb/debian/adduser@3.118?arch=all'),
      `Relationship: ${layer('amd64', 0)} CONTAINS SPDXRef-adduser-1`,
      `Relationship: ${layer('arm64', 1)} CONTAINS SPDXRef-adduser-2`,
    ]);
    expect(labels.get('SPDXRef-adduser-1')).toBe('amd64 · adduser-3.118');
    expect(labels.get('SPDXRef-adduser-2')).toBe('arm64 · adduser-3.118');
    expect(labels.get(layer('arm64', 1))).toBe('abababababab in base-arm64:v1.2.3');
    expect(labels.get('SPDXRef-Package-registry.k8s.io-base-arm64-v1.2.3')).toBe('base-arm64:v1.2.3 · base.tar');
  });
});

describe('row labels of release files shipped twice', () => {
  const file = (id: string, name: string) => ['', `FileName: ${name}`, `SPDXID: ${id}`, `FileChecksum: SHA256: ${hex(7)}`, 'FileType: BINARY'];

  it('name the archive each came from: the one that CONTAINS it, else the one bom staged it from', () => {
    const staged = (part: string) =>
      `SPDXRef-File-workspace-src-k8s.io-kubernetes-C95output-v1.2.3-release-stage-${part}-windows-amd64-kubernetes-${part}-bin-kubectl.exe`;
    // Files first: in tag-value, files after a package are that package's (CONTAINS), which would name the package.
    const text = [
      'SPDXVersion: SPDX-2.3',
      'DataLicense: CC0-1.0',
      'SPDXID: SPDXRef-DOCUMENT',
      'DocumentName: files',
      'DocumentNamespace: https://example.com/files',
      ...file(staged('client'), 'bin/windows/amd64/kubectl.exe'),
      ...file(staged('node'), 'bin/windows/amd64/kubectl.exe'),
      ...file('SPDXRef-tar-a', 'a.tar.gz'),
      ...file('SPDXRef-tar-b', 'b.tar.gz'),
      ...file('SPDXRef-x-in-a', 'bin/x'),
      ...file('SPDXRef-x-in-b', 'bin/x'),
      'Relationship: SPDXRef-tar-a CONTAINS SPDXRef-x-in-a',
      'Relationship: SPDXRef-tar-b CONTAINS SPDXRef-x-in-b',
      '',
    ].join('\n');
    const { document, format, diagnostics } = parseSbom(text, { fileName: 'files.spdx' });
    const view = buildView({ document, format, diagnostics, source: 'files.spdx' });
    const labels = new Map(view.rows.map((r, i) => [r.spdxId, view.label(i)]));
    expect(labels.get(staged('client'))).toBe('in kubernetes-client-windows-amd64.tar.gz · bin/windows/amd64/kubectl.exe');
    expect(labels.get(staged('node'))).toBe('in kubernetes-node-windows-amd64.tar.gz · bin/windows/amd64/kubectl.exe');
    expect(labels.get('SPDXRef-x-in-a')).toBe('in a.tar.gz · bin/x');
    expect(labels.get('SPDXRef-x-in-b')).toBe('in b.tar.gz · bin/x');
  });
});
