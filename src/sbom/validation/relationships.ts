// Relationship rules: known type (2.3-only types need a 2.3 document), both ends exist in this document or in a
// declared external document (DocumentRef-x:SPDXRef-y), NONE / NOASSERTION only as the target.
import { RELATIONSHIP_TYPES } from '../../../parsers/model.js';
import { DOCUMENT_REF_ID, q, SPDX_ID, type Validation } from './context.js';

const TYPES = new Set<string>(RELATIONSHIP_TYPES);
const ADDED_IN_23 = new Set(['REQUIREMENT_DESCRIPTION_FOR', 'SPECIFICATION_FOR']);

export function checkRelationships(v: Validation, ids: ReadonlySet<string>): void {
  const externalDocs = new Set(v.doc.externalDocumentRefs.map((r) => r.id));
  const checkEnd = (id: string, path: string, position?: { line: number; column?: number }) => {
    const colon = id.indexOf(':');
    if (colon !== -1 && id.startsWith('DocumentRef-')) {
      const docRef = id.slice(0, colon);
      const element = id.slice(colon + 1);
      if (!DOCUMENT_REF_ID.test(docRef) || !SPDX_ID.test(element))
        v.error('INVALID_SPDXID', `${q(id)} is not of the form DocumentRef-x:SPDXRef-y`, path, position);
      else if (!externalDocs.has(docRef))
        v.error('RELATIONSHIP_UNKNOWN_ELEMENT', `${q(id)} names ${docRef}, which the document does not declare`, path, position);
      return;
    }
    if (!ids.has(id)) v.error('RELATIONSHIP_UNKNOWN_ELEMENT', `${q(id)} is not an element of this document`, path, position);
  };
  v.doc.relationships.forEach((r, i) => {
    const path = `relationships[${i}]`;
    if (!TYPES.has(r.type))
      v.error('RELATIONSHIP_TYPE_UNKNOWN', `relationship type ${q(r.type)} is not one SPDX defines`, `${path}.relationshipType`, r.position);
    else if (!v.rules.allows23 && ADDED_IN_23.has(r.type)) {
      v.error(
        'VERSION_FIELD',
        `relationship type ${r.type} was added in SPDX 2.3; this document says ${v.rules.written}`,
        `${path}.relationshipType`,
        r.position,
      );
    }
    checkEnd(r.from, `${path}.spdxElementId`, r.position);
    if (typeof r.to === 'string') checkEnd(r.to, `${path}.relatedSpdxElement`, r.position);
  });
}
