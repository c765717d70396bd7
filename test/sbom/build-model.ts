// Hand-built SPDX models for unit tests: just enough fields, everything else defaulted.
import { emptyDocument, NONE, NOASSERTION, type Package, type Relationship, type SpdxDocument, type SpdxFile } from '../../parsers/model.js';

export function pkg(spdxId: string, name: string, extra: Partial<Package> = {}): Package {
  return {
    elementType: 'package',
    spdxId,
    name,
    annotations: [],
    attributionTexts: [],
    checksums: [],
    licenseInfoFromFiles: [],
    externalRefs: [],
    ...extra,
  };
}

export function file(spdxId: string, name: string, extra: Partial<SpdxFile> = {}): SpdxFile {
  return {
    elementType: 'file',
    spdxId,
    name,
    annotations: [],
    attributionTexts: [],
    fileTypes: [],
    checksums: [],
    licenseInfoInFiles: [],
    contributors: [],
    ...extra,
  };
}

/** `A CONTAINS B` style shorthand; `NONE` and `NOASSERTION` targets become the tagged values. */
export function rel(text: string): Relationship {
  const [from, type, to] = text.split(/\s+/) as [string, string, string];
  return { from, type, to: to === 'NONE' ? NONE : to === 'NOASSERTION' ? NOASSERTION : to };
}

export function doc(parts: { name?: string; namespace?: string; packages?: Package[]; files?: SpdxFile[]; relationships?: string[] }): SpdxDocument {
  return {
    ...emptyDocument(),
    spdxVersion: 'SPDX-2.3',
    spdxId: 'SPDXRef-DOCUMENT',
    name: parts.name ?? 'test',
    documentNamespace: parts.namespace ?? 'https://example.com/test',
    packages: parts.packages ?? [],
    files: parts.files ?? [],
    relationships: (parts.relationships ?? []).map(rel),
  };
}
