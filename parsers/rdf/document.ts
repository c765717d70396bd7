// The SPDX RDF graph to the model: document, creation info, elements, relationships and annotations wherever they
// hang, hasFile / describesPackage as implied relationships (the spdx tools-python rule), extracted licenses.
import { looseEnumMatch, normaliseChecksumAlgorithm, parseActorText } from '../field-values.js';
import { ANNOTATION_TYPES, RELATIONSHIP_TYPE_SET } from '../json-like/fields.js';
import { emptyDocument, type Annotation, type Relationship, type SpdxDocument } from '../model.js';
import type { RdfGraph, RdfNode } from './graph.js';
import { fileOf, packageOf, snippetOf } from './elements.js';
import { RDFS, SPDX, childNode, enumFromUri, special, spdxText, text, texts, typeIs, values, type RdfReader } from './terms.js';

const S = (name: string) => SPDX + name;

export function graphToDocument(reader: RdfReader, graph: RdfGraph): SpdxDocument {
  const doc = emptyDocument();
  // Another document may be described too (as an external reference target); ours is the one with creation info.
  const docNodes = graph.described
    .filter((n) => typeIs(n, 'SpdxDocument'))
    .sort((a, b) => Number(b.props.has(S('creationInfo'))) - Number(a.props.has(S('creationInfo'))));
  if (docNodes.length === 0) {
    reader.error('RDF_NO_DOCUMENT', 'no spdx:SpdxDocument node: this is not an SPDX 2.x RDF document');
    return doc;
  }
  const docNode = docNodes[0]!;
  if (docNodes.length > 1) reader.warn('RDF_SEVERAL_DOCUMENTS', `${docNodes.length} spdx:SpdxDocument nodes; reading the first`, docNodes[1]);
  const hash = docNode.key.lastIndexOf('#');
  if (docNode.blank || hash === -1) {
    reader.error('MISSING_SPDXID', 'the spdx:SpdxDocument node has no rdf:about of the form namespace#SPDXRef-DOCUMENT', docNode);
  } else {
    doc.documentNamespace = docNode.key.slice(0, hash);
    doc.spdxId = docNode.key.slice(hash + 1);
  }
  reader.documentNamespace = doc.documentNamespace;
  readExternalRefs(reader, docNode, doc);
  doc.spdxVersion = text(docNode, S('specVersion')) ?? '';
  doc.name = text(docNode, S('name')) ?? '';
  const dataLicense = text(docNode, S('dataLicense'));
  if (dataLicense !== undefined) doc.dataLicense = dataLicense.replace(/^http:\/\/spdx\.org\/licenses\//, '');
  doc.comment = text(docNode, RDFS + 'comment');
  readCreationInfo(reader, docNode, doc);

  for (const node of graph.described) {
    if (typeIs(node, 'Package')) doc.packages.push(packageOf(reader, node, `packages[${doc.packages.length}]`));
    else if (typeIs(node, 'File')) doc.files.push(fileOf(reader, node, `files[${doc.files.length}]`));
    else if (typeIs(node, 'Snippet')) doc.snippets.push(snippetOf(reader, node, `snippets[${doc.snippets.length}]`));
  }
  readAnnotationsAndRelationships(reader, graph, doc, docNode);
  readExtractedLicenses(reader, docNode, doc);
  return doc;
}

function readExternalRefs(reader: RdfReader, docNode: RdfNode, doc: SpdxDocument): void {
  for (const v of values(docNode, S('externalDocumentRef'))) {
    if (!v.node) continue;
    // 2.2 writers put the DocumentRef id only in the node's URI (`ns#DocumentRef-x`).
    const id = text(v.node, S('externalDocumentId')) ?? (v.node.key.includes('#DocumentRef-') ? v.node.key.slice(v.node.key.lastIndexOf('#') + 1) : undefined);
    const namespace = text(v.node, S('spdxDocument'));
    if (id === undefined || namespace === undefined) {
      reader.error('MISSING_REQUIRED_FIELD', 'external document reference needs externalDocumentId and spdxDocument; ignored', v.node);
      continue;
    }
    const sum = childNode(v.node, S('checksum'));
    const algorithm = sum && text(sum, S('algorithm'));
    const value = sum && text(sum, S('checksumValue'));
    doc.externalDocumentRefs.push({
      id,
      documentNamespace: namespace,
      ...(algorithm && value
        ? { checksum: { algorithm: normaliseChecksumAlgorithm(enumFromUri(algorithm), () => undefined), value: value.trim().toLowerCase() } }
        : {}),
    });
    reader.externalNamespaces.set(namespace, id);
  }
}

function readCreationInfo(reader: RdfReader, docNode: RdfNode, doc: SpdxDocument): void {
  const info = childNode(docNode, S('creationInfo'));
  if (!info) {
    reader.error('MISSING_CREATORS', 'the document has no spdx:creationInfo, so no creators', docNode, 'creationInfo.creators');
    return;
  }
  const creators = texts(info, S('creator'));
  doc.creationInfo.creators = creators.map((c) => parseActorText(c, (code, message) => reader.warn(code, message, info)));
  if (creators.length === 0) reader.error('MISSING_CREATORS', 'spdx:CreationInfo has no spdx:creator', info, 'creationInfo.creators');
  const created = text(info, S('created'));
  if (created !== undefined) doc.creationInfo.created = created;
  else reader.warn('MISSING_REQUIRED_FIELD', 'spdx:CreationInfo has no spdx:created date', info);
  const listVersion = text(info, S('licenseListVersion'));
  if (listVersion !== undefined) doc.creationInfo.licenseListVersion = listVersion;
  const comment = text(info, RDFS + 'comment');
  if (comment !== undefined) doc.creationInfo.comment = comment;
}

function readAnnotationsAndRelationships(reader: RdfReader, graph: RdfGraph, doc: SpdxDocument, docNode: RdfNode): void {
  const byKey = new Map<string, { annotations: Annotation[] }>();
  for (const e of [...doc.packages, ...doc.files, ...doc.snippets]) if (e.spdxId) byKey.set(e.spdxId, e);
  const implied: [string, string, string][] = [];
  for (const node of graph.described) {
    const ownerId = node === docNode ? doc.spdxId : node.blank ? '' : reader.idOf(node.key);
    for (const v of values(node, S('annotation'))) {
      if (!v.node) continue;
      const annotation = annotationOf(reader, v.node, ownerId);
      if (!annotation) continue;
      doc.annotations.push(annotation);
      byKey.get(ownerId)?.annotations.push(annotation);
    }
    for (const v of values(node, S('relationship'))) {
      if (v.node) {
        const rel = relationshipOf(reader, v.node, ownerId);
        if (rel) doc.relationships.push(rel);
      }
    }
    for (const v of values(node, S('hasFile'))) if (v.node && !v.node.blank) implied.push([ownerId, 'CONTAINS', reader.idOf(v.node.key)]);
    for (const v of values(node, S('describesPackage'))) if (v.node && !v.node.blank) implied.push([ownerId, 'DESCRIBES', reader.idOf(v.node.key)]);
  }
  const seen = new Set(doc.relationships.map((r) => `${r.from}\u0000${r.type}\u0000${typeof r.to === 'string' ? r.to : r.to.kind}`));
  const inverse: Record<string, string> = { CONTAINS: 'CONTAINED_BY', DESCRIBES: 'DESCRIBED_BY' };
  for (const [from, type, to] of implied) {
    if (seen.has(`${from}\u0000${type}\u0000${to}`) || seen.has(`${to}\u0000${inverse[type]}\u0000${from}`)) continue;
    seen.add(`${from}\u0000${type}\u0000${to}`);
    doc.relationships.push({ from, type, to });
  }
}

function annotationOf(reader: RdfReader, node: RdfNode, spdxId: string): Annotation | undefined {
  const annotator = text(node, S('annotator'));
  if (annotator === undefined) {
    reader.error('MISSING_REQUIRED_FIELD', 'annotation has no spdx:annotator; ignored', node);
    return undefined;
  }
  const typeUri = text(node, S('annotationType'));
  const annotation: Annotation = {
    annotator: parseActorText(annotator, (code, message) => reader.warn(code, message, node)),
    date: text(node, S('annotationDate')) ?? '',
    type: typeUri === undefined ? '' : (looseEnumMatch(enumFromUri(typeUri), ANNOTATION_TYPES) ?? typeUri),
    comment: text(node, RDFS + 'comment') ?? '',
    spdxId,
  };
  if (node.offset !== undefined) annotation.position = reader.where(node) as { line: number };
  return annotation;
}

function relationshipOf(reader: RdfReader, node: RdfNode, from: string): Relationship | undefined {
  const typeUri = text(node, S('relationshipType'));
  const related = values(node, S('relatedSpdxElement'))[0];
  if (typeUri === undefined || related === undefined) {
    reader.error('MISSING_REQUIRED_FIELD', 'relationship needs spdx:relationshipType and spdx:relatedSpdxElement; ignored', node);
    return undefined;
  }
  const word = enumFromUri(typeUri);
  const type = RELATIONSHIP_TYPE_SET.has(word) ? word : typeUri;
  if (type === typeUri) reader.warn('ENUM_UNKNOWN', `unknown relationship type ${JSON.stringify(typeUri)}; kept as written`, node);
  const target = related.node ? related.node.key : related.literal;
  const sp = special(target);
  const to = sp ?? (related.node?.blank ? '' : reader.idOf(target));
  if (to === '') reader.error('MISSING_SPDXID', 'relationship target has no rdf:about, so no SPDX id', related.node ?? node);
  const rel: Relationship = { from, type, to };
  const comment = text(node, RDFS + 'comment');
  if (comment !== undefined) rel.comment = comment;
  if (node.offset !== undefined) rel.position = reader.where(node) as { line: number };
  return rel;
}

function readExtractedLicenses(reader: RdfReader, docNode: RdfNode, doc: SpdxDocument): void {
  for (const v of values(docNode, S('hasExtractedLicensingInfo'))) {
    if (!v.node) continue;
    const node = v.node;
    const licenseId = text(node, S('licenseId')) ?? (node.blank ? '' : reader.idOf(node.key));
    const extractedText = text(node, S('extractedText'));
    if (!licenseId || extractedText === undefined)
      reader.warn('MISSING_REQUIRED_FIELD', 'extracted licensing info needs spdx:licenseId and spdx:extractedText', node);
    doc.extractedLicensingInfos.push({
      licenseId,
      extractedText: extractedText ?? '',
      name: spdxText(node, S('name')),
      crossRefs: texts(node, RDFS + 'seeAlso'),
      comment: text(node, RDFS + 'comment'),
      ...(node.offset !== undefined ? { position: reader.where(node) as { line: number } } : {}),
    });
  }
}
