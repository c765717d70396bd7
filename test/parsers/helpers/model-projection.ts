// A comparable view of a parsed document for cross-format tests: order-free where the formats do not keep order
// (RDF sets, relationship lists), license expressions by a normalised form, text fields trimmed.
import type { LicenseExpression, LicenseNode, Spdx, SpdxDocument, Actor, Checksum } from '../../../parsers/model.js';
import { spdxValueText } from '../../../parsers/model.js';

/** Canonical expression text: AND/OR operands flattened and sorted (RDF license sets are unordered). */
export function normaliseLicense(value: Spdx<LicenseExpression> | undefined): string | undefined {
  if (value === undefined) return undefined;
  if ('kind' in value) return value.kind;
  return value.parsed ? nodeText(value.parsed) : `unparsed:${value.text.replace(/\s+/g, ' ')}`;
}

function nodeText(node: LicenseNode): string {
  switch (node.type) {
    case 'license':
      return `${node.id}${node.orLater ? '+' : ''}${node.exception ? ` WITH ${node.exception}` : ''}`;
    case 'licenseRef':
      return node.documentRef ? `${node.documentRef}:${node.id}` : node.id;
    default: {
      const operands: string[] = [];
      const collect = (n: LicenseNode) => {
        if (n.type === node.type) {
          collect((n as { left: LicenseNode }).left);
          collect((n as { right: LicenseNode }).right);
        } else operands.push(n.type === 'and' || n.type === 'or' ? `(${nodeText(n)})` : nodeText(n));
      };
      collect(node);
      return operands.sort().join(node.type === 'and' ? ' AND ' : ' OR ');
    }
  }
}

const actorText = (a: Actor | { kind: string } | undefined) =>
  a === undefined ? undefined : 'kind' in a ? a.kind : `${a.type}: ${a.name}${a.email ? ` <${a.email}>` : ''}`;
const sums = (list: Checksum[]) => list.map((c) => `${c.algorithm}:${c.value}`).sort();
const trim = (s: string | undefined) => (s === undefined ? undefined : s.trim());
const bySpdxId = <T extends { spdxId: string }>(list: T[]) => [...list].sort((a, b) => a.spdxId.localeCompare(b.spdxId));

export function project(doc: SpdxDocument) {
  return {
    spdxVersion: doc.spdxVersion,
    spdxId: doc.spdxId,
    name: doc.name,
    documentNamespace: doc.documentNamespace,
    dataLicense: doc.dataLicense,
    comment: trim(doc.comment),
    creators: doc.creationInfo.creators.map(actorText).sort(),
    created: doc.creationInfo.created,
    licenseListVersion: doc.creationInfo.licenseListVersion,
    externalDocumentRefs: doc.externalDocumentRefs.map((r) => `${r.id} ${r.documentNamespace} ${r.checksum ? sums([r.checksum])[0] : ''}`).sort(),
    packages: bySpdxId(doc.packages).map((p) => ({
      spdxId: p.spdxId,
      name: p.name,
      version: p.version,
      fileName: p.fileName,
      supplier: actorText(p.supplier),
      originator: actorText(p.originator),
      downloadLocation: spdxValueText(p.downloadLocation),
      homepage: spdxValueText(p.homepage),
      filesAnalyzed: p.filesAnalyzed ?? true,
      verificationCode: p.verificationCode && `${p.verificationCode.value} excl ${[...p.verificationCode.excludedFiles].sort().join(',')}`,
      checksums: sums(p.checksums),
      licenseConcluded: normaliseLicense(p.licenseConcluded),
      licenseDeclared: normaliseLicense(p.licenseDeclared),
      licenseInfoFromFiles: p.licenseInfoFromFiles.map(normaliseLicense).sort(),
      copyrightText: trim(spdxValueText(p.copyrightText)),
      summary: trim(p.summary),
      sourceInfo: trim(p.sourceInfo),
      externalRefs: p.externalRefs.map((r) => `${r.category} ${r.type} ${r.locator}`).sort(),
      primaryPackagePurpose: p.primaryPackagePurpose,
      dates: [p.releaseDate, p.builtDate, p.validUntilDate],
      attributionTexts: p.attributionTexts.length,
      annotations: p.annotations.length,
    })),
    files: bySpdxId(doc.files).map((f) => ({
      spdxId: f.spdxId,
      name: f.name,
      fileTypes: [...f.fileTypes].sort(),
      checksums: sums(f.checksums),
      licenseConcluded: normaliseLicense(f.licenseConcluded),
      licenseInfoInFiles: f.licenseInfoInFiles.map(normaliseLicense).sort(),
      copyrightText: trim(spdxValueText(f.copyrightText)),
      contributors: [...f.contributors].sort(),
      comment: trim(f.comment),
      notice: trim(f.notice),
      annotations: f.annotations.length,
    })),
    snippets: bySpdxId(doc.snippets).map((s) => ({
      spdxId: s.spdxId,
      fromFile: s.fromFile,
      name: s.name,
      // A range without its own file points into the snippet's file (model rule), so compare the effective file.
      ranges: s.ranges.map((r) => `${r.kind} ${r.start}-${r.end} ${r.fileSpdxId ?? s.fromFile}`).sort(),
      licenseConcluded: normaliseLicense(s.licenseConcluded),
      licenseInfoInSnippets: s.licenseInfoInSnippets.map(normaliseLicense).sort(),
      copyrightText: trim(spdxValueText(s.copyrightText)),
    })),
    relationships: doc.relationships.map((r) => `${r.from} ${r.type} ${typeof r.to === 'string' ? r.to : r.to.kind}`).sort(),
    annotations: doc.annotations.map((a) => `${a.spdxId} ${a.type} ${a.date} ${actorText(a.annotator)}`).sort(),
    extractedLicenses: doc.extractedLicensingInfos.map((e) => `${e.licenseId} ${spdxValueText(e.name) ?? ''}`).sort(),
  };
}
