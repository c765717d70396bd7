// SPDX 3 relationships to the model: one per `to`, types spelt as SPDX 2 where SPDX 2 has them (dependsOn ->
// DEPENDS_ON, hasDataFile -> DATA_FILE_OF the other way round: relationship-types.ts); licence relationships become
// the licence fields of their element; root elements become DESCRIBES.
import type { ConvertContext } from '../json-like/context.js';
import { show } from '../json-like/values.js';
import { NOASSERTION, NONE, type Element, type Property, type SpdxDocumentDraft } from '../model.js';
import { DOCUMENT_TYPES, listOf, text, typeOf, type Graph } from './graph.js';
import { licenceText, licenceValue } from './licences.js';
import { spdx2RelationshipType, upperSnake } from './relationship-types.js';

const LICENCE_RELATIONSHIPS: Record<string, 'licenseDeclared' | 'licenseConcluded'> = {
  HAS_DECLARED_LICENSE: 'licenseDeclared',
  HAS_CONCLUDED_LICENSE: 'licenseConcluded',
};

export function readRelationships(
  ctx: ConvertContext,
  graph: Graph,
  doc: SpdxDocumentDraft,
  byIri: Map<string, Element>,
  documentIris: Set<string>,
  properties: Property[],
): void {
  const endpoint = (iri: unknown): string | typeof NONE | typeof NOASSERTION | undefined => {
    if (typeof iri !== 'string') return undefined;
    if (documentIris.has(iri)) return doc.spdxId;
    if (/\/NoAssertionElement$/.test(iri)) return NOASSERTION;
    if (/\/NoneElement$/.test(iri)) return NONE;
    return byIri.get(iri)?.spdxId;
  };
  const skipped = new Map<string, number>();
  const licences = new Map<Element, { licenseDeclared: string[]; licenseConcluded: string[] }>();
  for (let i = 0; i < graph.nodes.length; i++) {
    const node = graph.nodes[i]!;
    const kind = typeOf(node);
    if (kind !== 'Relationship' && kind !== 'LifecycleScopedRelationship') continue;
    const path = `@graph[${i}]`;
    const written = text(node.relationshipType);
    if (written === undefined || node.from === undefined) {
      ctx.error('MISSING_REQUIRED_FIELD', 'a relationship needs from and relationshipType', path);
      continue;
    }
    // Read leniently (sbom-tool writes DEPENDS_ON), but SPDX 3's vocabulary is camelCase: strict validation fails it.
    if (/^[A-Z_]+$/.test(written))
      ctx.warn('ENUM_SPELLING', `relationshipType ${show(written)} is spelt as in SPDX 2; SPDX 3 types are camelCase`, `${path}.relationshipType`);
    const field = LICENCE_RELATIONSHIPS[upperSnake(written)];
    if (field) {
      const element = typeof node.from === 'string' ? byIri.get(node.from) : undefined;
      if (!element) continue;
      const entry = licences.get(element) ?? { licenseDeclared: [], licenseConcluded: [] };
      licences.set(element, entry);
      for (const to of listOf(node.to)) {
        const t = licenceText(graph, to);
        if (t !== undefined) entry[field].push(t);
        else ctx.warn('SPDX3_UNKNOWN_LICENSE', `${show(to)} names no licence of the document`, path);
      }
      continue;
    }
    const { type, swap, comment } = spdx2RelationshipType(written, text(node.scope));
    const from = endpoint(node.from);
    const position = ctx.positionOf(path);
    for (const target of listOf(node.to)) {
      const to = endpoint(target);
      if (typeof from !== 'string' || to === undefined) {
        skipped.set(written, (skipped.get(written) ?? 0) + 1);
        continue;
      }
      const at = position ? { position } : {};
      const extra = comment ? { comment, ...at } : at;
      if (!swap) doc.relationships.push({ from, type, to, ...extra });
      else if (typeof to === 'string') doc.relationships.push({ from: to, type, to: from, ...extra });
      // SPDX 2 has NONE and NOASSERTION only as a target, so `x hasDataFile NONE` cannot turn round: kept as written.
      else doc.relationships.push({ from, type: written, to, ...at });
    }
  }
  for (const [element, entry] of licences) {
    for (const field of ['licenseDeclared', 'licenseConcluded'] as const) {
      if (entry[field].length === 0) continue;
      const value = licenceValue(ctx, entry[field], '@graph');
      if (field === 'licenseConcluded') element.licenseConcluded = value;
      else if (element.elementType === 'package') element.licenseDeclared = value;
      else if (element.elementType === 'file') element.licenseInfoInFiles = [value];
      else element.licenseInfoInSnippets = [value];
    }
  }
  if (skipped.size > 0) {
    const what = [...skipped].map(([t, n]) => `${t} (${n})`).join(', ');
    properties.push({ name: 'spdx3:relationships-not-read', value: what });
    ctx.report(
      'info',
      'SPDX3_RELATIONSHIPS_NOT_READ',
      `relationships between elements the model has no place for (agents, tools, other documents), not read: ${what}`,
      '',
    );
  }
}

/** The SpdxDocument's root elements (through an Sbom or Bom to its roots) are what the document DESCRIBES. */
export function describeRoots(graph: Graph, docNode: Record<string, unknown> | undefined, doc: SpdxDocumentDraft, byIri: Map<string, Element>): void {
  if (!docNode) return;
  const described = new Set(doc.relationships.filter((r) => r.from === doc.spdxId && r.type === 'DESCRIBES').map((r) => r.to));
  const pending = [...listOf(docNode.rootElement)];
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const ref = pending.shift();
    if (seen.has(ref)) continue;
    seen.add(ref);
    const element = typeof ref === 'string' ? byIri.get(ref) : undefined;
    if (element) {
      if (!described.has(element.spdxId)) doc.relationships.push({ from: doc.spdxId, type: 'DESCRIBES', to: element.spdxId });
      described.add(element.spdxId);
      continue;
    }
    const node = graph.resolve(ref);
    if (node && DOCUMENT_TYPES.has(typeOf(node))) pending.push(...listOf(node.rootElement));
  }
}
