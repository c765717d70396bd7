// A small document with licenses for the UI tests: declared and concluded ones that differ, NOASSERTION and NONE,
// files with licenses found in them, and a reference to another document.
import { parseSbom } from '../../parsers/index.js';
import { buildView } from '../../src/tui/adapters/document-view.js';
import type { SbomView } from '../../src/tui/ports.js';

const sha1 = (n: number) => n.toString(16).padStart(40, '0');

export function licenseFixtureText(externalSha1 = sha1(1)): string {
  return [
    'SPDXVersion: SPDX-2.3',
    'DataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    'DocumentName: licensed',
    'DocumentNamespace: https://example.com/licensed',
    `ExternalDocumentRef: DocumentRef-source https://example.com/source SHA1: ${externalSha1}`,
    'Creator: Tool: kube-sbom-test',
    'Created: 2025-03-04T10:00:00Z',
    '',
    'PackageName: alpha',
    'SPDXID: SPDXRef-alpha',
    'PackageDownloadLocation: NOASSERTION',
    'FilesAnalyzed: false',
    'PackageLicenseConcluded: Apache-2.0',
    'PackageLicenseDeclared: (Apache-2.0 OR MIT)',
    '',
    'PackageName: beta',
    'SPDXID: SPDXRef-beta',
    'PackageDownloadLocation: NOASSERTION',
    'FilesAnalyzed: false',
    'PackageLicenseConcluded: NOASSERTION',
    'PackageLicenseDeclared: MIT',
    '',
    'PackageName: gamma',
    'SPDXID: SPDXRef-gamma',
    'PackageDownloadLocation: NOASSERTION',
    'FilesAnalyzed: false',
    'PackageLicenseConcluded: NONE',
    'PackageLicenseDeclared: NOASSERTION',
    '',
    'FileName: ./main.go',
    'SPDXID: SPDXRef-main',
    `FileChecksum: SHA1: ${sha1(2)}`,
    'LicenseConcluded: Apache-2.0',
    'LicenseInfoInFile: Apache-2.0',
    '',
    'FileName: ./vendor/x.go',
    'SPDXID: SPDXRef-x',
    `FileChecksum: SHA1: ${sha1(3)}`,
    'LicenseConcluded: NOASSERTION',
    'LicenseInfoInFile: BSD-3-Clause',
    '',
    'Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-alpha',
    'Relationship: SPDXRef-alpha CONTAINS SPDXRef-main',
    'Relationship: SPDXRef-alpha DEPENDS_ON SPDXRef-beta',
    'Relationship: SPDXRef-beta CONTAINS SPDXRef-x',
    'Relationship: SPDXRef-alpha DEPENDS_ON SPDXRef-gamma',
    'Relationship: SPDXRef-gamma GENERATED_FROM DocumentRef-source:SPDXRef-DOCUMENT',
    '',
  ].join('\n');
}

export function licenseFixtureView(source = 'licensed.spdx', text = licenseFixtureText()): SbomView {
  const result = parseSbom(text, { fileName: source });
  return buildView({ document: result.document, format: result.format, diagnostics: result.diagnostics, source });
}
