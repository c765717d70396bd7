// A small release-shaped document for the UI tests: 2 images x 2 arches with layers, binaries, a plain file,
// and a package whose name carries terminal escape sequences.
import { parseSbom } from '../../parsers/index.js';
import { buildView } from '../../src/tui/adapters/document-view.js';
import type { SbomView } from '../../src/tui/ports.js';
import { releaseSbom } from '../helpers/registry-sbom.js';

const hex = (n: number) => n.toString(16).padStart(64, '0');
export const FIXTURE_VERSION = 'v1.2.3';
export const HOSTILE_NAME = 'evil\u001b[31mRED\u001b[0m\u001b]0;pwned\u0007-pkg\u0007';

export function fixtureText(): string {
  const images = ['kube-apiserver', 'kube-proxy'].flatMap((name, n) =>
    ['amd64', 'arm64'].map((arch, a) => ({ name, arch, diffIds: [`sha256:${hex(100 + n * 10 + a * 2)}`, `sha256:${hex(101 + n * 10 + a * 2)}`] })),
  );
  const extra = [
    '',
    'PackageName: ' + HOSTILE_NAME,
    'SPDXID: SPDXRef-Package-hostile',
    'PackageDownloadLocation: NOASSERTION',
    'FilesAnalyzed: false',
    '',
    'FileName: bin/linux/amd64/kubectl',
    'SPDXID: SPDXRef-File-kubectl',
    `FileChecksum: SHA256: ${'c0ffee'.padEnd(64, '0')}`,
    'FileType: BINARY',
    '',
    'FileName: README.md',
    'SPDXID: SPDXRef-File-readme',
    `FileChecksum: SHA256: ${hex(8)}`,
    'FileType: TEXT',
    '',
    'Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-File-kubectl',
  ];
  return releaseSbom(FIXTURE_VERSION, images) + extra.join('\n') + '\n';
}

export function fixtureView(source = 'fixture.spdx'): SbomView {
  const result = parseSbom(fixtureText(), { fileName: source });
  return buildView({ document: result.document, format: result.format, diagnostics: result.diagnostics, source });
}
