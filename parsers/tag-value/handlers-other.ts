// Extracted licenses (LicenseID opens one), annotations (Annotator opens one, SPDXREF names its element) and
// relationships (RelationshipComment belongs to the relationship before it).
import { NOASSERTION, NONE, RELATIONSHIP_TYPES, type Annotation, type ExtractedLicensingInfo } from '../model.js';
import type { Handler } from './handlers-document.js';
import { append, EMPTY } from './state.js';
import { special } from './handlers-package.js';
import { TagTable } from './tag-table.js';
import { isBlank, readActor, readDate, readEnum } from './values.js';

const RELATIONSHIP_TYPE_TABLE = new TagTable(RELATIONSHIP_TYPES);

function wordEnd(v: string, i: number): number {
  while (i < v.length && !isBlank(v.charCodeAt(i))) i++;
  return i;
}
function blankEnd(v: string, i: number): number {
  while (i < v.length && isBlank(v.charCodeAt(i))) i++;
  return i;
}
const ANNOTATION_TYPES = new TagTable(['REVIEW', 'OTHER']);

export const licenseHandlers: Record<string, Handler> = {
  LicenseID: (s, v) => {
    const info: ExtractedLicensingInfo = { licenseId: v, extractedText: '', name: undefined, crossRefs: EMPTY, comment: undefined, position: { line: s.lx.line, column: s.lx.column } };
    s.setEntity('license', info);
    s.doc.extractedLicensingInfos.push(info);
    if (!v.startsWith('LicenseRef-')) {
      s.add('warning', 'TAGVALUE_BAD_LICENSE_ID', `extracted license id ${s.quote(v)} does not start with LicenseRef-`, s.lx.valueLine, s.lx.valueColumn);
    }
  },
  ExtractedText: (s, v) => {
    const l = s.inScope('license');
    if (l && !s.duplicate(l.extractedText || undefined)) l.extractedText = v;
  },
  LicenseName: (s, v) => {
    const l = s.inScope('license');
    if (l && !s.emptyValue() && !s.duplicate(l.name)) l.name = special(v);
  },
  // Several URLs may share one line, separated by commas.
  LicenseCrossReference: (s, v) => {
    const l = s.inScope('license');
    if (!l || s.emptyValue()) return;
    for (const url of v.split(',')) if (url.trim()) l.crossRefs = append(l.crossRefs, url.trim());
  },
  LicenseComment: (s, v) => {
    const l = s.inScope('license');
    if (l && !s.duplicate(l.comment)) l.comment = v;
  },
};

function inAnnotation(s: Parameters<Handler>[0]): Annotation | undefined {
  if (s.annotation) return s.annotation;
  s.atTag('warning', 'TAGVALUE_OUT_OF_SCOPE', `${s.lx.tag} appears before any Annotator line; ignored`);
  return undefined;
}

export const annotationHandlers: Record<string, Handler> = {
  Annotator: (s, v) => {
    s.beginElement();
    const annotation: Annotation = {
      annotator: readActor(v, s.reportAtValue),
      date: '',
      type: '',
      comment: '',
      spdxId: '',
      position: { line: s.lx.line, column: s.lx.column },
    };
    s.annotation = annotation;
    s.doc.annotations.push(annotation);
  },
  AnnotationDate: (s, v) => {
    const a = inAnnotation(s);
    if (a && !s.emptyValue() && !s.duplicate(a.date || undefined)) a.date = readDate(v, s.reportAtValue);
  },
  AnnotationComment: (s, v) => {
    const a = inAnnotation(s);
    if (a && !s.duplicate(a.comment || undefined)) a.comment = v;
  },
  AnnotationType: (s, v) => {
    const a = inAnnotation(s);
    if (a && !s.emptyValue() && !s.duplicate(a.type || undefined)) a.type = readEnum(v, ANNOTATION_TYPES, 'annotation type', s.reportAtValue);
  },
  SPDXREF: (s, v) => {
    const a = inAnnotation(s);
    if (a && !s.emptyValue() && !s.duplicate(a.spdxId || undefined)) a.spdxId = v;
  },
};

export const relationshipHandlers: Record<string, Handler> = {
  Relationship: (s, v) => {
    s.beginElement();
    s.relationship = undefined;
    // Three blank-separated words, cut without an intermediate array (relationships are a third of large SBOMs).
    const fromEnd = wordEnd(v, 0);
    const typeStart = blankEnd(v, fromEnd);
    const typeEnd = wordEnd(v, typeStart);
    const toStart = blankEnd(v, typeEnd);
    const toEnd = wordEnd(v, toStart);
    if (toStart >= v.length) {
      s.add('error', 'TAGVALUE_BAD_RELATIONSHIP', `relationship ${s.quote(v)} is not in the form SPDXID TYPE SPDXID`, s.lx.valueLine, s.lx.valueColumn);
      return;
    }
    if (blankEnd(v, toEnd) < v.length) {
      s.add('warning', 'TAGVALUE_BAD_RELATIONSHIP', `relationship ${s.quote(v)} has more than three parts; the rest is ignored`, s.lx.valueLine, s.lx.valueColumn);
    }
    const from = v.slice(0, fromEnd);
    const type = RELATIONSHIP_TYPE_TABLE.find(v, typeStart, typeEnd) ?? readEnum(v.slice(typeStart, typeEnd), RELATIONSHIP_TYPE_TABLE, 'relationship type', s.reportAtValue);
    const target = v.slice(toStart, toEnd);
    const to = target === 'NONE' ? NONE : target === 'NOASSERTION' ? NOASSERTION : target;
    const relationship = { from, type, to, comment: undefined as string | undefined, position: { line: s.lx.line, column: s.lx.column } };
    s.relationship = relationship;
    s.doc.relationships.push(relationship);
    if (type === 'CONTAINS' && typeof to === 'string') s.noteContains(from, to);
  },
  RelationshipComment: (s, v) => {
    const r = s.relationship;
    if (!r) {
      s.atTag('warning', 'TAGVALUE_OUT_OF_SCOPE', 'RelationshipComment does not follow a Relationship; ignored');
      return;
    }
    if (!s.duplicate(r.comment)) r.comment = v;
  },
};
