// The one converter from a plain object (SPDX 2.2/2.3 JSON field names) to the model; JSON, YAML and XML use it.
import type { Annotation, ExternalDocumentRef, ExtractedLicensingInfo, SpdxDocument, SpdxDocumentDraft } from '../model.js';
import { emptyDocument } from '../model.js';
import { annotationsOf } from './annotations.js';
import { checksum } from './checksums.js';
import type { ConvertContext } from './context.js';
import { convertFile, convertPackage, convertSnippet } from './elements.js';
import { CREATION_INFO_KEYS, DOCUMENT_KEYS, EXTERNAL_DOCUMENT_REF_KEYS, EXTRACTED_LICENSE_KEYS } from './fields.js';
import { addImpliedRelationships, convertRelationships } from './relationships.js';
import { actorFromText, at, checkKeys, date, isObject, objList, requireField, show, spdxStr, str, strList, type Obj } from './values.js';

/** True when the object is an SPDX 3 JSON-LD document (read by parsers/spdx3, not by this converter). */
export function isSpdx3(root: unknown): boolean {
  return isObject(root) && ('@context' in root || '@graph' in root);
}

export function convertDocument(ctx: ConvertContext, root: unknown): SpdxDocument {
  const doc = emptyDocument();
  if (isSpdx3(root)) {
    ctx.error('SPDX3_UNSUPPORTED', 'this is an SPDX 3 (JSON-LD) document; read it as spdx3-json, not as SPDX 2', '');
    return doc;
  }
  if (!isObject(root)) {
    ctx.error(`${ctx.format}_NOT_AN_OBJECT`, `the document must be an object with SPDX fields, found ${Array.isArray(root) ? 'a list' : show(root)}`, '');
    return doc;
  }
  if (!('spdxVersion' in root) && !('SPDXID' in root)) {
    ctx.error('NOT_SPDX_DOCUMENT', 'no spdxVersion and no SPDXID: this is not an SPDX 2.x document', '');
    return doc;
  }
  checkKeys(ctx, root, DOCUMENT_KEYS, '');
  readHeader(ctx, root, doc);
  doc.creationInfo = creationInfo(ctx, root.creationInfo);
  doc.externalDocumentRefs = externalDocumentRefs(ctx, root.externalDocumentRefs);
  doc.extractedLicensingInfos = extractedLicenses(ctx, root.hasExtractedLicensingInfos);
  const annotations: Annotation[] = [];
  annotationsOf(ctx, root.annotations, 'annotations', doc.spdxId, annotations);
  if (root.revieweds !== undefined)
    ctx.warn('DEPRECATED_FIELD', 'revieweds (SPDX 2.0 reviews) is deprecated; use annotations of type REVIEW; ignored', 'revieweds');

  const packages = objList(ctx, root.packages, 'packages');
  // `map` sizes each list exactly; push-grown arrays of 100k elements leave their smaller copies to the GC.
  doc.packages = packages.map((p, i) => convertPackage(ctx, p, `packages[${i}]`, annotations));
  const files = objList(ctx, root.files, 'files');
  doc.files = files.map((f, i) => convertFile(ctx, f, `files[${i}]`, annotations));
  const snippets = objList(ctx, root.snippets, 'snippets');
  doc.snippets = snippets.map((s, i) => convertSnippet(ctx, s, `snippets[${i}]`, annotations));
  doc.annotations = annotations;

  doc.relationships = convertRelationships(ctx, root.relationships, 'relationships');
  addImpliedRelationships(ctx, doc.relationships, doc.spdxId, root.documentDescribes, packages);
  return doc;
}

function readHeader(ctx: ConvertContext, root: Obj, doc: SpdxDocument): void {
  if (typeof root.spdxVersion === 'number') {
    ctx.warn('SPDX_VERSION_NOT_STRING', `spdxVersion is the number ${root.spdxVersion}; expected a string like "SPDX-2.3"`, 'spdxVersion');
    doc.spdxVersion = String(root.spdxVersion);
  } else {
    doc.spdxVersion = str(ctx, root.spdxVersion, 'spdxVersion') ?? '';
  }
  doc.spdxId = str(ctx, root.SPDXID, 'SPDXID') ?? '';
  doc.name = str(ctx, root.name, 'name') ?? '';
  doc.documentNamespace = str(ctx, root.documentNamespace, 'documentNamespace') ?? '';
  const dataLicense = str(ctx, root.dataLicense, 'dataLicense');
  if (dataLicense !== undefined) doc.dataLicense = dataLicense;
  const comment = str(ctx, root.comment, 'comment');
  if (comment !== undefined) doc.comment = comment;
  for (const field of ['spdxVersion', 'SPDXID', 'name', 'documentNamespace', 'dataLicense'] as const) {
    requireField(ctx, root[field], field, '', 'the document');
  }
}

function creationInfo(ctx: ConvertContext, value: unknown): SpdxDocumentDraft['creationInfo'] {
  const info: SpdxDocumentDraft['creationInfo'] = { creators: [] };
  if (value === undefined) {
    ctx.error('MISSING_CREATORS', 'the document has no creationInfo, so no creators', 'creationInfo.creators');
    return info;
  }
  if (!isObject(value)) {
    ctx.error(`${ctx.format}_WRONG_TYPE`, `creationInfo must be an object, found ${show(value)}`, 'creationInfo');
    return info;
  }
  checkKeys(ctx, value, CREATION_INFO_KEYS, 'creationInfo');
  const creators = strList(ctx, value.creators, 'creationInfo.creators');
  for (let i = 0; i < creators.length; i++) info.creators.push(actorFromText(ctx, creators[i]!, `creationInfo.creators[${i}]`));
  // A document nobody created cannot be attributed; spdx tools-python refuses it too.
  if (info.creators.length === 0) ctx.error('MISSING_CREATORS', 'creationInfo has no creators', 'creationInfo.creators');
  const created = date(ctx, value.created, 'creationInfo.created');
  if (created !== undefined) info.created = created;
  else ctx.warn('MISSING_REQUIRED_FIELD', 'creationInfo has no created date', 'creationInfo.created');
  const listVersion = str(ctx, value.licenseListVersion, 'creationInfo.licenseListVersion');
  if (listVersion !== undefined) info.licenseListVersion = listVersion;
  const comment = str(ctx, value.comment, 'creationInfo.comment');
  if (comment !== undefined) info.comment = comment;
  return info;
}

function externalDocumentRefs(ctx: ConvertContext, value: unknown): ExternalDocumentRef[] {
  const list = objList(ctx, value, 'externalDocumentRefs');
  const out: ExternalDocumentRef[] = [];
  for (let i = 0; i < list.length; i++) {
    const obj = list[i]!;
    const base = `externalDocumentRefs[${i}]`;
    checkKeys(ctx, obj, EXTERNAL_DOCUMENT_REF_KEYS, base);
    const id = str(ctx, obj.externalDocumentId, base, 'externalDocumentId');
    const namespace = str(ctx, obj.spdxDocument, base, 'spdxDocument');
    if (id === undefined || namespace === undefined) {
      ctx.error('MISSING_REQUIRED_FIELD', 'external document reference needs externalDocumentId and spdxDocument; ignored', base);
      continue;
    }
    const ref: ExternalDocumentRef = { id, documentNamespace: namespace };
    if (obj.checksum !== undefined) {
      const sum = checksum(ctx, obj.checksum, base, 'checksum');
      if (sum) ref.checksum = sum;
    } else {
      ctx.warn('MISSING_REQUIRED_FIELD', 'external document reference has no checksum', at(base, 'checksum'));
    }
    out.push(ref);
  }
  return out;
}

function extractedLicenses(ctx: ConvertContext, value: unknown): ExtractedLicensingInfo[] {
  const list = objList(ctx, value, 'hasExtractedLicensingInfos');
  const out: ExtractedLicensingInfo[] = [];
  for (let i = 0; i < list.length; i++) {
    const obj = list[i]!;
    const base = `hasExtractedLicensingInfos[${i}]`;
    checkKeys(ctx, obj, EXTRACTED_LICENSE_KEYS, base);
    const licenseId = str(ctx, obj.licenseId, base, 'licenseId');
    const text = str(ctx, obj.extractedText, base, 'extractedText');
    requireField(ctx, licenseId, 'licenseId', base, 'extracted licensing info');
    requireField(ctx, text, 'extractedText', base, 'extracted licensing info');
    // A copy: crossRefs are appended to below, and strList may hand back the parsed list itself.
    const crossRefs = strList(ctx, obj.seeAlsos, base, 'seeAlsos').slice();
    const info: ExtractedLicensingInfo = {
      licenseId: licenseId ?? '',
      extractedText: text ?? '',
      crossRefs,
    };
    // 2.3 schema: crossRefs are objects with a url; older writers put plain URLs there.
    const cross = obj.crossRefs;
    if (Array.isArray(cross)) {
      for (let j = 0; j < cross.length; j++) {
        const url = isObject(cross[j]) ? (cross[j] as Obj).url : cross[j];
        const s = str(ctx, url, at(base, 'crossRefs'), j);
        if (s !== undefined && !crossRefs.includes(s)) crossRefs.push(s);
      }
    }
    const name = spdxStr(ctx, obj.name, base, 'name');
    if (name !== undefined) info.name = name;
    const comment = str(ctx, obj.comment, base, 'comment');
    if (comment !== undefined) info.comment = comment;
    const position = ctx.positionOf(base);
    if (position) info.position = position;
    out.push(info);
  }
  return out;
}
