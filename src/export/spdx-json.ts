// A parsed document (any SPDX 2.x format) as SPDX 2.3 JSON: every element, relationship, annotation and licence
// text; relationships are all written out (no documentDescribes / hasFiles), so a re-parse counts the same.
import type { Relationship, SpdxDocument } from '../../parsers/model.js';
import { toJsonText } from '../common/json-text.js';
import { NotExpressedLedger, type NotExpressed } from './not-expressed.js';
import { propertyKind, serialIsNamespace, typeStatedByModel } from './source-properties.js';
import { fileJson, packageJson, snippetJson } from './spdx-json-elements.js';
import { withSpdxIds } from './spdx-ids.js';
import { actorText, annotationsJson, defined, KNOWN_RELATIONSHIP_TYPES } from './spdx-json-values.js';

export interface SpdxJsonExport {
  text: string;
  json: Record<string, unknown>;
  notExpressed: NotExpressed[];
}

export interface SpdxJsonOptions {
  /** Annotations to add to the document (e.g. how this run verified it); written with the document's own. */
  annotations?: readonly { annotator: string; date: string; comment: string }[];
  /** This export: its time and tool (`Tool: kube-sbom-1.2.3`), written where the source has no creation time or creator. */
  export?: { created: string; creator: string };
}

function relationshipsJson(list: readonly Relationship[], ledger: NotExpressedLedger) {
  const out: Record<string, string>[] = [];
  for (const r of list) {
    if (!KNOWN_RELATIONSHIP_TYPES.has(r.type)) {
      ledger.drop(`relationship of the unknown type ${r.type}`, r.from, 'SPDX 2.3 JSON allows only its own relationship types');
      continue;
    }
    const to = typeof r.to === 'string' ? r.to : r.to.kind;
    out.push({ spdxElementId: r.from, relationshipType: r.type, relatedSpdxElement: to, ...(r.comment !== undefined ? { comment: r.comment } : {}) });
  }
  return out;
}

/**
 * SPDX 2.3 requires a creation time and at least one creator. A source without them (a CycloneDX BOM with no
 * timestamp or tools) gets this export's own, which is true of the document written; the ledger says so.
 */
function creationInfoJson(doc: SpdxDocument, options: SpdxJsonOptions, ledger: NotExpressedLedger) {
  const { created, creators, licenseListVersion, comment } = doc.creationInfo;
  const own = options.export;
  if (own && created === undefined) ledger.approximate('creation time', doc.spdxId, 'the source has none; written as the time of this export');
  if (own && creators.length === 0) ledger.approximate('creator', doc.spdxId, `the source names none; written as ${own.creator}`);
  return {
    ...defined({ created: created ?? own?.created, licenseListVersion, comment }),
    creators: creators.length > 0 ? creators.map(actorText) : own ? [own.creator] : [],
  };
}

export function documentToSpdxJson(source: SpdxDocument, options: SpdxJsonOptions = {}): SpdxJsonExport {
  const ledger = new NotExpressedLedger();
  const doc = withSpdxIds(source, ledger);
  // Annotations nested in an element are written there; the rest (the document's own) at the top.
  const elementIds = new Set<string>([...doc.packages, ...doc.files, ...doc.snippets].map((e) => e.spdxId));
  const topAnnotations = doc.annotations.filter((a) => !elementIds.has(a.spdxId));
  const added = (options.annotations ?? []).map((a) => ({ annotationDate: a.date, annotationType: 'OTHER', annotator: a.annotator, comment: a.comment }));
  if (doc.spdxVersion !== 'SPDX-2.3') ledger.approximate(`document version ${doc.spdxVersion}`, doc.spdxId, 'written as SPDX-2.3');
  // What a CycloneDX or SPDX 3 source said that SPDX 2 has no field for (group, scope, the tool's own properties).
  for (const p of doc.properties ?? [])
    if (!serialIsNamespace(doc, p)) ledger.drop(`document property ${propertyKind(p.name)}`, doc.spdxId, 'SPDX 2.3 has no properties');
  for (const e of [...doc.packages, ...doc.files, ...doc.snippets])
    for (const p of e.properties ?? [])
      if (!typeStatedByModel(e, p)) ledger.drop(`${e.elementType} property ${propertyKind(p.name)}`, e.spdxId, 'SPDX 2.3 has no properties');
  const json = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: doc.dataLicense ?? 'CC0-1.0',
    SPDXID: doc.spdxId,
    name: doc.name,
    documentNamespace: doc.documentNamespace,
    ...defined({
      externalDocumentRefs: doc.externalDocumentRefs.map((r) => ({
        externalDocumentId: r.id,
        spdxDocument: r.documentNamespace,
        ...(r.checksum ? { checksum: { algorithm: r.checksum.algorithm, checksumValue: r.checksum.value } } : {}),
      })),
      comment: doc.comment,
    }),
    creationInfo: creationInfoJson(doc, options, ledger),
    ...defined({
      annotations: [...annotationsJson(topAnnotations, ledger), ...added],
      hasExtractedLicensingInfos: doc.extractedLicensingInfos.map((e) => ({
        licenseId: e.licenseId,
        extractedText: e.extractedText,
        ...defined({
          name: e.name === undefined ? undefined : typeof e.name === 'string' ? e.name : e.name.kind,
          seeAlsos: [...e.crossRefs],
          comment: e.comment,
        }),
      })),
      packages: doc.packages.map((p) => packageJson(p, ledger)),
      files: doc.files.map((f) => fileJson(f, ledger)),
      snippets: doc.snippets.map((s) => snippetJson(s, ledger)),
      relationships: relationshipsJson(doc.relationships, ledger),
    }),
  };
  return { text: toJsonText(json), json, notExpressed: ledger.list() };
}
