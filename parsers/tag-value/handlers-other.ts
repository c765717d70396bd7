// Extracted licenses (LicenseID opens one), annotations (Annotator opens one, SPDXREF names its element) and
// relationships (RelationshipComment belongs to the relationship before it).
import { NOASSERTION, NONE, RELATIONSHIP_TYPES, type Annotation, type ExtractedLicensingInfo } from '../model.js';
import type { Handler } from './handlers-document.js';
import { append, EMPTY } from './state.js';
import { special } from './handlers-package.js';
import { TagTable } from './tag-table.js';
import { isBlank, readActor, readDate, readEnum, skipBlanks, skipWord } from './values.js';

const RELATIONSHIP_TYPE_TABLE = new TagTable(RELATIONSHIP_TYPES);

/**
 * The id string of the current file, package or the document when it is the word at text[start] (before `end`):
 * the word is then neither scanned for its end nor cut again.
 */
function knownIdAt(s: Parameters<Handler>[0], text: string, start: number, end: number): string | undefined {
  const file = s.file?.spdxId;
  if (file && isWordAt(text, file, start, end)) return file;
  const pkg = s.pkg?.spdxId;
  if (pkg && isWordAt(text, pkg, start, end)) return pkg;
  const doc = s.doc.spdxId;
  if (doc && isWordAt(text, doc, start, end)) return doc;
  return undefined;
}

/** Whether `word` is written at text[start] and ends there: at `end` or before a blank. */
function isWordAt(text: string, word: string, start: number, end: number): boolean {
  const after = start + word.length;
  // Ids of other lengths are told apart by the character after, before any comparison of the characters.
  if (after > end || (after < end && !isBlank(text.charCodeAt(after)))) return false;
  return text.startsWith(word, start);
}
const ANNOTATION_TYPES = new TagTable(['REVIEW', 'OTHER']);

export const licenseHandlers: Record<string, Handler> = {
  LicenseID: (s) => {
    const id = s.lx.value;
    const info: ExtractedLicensingInfo = {
      licenseId: id,
      extractedText: '',
      name: undefined,
      crossRefs: EMPTY,
      comment: undefined,
      position: { line: s.lx.line, column: s.lx.column },
    };
    s.setEntity('license', info);
    s.doc.extractedLicensingInfos.push(info);
    if (!id.startsWith('LicenseRef-')) {
      s.add('warning', 'TAGVALUE_BAD_LICENSE_ID', `extracted license id ${s.quote(id)} does not start with LicenseRef-`, s.lx.valueLine, s.lx.valueColumn);
    }
  },
  ExtractedText: (s) => {
    const l = s.inScope('license');
    if (l && !s.duplicate(l.extractedText || undefined)) l.extractedText = s.lx.value;
  },
  LicenseName: (s) => {
    const l = s.inScope('license');
    if (l && !s.emptyValue() && !s.duplicate(l.name)) l.name = special(s.lx);
  },
  // Several URLs may share one line, separated by commas.
  LicenseCrossReference: (s) => {
    const l = s.inScope('license');
    if (!l || s.emptyValue()) return;
    for (const url of s.lx.value.split(',')) if (url.trim()) l.crossRefs = append(l.crossRefs, url.trim());
  },
  LicenseComment: (s) => {
    const l = s.inScope('license');
    if (l && !s.duplicate(l.comment)) l.comment = s.lx.value;
  },
};

function inAnnotation(s: Parameters<Handler>[0]): Annotation | undefined {
  if (s.annotation) return s.annotation;
  s.atTag('warning', 'TAGVALUE_OUT_OF_SCOPE', `${s.lx.tag} appears before any Annotator line; ignored`);
  return undefined;
}

export const annotationHandlers: Record<string, Handler> = {
  Annotator: (s) => {
    s.beginElement();
    const annotation: Annotation = {
      annotator: readActor(s.lx.value, s.reportAtValue),
      date: '',
      type: '',
      comment: '',
      spdxId: '',
      position: { line: s.lx.line, column: s.lx.column },
    };
    s.annotation = annotation;
    s.doc.annotations.push(annotation);
  },
  AnnotationDate: (s) => {
    const a = inAnnotation(s);
    if (a && !s.emptyValue() && !s.duplicate(a.date || undefined)) a.date = readDate(s.lx.value, s.reportAtValue);
  },
  AnnotationComment: (s) => {
    const a = inAnnotation(s);
    if (a && !s.duplicate(a.comment || undefined)) a.comment = s.lx.value;
  },
  AnnotationType: (s) => {
    const a = inAnnotation(s);
    if (a && !s.emptyValue() && !s.duplicate(a.type || undefined))
      a.type = readEnum(s.lx.valueSource, s.lx.valueStart, s.lx.valueEnd, ANNOTATION_TYPES, 'annotation type', s.reportAtValue);
  },
  SPDXREF: (s) => {
    const a = inAnnotation(s);
    if (a && !s.emptyValue() && !s.duplicate(a.spdxId || undefined)) a.spdxId = s.lx.value;
  },
};

export const relationshipHandlers: Record<string, Handler> = {
  Relationship: (s) => {
    s.beginElement();
    s.relationship = undefined;
    // Three blank-separated words, cut without an intermediate array (relationships are a third of large SBOMs),
    // where the value is written (see the lexer's valueSource).
    const t = s.lx.valueSource;
    const start = s.lx.valueStart;
    const end = s.lx.valueEnd;
    // Ends are usually the document or the element just read: their id strings are reused, not cut again.
    const knownFrom = knownIdAt(s, t, start, end);
    const fromEnd = knownFrom !== undefined ? start + knownFrom.length : skipWord(t, start, end);
    const typeStart = skipBlanks(t, fromEnd, end);
    const typeEnd = skipWord(t, typeStart, end);
    const toStart = skipBlanks(t, typeEnd, end);
    const knownTo = toStart < end ? knownIdAt(s, t, toStart, end) : undefined;
    const toEnd = knownTo !== undefined ? toStart + knownTo.length : skipWord(t, toStart, end);
    if (toStart >= end) {
      s.add(
        'error',
        'TAGVALUE_BAD_RELATIONSHIP',
        `relationship ${s.quote(s.lx.value)} is not in the form SPDXID TYPE SPDXID`,
        s.lx.valueLine,
        s.lx.valueColumn,
      );
      return;
    }
    if (skipBlanks(t, toEnd, end) < end) {
      s.add(
        'warning',
        'TAGVALUE_BAD_RELATIONSHIP',
        `relationship ${s.quote(s.lx.value)} has more than three parts; the rest is ignored`,
        s.lx.valueLine,
        s.lx.valueColumn,
      );
    }
    const from = knownFrom ?? t.slice(start, fromEnd);
    const type = readEnum(t, typeStart, typeEnd, RELATIONSHIP_TYPE_TABLE, 'relationship type', s.reportAtValue);
    const target = knownTo ?? t.slice(toStart, toEnd);
    const to = target === 'NONE' ? NONE : target === 'NOASSERTION' ? NOASSERTION : target;
    const relationship = { from, type, to, comment: undefined as string | undefined, position: { line: s.lx.line, column: s.lx.column } };
    s.relationship = relationship;
    s.doc.relationships.push(relationship);
    if (type === 'CONTAINS' && typeof to === 'string') s.noteContains(from, to);
  },
  RelationshipComment: (s) => {
    const r = s.relationship;
    if (!r) {
      s.atTag('warning', 'TAGVALUE_OUT_OF_SCOPE', 'RelationshipComment does not follow a Relationship; ignored');
      return;
    }
    if (!s.duplicate(r.comment)) r.comment = s.lx.value;
  },
};
