// Document-level rules: version, data license, ids, namespace, creation info, external document references,
// extracted licensing info, annotations.
import type { Actor, Annotation } from '../../../parsers/model.js';
import { checkChecksum } from './checksums.js';
import { DOCUMENT_REF_ID, LICENSE_REF_ID, q, STRICT_DATE, type Validation } from './context.js';

export function checkDocument(v: Validation): void {
  const { doc, rules } = v;
  if (!doc.spdxVersion) v.error('MISSING_REQUIRED_FIELD', 'the document has no spdxVersion', 'spdxVersion');
  else if (rules.minor === undefined) {
    v.error('SPDX_VERSION_UNKNOWN', `spdxVersion ${q(doc.spdxVersion)} is not a known SPDX 2.x version (SPDX-2.2 or SPDX-2.3)`, 'spdxVersion');
  } else if (rules.minor < 2) {
    v.warning('SPDX_VERSION_OLD', `${doc.spdxVersion} is older than SPDX-2.2; checked against the SPDX-2.2 rules`, 'spdxVersion');
  }
  if (!doc.dataLicense) v.error('MISSING_REQUIRED_FIELD', 'the document has no dataLicense', 'dataLicense');
  else if (doc.dataLicense !== 'CC0-1.0') v.error('DATA_LICENSE', `dataLicense is ${q(doc.dataLicense)}; SPDX requires CC0-1.0`, 'dataLicense');
  if (!doc.spdxId) v.error('MISSING_REQUIRED_FIELD', 'the document has no SPDXID', 'SPDXID');
  else if (doc.spdxId !== 'SPDXRef-DOCUMENT') v.error('INVALID_SPDXID', `the document's SPDXID is ${q(doc.spdxId)}; it must be SPDXRef-DOCUMENT`, 'SPDXID');
  if (!doc.name) v.error('MISSING_REQUIRED_FIELD', 'the document has no name', 'name');
  checkNamespace(v, doc.documentNamespace);
  checkCreationInfo(v);
  checkExternalDocumentRefs(v);
  checkExtractedLicenses(v);
}

function checkNamespace(v: Validation, namespace: string): void {
  if (!namespace) {
    v.error('MISSING_REQUIRED_FIELD', 'the document has no documentNamespace', 'documentNamespace');
    return;
  }
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/.test(namespace) || namespace.includes('#')) {
    v.error('INVALID_NAMESPACE', `documentNamespace ${q(namespace)} must be an absolute URI without a # part`, 'documentNamespace');
  }
}

function checkCreationInfo(v: Validation): void {
  const info = v.doc.creationInfo;
  if (info.creators.length === 0) v.error('MISSING_CREATORS', 'creationInfo has no creators', 'creationInfo.creators');
  info.creators.forEach((c, i) => checkActor(v, c, `creationInfo.creators[${i}]`));
  if (!info.created) v.error('MISSING_REQUIRED_FIELD', 'creationInfo has no created date', 'creationInfo.created');
  else checkDate(v, info.created, 'creationInfo.created');
}

export function checkActor(v: Validation, actor: Actor, path: string): void {
  if (!actor.name.trim()) v.error('ACTOR_FORMAT', `${actor.type} with no name`, path);
}

export function checkDate(v: Validation, value: string, path: string, position?: { line: number; column?: number }): void {
  if (!STRICT_DATE.test(value)) {
    v.error('DATE_FORMAT', `date ${q(value)} is not in the form YYYY-MM-DDThh:mm:ssZ`, path, position);
  }
}

function checkExternalDocumentRefs(v: Validation): void {
  const seen = new Set<string>();
  v.doc.externalDocumentRefs.forEach((ref, i) => {
    const path = `externalDocumentRefs[${i}]`;
    if (!DOCUMENT_REF_ID.test(ref.id))
      v.error('INVALID_DOCUMENTREF_ID', `${q(ref.id)} is not of the form DocumentRef-[A-Za-z0-9.-]+`, `${path}.externalDocumentId`);
    if (seen.has(ref.id)) v.error('DUPLICATE_DOCUMENTREF_ID', `${ref.id} is declared twice`, `${path}.externalDocumentId`);
    seen.add(ref.id);
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(ref.documentNamespace)) {
      v.error('INVALID_NAMESPACE', `external document ${q(ref.documentNamespace)} is not an absolute URI`, `${path}.spdxDocument`);
    }
    if (!ref.checksum) v.error('MISSING_REQUIRED_FIELD', `${ref.id} has no checksum`, `${path}.checksum`);
    else {
      if (ref.checksum.algorithm !== 'SHA1')
        v.error('CHECKSUM_ALGORITHM', `${ref.id}'s checksum must be SHA1, not ${ref.checksum.algorithm}`, `${path}.checksum`);
      checkChecksum(v, ref.checksum, `${path}.checksum`);
    }
  });
}

function checkExtractedLicenses(v: Validation): void {
  const seen = new Set<string>();
  v.doc.extractedLicensingInfos.forEach((info, i) => {
    const path = `hasExtractedLicensingInfos[${i}]`;
    if (!LICENSE_REF_ID.test(info.licenseId)) {
      v.error('INVALID_LICENSEREF_ID', `${q(info.licenseId)} is not of the form LicenseRef-[A-Za-z0-9.-]+`, `${path}.licenseId`, info.position);
    }
    if (seen.has(info.licenseId)) v.error('DUPLICATE_LICENSEREF_ID', `${info.licenseId} is declared twice`, `${path}.licenseId`, info.position);
    seen.add(info.licenseId);
    if (!info.extractedText.trim()) v.error('MISSING_REQUIRED_FIELD', `${info.licenseId} has no extractedText`, `${path}.extractedText`, info.position);
  });
}

export function checkAnnotations(v: Validation, list: Annotation[], path: string): void {
  list.forEach((a, i) => {
    const at = `${path}[${i}]`;
    checkActor(v, a.annotator, `${at}.annotator`);
    if (!a.date) v.error('MISSING_REQUIRED_FIELD', 'annotation has no date', `${at}.annotationDate`, a.position);
    else checkDate(v, a.date, `${at}.annotationDate`, a.position);
    if (a.type !== 'REVIEW' && a.type !== 'OTHER')
      v.error('ANNOTATION_TYPE', `annotation type ${q(a.type)} is not REVIEW or OTHER`, `${at}.annotationType`, a.position);
    if (!a.comment.trim()) v.error('MISSING_REQUIRED_FIELD', 'annotation has no comment', `${at}.comment`, a.position);
  });
}
