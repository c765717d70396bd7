// Extracted licenses (LicenseID opens one), annotations (Annotator opens one, SPDXREF names its element) and
// relationships (RelationshipComment belongs to the relationship before it).
import { NOASSERTION, NONE, RELATIONSHIP_TYPES, type Annotation, type ExtractedLicensingInfo } from '../model.js';
import type { Handler } from './handlers-document.js';
import { special } from './handlers-package.js';
import { readActor, readDate, readEnum, splitBlank } from './values.js';

const RELATIONSHIP_TYPE_SET = new Set<string>(RELATIONSHIP_TYPES);
const ANNOTATION_TYPES = new Set(['REVIEW', 'OTHER']);

export const licenseHandlers: Record<string, Handler> = {
  LicenseID: (s, v) => {
    const info: ExtractedLicensingInfo = { licenseId: v, extractedText: '', crossRefs: [], position: { line: s.lx.line, column: s.lx.column } };
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
    for (const url of v.split(',')) if (url.trim()) l.crossRefs.push(url.trim());
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
    const parts = splitBlank(v, 4);
    if (parts.length < 3) {
      s.add('error', 'TAGVALUE_BAD_RELATIONSHIP', `relationship ${s.quote(v)} is not in the form SPDXID TYPE SPDXID`, s.lx.valueLine, s.lx.valueColumn);
      return;
    }
    if (parts.length > 3) {
      s.add('warning', 'TAGVALUE_BAD_RELATIONSHIP', `relationship ${s.quote(v)} has more than three parts; the rest is ignored`, s.lx.valueLine, s.lx.valueColumn);
    }
    const from = parts[0]!;
    const rawType = parts[1]!;
    const type = RELATIONSHIP_TYPE_SET.has(rawType) ? rawType : readEnum(rawType, RELATIONSHIP_TYPE_SET, 'relationship type', s.reportAtValue);
    const target = parts[2]!;
    const to = target === 'NONE' ? NONE : target === 'NOASSERTION' ? NOASSERTION : target;
    const relationship = { from, type, to, position: { line: s.lx.line, column: s.lx.column } };
    s.relationship = relationship;
    s.doc.relationships.push(relationship);
    if (type === 'CONTAINS' && typeof to === 'string') s.containsSeen.add(`${from}\u0000${to}`);
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
