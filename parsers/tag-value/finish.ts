// End of a tag-value document: attach annotations to their elements, default snippet sources, report repeated
// SPDXIDs and the required fields that never appeared (each at the line of the element that lacks it).
import type { Annotation, Package, Snippet, SpdxDocument, SpdxFile } from '../model.js';
import { checkHasId } from './required-fields.js';
import { EMPTY, type TagValueState } from './state.js';

const REQUIRED_DOCUMENT_TAGS = ['SPDXVersion', 'DataLicense', 'SPDXID', 'DocumentName', 'DocumentNamespace', 'Creator', 'Created'];

export function finishDocument(s: TagValueState): void {
  s.beginElement();
  // The last element closes here; the others were checked as they closed (TagValueState.closeEntity).
  if (s.entity) s.closeEntity(s.entity);
  const doc = s.doc;
  for (const tag of REQUIRED_DOCUMENT_TAGS) {
    // Reported at the top of the document: the field belongs to the document header, which has no line of its own.
    if (!s.docTagsSeen.has(tag)) s.add('warning', 'MISSING_REQUIRED_FIELD', `the document has no ${tag} line`, 1, 1);
  }
  for (const sn of doc.snippets) {
    checkHasId(s, sn, 'SnippetSPDXID');
    finishSnippet(s, sn);
  }
  let byId: Map<string, Package | SpdxFile | Snippet> | undefined;
  if (s.idHashes.mayRepeat()) byId = reportRepeatedIds(s, doc);
  for (const l of doc.extractedLicensingInfos) {
    if (!l.extractedText) {
      s.add('warning', 'MISSING_REQUIRED_FIELD', `extracted license ${s.quote(l.licenseId)} has no ExtractedText`, l.position?.line, l.position?.column);
    }
  }
  if (doc.annotations.length > 0) {
    byId ??= firstElementById(doc);
    for (const a of doc.annotations) attachAnnotation(s, a, byId);
  }
  s.flushFiles();
  if (s.packageFiles.size > 0) doc.packageFiles = s.packageFiles;
  if (s.suppressed > 0) {
    s.forceAdd('warning', 'TOO_MANY_DIAGNOSTICS', `${s.suppressed} further problems were found and not listed`);
  }
}

/**
 * Each repeated SPDXID, reported at every element after the first that uses it (packages, then files, then
 * snippets); returns the map from id to first element that naming the first one needed.
 */
function reportRepeatedIds(s: TagValueState, doc: SpdxDocument): Map<string, Package | SpdxFile | Snippet> | undefined {
  const ids = new Set<string>();
  let byId: Map<string, Package | SpdxFile | Snippet> | undefined;
  for (const list of [doc.packages, doc.files, doc.snippets]) {
    for (const element of list) {
      if (!element.spdxId) continue;
      const before = ids.size;
      ids.add(element.spdxId);
      if (ids.size !== before) continue;
      byId ??= firstElementById(doc);
      const earlier = byId.get(element.spdxId)!;
      const where = element.position;
      s.add(
        'warning',
        'TAGVALUE_DUPLICATE_SPDXID',
        `SPDXID ${s.quote(element.spdxId)} is already used by the ${earlier.elementType} at line ${earlier.position?.line ?? '?'}`,
        where?.line,
        where?.column,
      );
    }
  }
  return byId;
}

/** Each SPDXID's first package, file or snippet (in that order, as duplicates are reported). */
function firstElementById(doc: SpdxDocument): Map<string, Package | SpdxFile | Snippet> {
  const byId = new Map<string, Package | SpdxFile | Snippet>();
  for (const list of [doc.packages, doc.files, doc.snippets]) {
    for (const element of list) if (element.spdxId && !byId.has(element.spdxId)) byId.set(element.spdxId, element);
  }
  return byId;
}

function finishSnippet(s: TagValueState, sn: Snippet): void {
  const where = sn.position;
  if (!sn.fromFile) {
    const preceding = s.snippetPrecedingFile.get(sn);
    if (preceding?.spdxId) {
      sn.fromFile = preceding.spdxId;
      s.add(
        'warning',
        'MISSING_REQUIRED_FIELD',
        `snippet ${s.quote(sn.spdxId)} has no SnippetFromFileSPDXID; taken to be the file before it (${preceding.spdxId})`,
        where?.line,
        where?.column,
      );
    } else {
      s.add(
        'warning',
        'MISSING_REQUIRED_FIELD',
        `snippet ${s.quote(sn.spdxId)} has no SnippetFromFileSPDXID and no file before it`,
        where?.line,
        where?.column,
      );
    }
  }
  if (!sn.ranges.some((r) => r.kind === 'byte')) {
    s.add('warning', 'MISSING_REQUIRED_FIELD', `snippet ${s.quote(sn.spdxId)} has no SnippetByteRange`, where?.line, where?.column);
  }
  for (const r of sn.ranges) if (sn.fromFile) r.fileSpdxId = sn.fromFile;
}

function attachAnnotation(s: TagValueState, a: Annotation, byId: Map<string, Package | SpdxFile | Snippet>): void {
  const where = a.position;
  const missing = [!a.date && 'AnnotationDate', !a.type && 'AnnotationType', !a.comment && 'AnnotationComment', !a.spdxId && 'SPDXREF'].filter(Boolean);
  if (missing.length > 0) s.add('warning', 'MISSING_REQUIRED_FIELD', `annotation has no ${missing.join(', ')}`, where?.line, where?.column);
  if (!a.spdxId) return;
  const element = byId.get(a.spdxId);
  if (!element) return;
  // An element without annotations holds the shared frozen empty list: replaced, not pushed to.
  if (element.annotations === EMPTY) element.annotations = [a];
  else element.annotations.push(a);
}
