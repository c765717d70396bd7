// Test helper: writes a parsed document back out as SPDX 2.3 JSON, to build format variants of real documents.
import { spdxValueText, type Checksum, type SpdxDocument } from '../../parsers/model.js';

const checksums = (list: readonly Checksum[]) => list.map((c) => ({ algorithm: c.algorithm, checksumValue: c.value }));
const license = (value: unknown) => (value && typeof value === 'object' && 'text' in value ? (value as { text: string }).text : 'NOASSERTION');

export function toSpdxJson(doc: SpdxDocument): string {
  return JSON.stringify(
    {
      spdxVersion: doc.spdxVersion,
      dataLicense: doc.dataLicense ?? 'CC0-1.0',
      SPDXID: doc.spdxId,
      name: doc.name,
      documentNamespace: doc.documentNamespace,
      externalDocumentRefs: doc.externalDocumentRefs.map((r) => ({
        externalDocumentId: r.id,
        spdxDocument: r.documentNamespace,
        ...(r.checksum ? { checksum: { algorithm: r.checksum.algorithm, checksumValue: r.checksum.value } } : {}),
      })),
      creationInfo: {
        created: doc.creationInfo.created ?? '2022-11-09T14:33:54Z',
        creators: doc.creationInfo.creators.map((a) => `${a.type}: ${a.name}`),
      },
      packages: doc.packages.map((p) => ({
        SPDXID: p.spdxId,
        name: p.name,
        ...(p.version ? { versionInfo: p.version } : {}),
        ...(p.fileName ? { packageFileName: p.fileName } : {}),
        downloadLocation: spdxValueText(p.downloadLocation) ?? 'NOASSERTION',
        filesAnalyzed: p.filesAnalyzed ?? false,
        checksums: checksums(p.checksums),
        licenseConcluded: license(p.licenseConcluded),
        licenseDeclared: license(p.licenseDeclared),
        copyrightText: 'NOASSERTION',
        externalRefs: p.externalRefs.map((r) => ({ referenceCategory: r.category, referenceType: r.type, referenceLocator: r.locator })),
      })),
      files: doc.files.map((f) => ({
        SPDXID: f.spdxId,
        fileName: f.name,
        fileTypes: f.fileTypes,
        checksums: checksums(f.checksums),
        licenseConcluded: license(f.licenseConcluded),
        licenseInfoInFiles: ['NOASSERTION'],
        copyrightText: 'NOASSERTION',
      })),
      relationships: doc.relationships.map((r) => ({
        spdxElementId: r.from,
        relationshipType: r.type,
        relatedSpdxElement: typeof r.to === 'string' ? r.to : r.to.kind,
      })),
    },
    null,
    2,
  );
}
