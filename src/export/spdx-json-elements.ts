// SPDX packages, files and snippets of the model as SPDX 2.3 JSON objects (the schema's field names and spellings).
import { FILE_TYPES, PRIMARY_PACKAGE_PURPOSES, type Package, type Snippet, type SpdxFile } from '../../parsers/model.js';
import type { NotExpressedLedger } from './not-expressed.js';
import { actorOrNoAssertion, annotationsJson, checksumsJson, defined, knownValues, licenseText, spdxText } from './spdx-json-values.js';

const CATEGORIES = ['SECURITY', 'PACKAGE-MANAGER', 'PERSISTENT-ID', 'OTHER'] as const;

export function packageJson(p: Package, ledger: NotExpressedLedger) {
  return {
    SPDXID: p.spdxId,
    name: p.name,
    downloadLocation: spdxText(p.downloadLocation) ?? 'NOASSERTION',
    ...defined({
      versionInfo: p.version,
      packageFileName: p.fileName,
      supplier: actorOrNoAssertion(p.supplier),
      originator: actorOrNoAssertion(p.originator),
      filesAnalyzed: p.filesAnalyzed,
      packageVerificationCode: p.verificationCode
        ? { packageVerificationCodeValue: p.verificationCode.value, packageVerificationCodeExcludedFiles: [...p.verificationCode.excludedFiles] }
        : undefined,
      checksums: checksumsJson(p.spdxId, p.checksums, ledger),
      homepage: spdxText(p.homepage),
      sourceInfo: p.sourceInfo,
      licenseConcluded: licenseText(p.licenseConcluded),
      licenseInfoFromFiles: p.licenseInfoFromFiles.map((l) => licenseText(l)!),
      licenseDeclared: licenseText(p.licenseDeclared),
      licenseComments: p.licenseComments,
      copyrightText: spdxText(p.copyrightText),
      summary: p.summary,
      description: p.description,
      comment: p.comment,
      externalRefs: p.externalRefs
        .filter((r) => knownValues(p.spdxId, 'externalRef category', [r.category], CATEGORIES, ledger).length > 0)
        .map((r) => ({
          // The schema spells categories with a hyphen or an underscore; the model keeps the hyphen.
          referenceCategory: r.category,
          referenceType: r.type,
          referenceLocator: r.locator,
          ...(r.comment !== undefined ? { comment: r.comment } : {}),
        })),
      attributionTexts: [...p.attributionTexts],
      // JSON spells OPERATING-SYSTEM with an underscore.
      primaryPackagePurpose: p.primaryPackagePurpose
        ? knownValues(p.spdxId, 'primaryPackagePurpose', [p.primaryPackagePurpose], PRIMARY_PACKAGE_PURPOSES, ledger)[0]?.replace('-', '_')
        : undefined,
      releaseDate: p.releaseDate,
      builtDate: p.builtDate,
      validUntilDate: p.validUntilDate,
      annotations: annotationsJson(p.annotations, ledger),
    }),
  };
}

export function fileJson(f: SpdxFile, ledger: NotExpressedLedger) {
  return {
    SPDXID: f.spdxId,
    fileName: f.name,
    // Required by the schema even when empty.
    checksums: checksumsJson(f.spdxId, f.checksums, ledger),
    ...defined({
      fileTypes: knownValues(f.spdxId, 'fileType', f.fileTypes, FILE_TYPES, ledger),
      licenseConcluded: licenseText(f.licenseConcluded),
      licenseInfoInFiles: f.licenseInfoInFiles.map((l) => licenseText(l)!),
      licenseComments: f.licenseComments,
      copyrightText: spdxText(f.copyrightText),
      noticeText: f.notice,
      fileContributors: [...f.contributors],
      fileDependencies: f.dependencies ? [...f.dependencies] : undefined,
      comment: f.comment,
      attributionTexts: [...f.attributionTexts],
      annotations: annotationsJson(f.annotations, ledger),
    }),
  };
}

export function snippetJson(s: Snippet, ledger: NotExpressedLedger) {
  const pointer = (kind: 'byte' | 'line', file: string, at: number) =>
    kind === 'byte' ? { offset: at, reference: file } : { lineNumber: at, reference: file };
  return {
    SPDXID: s.spdxId,
    snippetFromFile: s.fromFile,
    // The schema requires a name; a nameless snippet (allowed in tag-value) gets its SPDXID.
    name: s.name ?? s.spdxId,
    ranges: s.ranges.map((r) => ({
      startPointer: pointer(r.kind, r.fileSpdxId ?? s.fromFile, r.start),
      endPointer: pointer(r.kind, r.fileSpdxId ?? s.fromFile, r.end),
    })),
    ...defined({
      licenseConcluded: licenseText(s.licenseConcluded),
      licenseInfoInSnippets: s.licenseInfoInSnippets.map((l) => licenseText(l)!),
      licenseComments: s.licenseComments,
      copyrightText: spdxText(s.copyrightText),
      comment: s.comment,
      attributionTexts: [...s.attributionTexts],
      annotations: annotationsJson(s.annotations, ledger),
    }),
  };
}
