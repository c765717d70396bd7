// End of a tag-value document: attach annotations to their elements, default snippet sources, and report
// required fields that never appeared (each at the line of the element that lacks it).
import type { Annotation, Package, Snippet, SpdxDocument, SpdxFile } from '../model.js';
import { compactArrays, EMPTY, type TagValueState } from './state.js';

const REQUIRED_DOCUMENT_TAGS = ['SPDXVersion', 'DataLicense', 'SPDXID', 'DocumentName', 'DocumentNamespace', 'Creator', 'Created'];

export function finishDocument(s: TagValueState): void {
  s.beginElement();
  if (s.entity) compactArrays(s.entity);
  const doc = s.doc;
  for (const tag of REQUIRED_DOCUMENT_TAGS) {
    // Reported at the top of the document: the field belongs to the document header, which has no line of its own.
    if (!s.docTagsSeen.has(tag)) s.add('warning', 'MISSING_REQUIRED_FIELD', `the document has no ${tag} line`, 1, 1);
  }

  // One set operation per element finds repeated ids; the map from id to element is built only when a repeat
  // must name the element that came first, or annotations must find theirs (hash operations on 100k ids add up).
  const ids = new Set<string>();
  let byId: Map<string, Package | SpdxFile | Snippet> | undefined;
  const register = (element: Package | SpdxFile | Snippet, idTag: string) => {
    const where = element.position;
    if (!element.spdxId) {
      s.add('warning', 'MISSING_REQUIRED_FIELD', `this ${element.elementType} has no ${idTag} line`, where?.line, where?.column);
      return;
    }
    const before = ids.size;
    ids.add(element.spdxId);
    if (ids.size !== before) return;
    byId ??= firstElementById(doc);
    const earlier = byId.get(element.spdxId)!;
    s.add('warning', 'TAGVALUE_DUPLICATE_SPDXID', `SPDXID ${s.quote(element.spdxId)} is already used by the ${earlier.elementType} at line ${earlier.position?.line ?? '?'}`, where?.line, where?.column);
  };

  for (const p of doc.packages) {
    register(p, 'SPDXID');
    if (!p.name) s.add('warning', 'MISSING_REQUIRED_FIELD', 'PackageName is empty', p.position?.line, p.position?.column);
    if (p.downloadLocation === undefined) {
      s.add('warning', 'MISSING_REQUIRED_FIELD', `package ${s.quote(p.spdxId || p.name)} has no PackageDownloadLocation`, p.position?.line, p.position?.column);
    }
  }
  for (const f of doc.files) {
    register(f, 'SPDXID');
    if (!f.name) s.add('warning', 'MISSING_REQUIRED_FIELD', 'FileName is empty', f.position?.line, f.position?.column);
    if (f.checksums.length === 0) {
      s.add('warning', 'MISSING_REQUIRED_FIELD', `file ${s.quote(f.spdxId || f.name)} has no FileChecksum`, f.position?.line, f.position?.column);
    }
  }
  for (const sn of doc.snippets) {
    register(sn, 'SnippetSPDXID');
    finishSnippet(s, sn);
  }
  for (const l of doc.extractedLicensingInfos) {
    if (!l.extractedText) {
      s.add('warning', 'MISSING_REQUIRED_FIELD', `extracted license ${s.quote(l.licenseId)} has no ExtractedText`, l.position?.line, l.position?.column);
    }
  }
  if (doc.annotations.length > 0) {
    byId ??= firstElementById(doc);
    for (const a of doc.annotations) attachAnnotation(s, a, byId);
  }
  if (s.packageFiles.size > 0) doc.packageFiles = s.packageFiles;
  if (s.suppressed > 0) {
    s.forceAdd('warning', 'TOO_MANY_DIAGNOSTICS', `${s.suppressed} further problems were found and not listed`);
  }
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
      s.add('warning', 'MISSING_REQUIRED_FIELD', `snippet ${s.quote(sn.spdxId)} has no SnippetFromFileSPDXID; taken to be the file before it (${preceding.spdxId})`, where?.line, where?.column);
    } else {
      s.add('warning', 'MISSING_REQUIRED_FIELD', `snippet ${s.quote(sn.spdxId)} has no SnippetFromFileSPDXID and no file before it`, where?.line, where?.column);
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
