// SPDX 3.0 JSON-LD (`@context` + `@graph`) to the model, which grew once for every non-SPDX-2 spec (see
// parsers/cyclonedx/convert.ts): `spec` names SPDX 3 and its version; `properties` keep what SPDX 2 has no field for.
// Mapping: software_Package / ai_AIPackage / dataset_DatasetPackage -> packages, software_File -> files,
// software_Snippet -> snippets; IRIs -> SPDXIDs made safe and unique (the IRI kept as `spdx3:spdxId`);
// verifiedUsing hashes -> checksums; hasDeclaredLicense / hasConcludedLicense relationships -> licence fields;
// other relationships (one per `to`) between elements and the document -> relationships, camelCase types spelt
// as SPDX 2 where SPDX 2 has them (dependsOn -> DEPENDS_ON); the SpdxDocument (and Sbom) root elements -> DESCRIBES;
// the document's CreationInfo -> creation info (createdBy agents, createdUsing tools, created, specVersion).
import type { ConvertContext } from '../json-like/context.js';
import { isObject, show } from '../json-like/values.js';
import { ForeignIds } from '../foreign-ids.js';
import { emptyDocument, type Actor, type Element, type Property, type SpdxDocument, type SpdxDocumentDraft } from '../model.js';
import { DOCUMENT_TYPES, Graph, idOf, listOf, text, typeOf } from './graph.js';
import { describeRoots, readRelationships } from './relationships.js';
import { actorOf, convertFile, convertPackage, convertSnippet, FILE_TYPE, PACKAGE_TYPES, SNIPPET_TYPE } from './elements.js';
import { licenceText } from './licences.js';

const CONTEXT = /^https:\/\/spdx\.org\/rdf\/3\.0\.\d+\/spdx-context\.json(ld)?$/;

export function convertSpdx3(ctx: ConvertContext, root: unknown): SpdxDocument {
  const doc = emptyDocument();
  if (!isObject(root) || !Array.isArray(root['@graph'])) {
    ctx.error('SPDX3_NO_GRAPH', 'an SPDX 3 JSON-LD document is an object with an @graph list', '');
    return doc;
  }
  const contexts = listOf(root['@context']);
  if (!contexts.some((c) => typeof c === 'string' && CONTEXT.test(c)))
    ctx.warn('SPDX3_CONTEXT', `@context ${show(root['@context'])} is not the SPDX 3.0 context; read as if it were`, '@context');
  const graph = new Graph(ctx, root['@graph']);
  doc.spdxId = 'SPDXRef-DOCUMENT';
  const docIndex = graph.nodes.findIndex((n) => typeOf(n) === 'SpdxDocument');
  const docNode = docIndex === -1 ? undefined : graph.nodes[docIndex]!;
  if (!docNode) ctx.error('SPDX3_NO_DOCUMENT', 'the @graph holds no SpdxDocument element', '@graph');
  const documentIris = new Set(['SPDXRef-DOCUMENT']);
  for (const n of graph.nodes) if (DOCUMENT_TYPES.has(typeOf(n)) && idOf(n)) documentIris.add(idOf(n)!);
  const properties: Property[] = [];
  readCreationInfo(ctx, graph, docNode, doc, properties);
  if (docNode) {
    doc.name = text(docNode.name) ?? '';
    doc.documentNamespace = idOf(docNode) ?? '';
    const dataLicense = licenceText(graph, docNode.dataLicense);
    if (dataLicense) doc.dataLicense = dataLicense;
    for (const profile of listOf(docNode.profileConformance))
      if (typeof profile === 'string') properties.push({ name: 'spdx3:profileConformance', value: profile });
  }

  const ids = new ForeignIds();
  const byIri = new Map<string, Element>();
  const fileIds = new Map<string, string>();
  const snippetNodes: [Record<string, unknown>, number][] = [];
  for (let i = 0; i < graph.nodes.length; i++) {
    const node = graph.nodes[i]!;
    const type = typeOf(node);
    const iri = idOf(node);
    const path = `@graph[${i}]`;
    // Every SPDX 3 element is named by an IRI; without one nothing can refer to it (it is read under a made-up id).
    if (!iri && (PACKAGE_TYPES.has(type) || type === FILE_TYPE || type === SNIPPET_TYPE))
      ctx.error('MISSING_SPDXID', `${type} ${show(node.name)} has no spdxId`, path);
    if (PACKAGE_TYPES.has(type)) {
      const pkg = convertPackage(ctx, graph, node, ids.assign(iri && iriStem(iri), 'Package'), path);
      doc.packages.push(pkg);
      if (iri) byIri.set(iri, pkg);
    } else if (type === FILE_TYPE) {
      const file = convertFile(ctx, node, ids.assign(iri && iriStem(iri), 'File'), path);
      doc.files.push(file);
      if (iri) {
        byIri.set(iri, file);
        fileIds.set(iri, file.spdxId);
      }
    } else if (type === SNIPPET_TYPE) snippetNodes.push([node, i]);
  }
  for (const [node, i] of snippetNodes) {
    const iri = idOf(node);
    const from = typeof node.software_snippetFromFile === 'string' ? fileIds.get(node.software_snippetFromFile) : undefined;
    if (from === undefined) ctx.error('MISSING_REQUIRED_FIELD', 'a snippet needs software_snippetFromFile naming a file of the document', `@graph[${i}]`);
    const snippet = convertSnippet(ctx, node, ids.assign(iri && iriStem(iri), 'Snippet'), from ?? '', `@graph[${i}]`);
    doc.snippets.push(snippet);
    if (iri) byIri.set(iri, snippet);
  }
  readRelationships(ctx, graph, doc, byIri, documentIris, properties);
  describeRoots(graph, docNode, doc, byIri);
  doc.properties = properties;
  return doc;
}

/** The last segment of an IRI (`.../SPDXRef-gnrtd4` -> `SPDXRef-gnrtd4`) without a repeated `SPDXRef-`. */
function iriStem(iri: string): string {
  const tail = iri.slice(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'), iri.lastIndexOf(':')) + 1) || iri;
  return tail.startsWith('SPDXRef-') ? tail.slice('SPDXRef-'.length) : tail;
}

function readCreationInfo(
  ctx: ConvertContext,
  graph: Graph,
  docNode: Record<string, unknown> | undefined,
  doc: SpdxDocumentDraft,
  properties: Property[],
): void {
  const info = graph.resolve(docNode?.creationInfo) ?? graph.nodes.find((n) => typeOf(n) === 'CreationInfo');
  if (!info) {
    ctx.error('MISSING_CREATORS', 'the document has no CreationInfo', '@graph');
    doc.spec = { name: 'SPDX-3', version: '' };
    doc.spdxVersion = 'SPDX-3';
    return;
  }
  const version = text(info.specVersion) ?? '';
  if (!/^3\.0(\.\d+)?$/.test(version)) ctx.warn('SPDX3_SPEC_VERSION', `specVersion ${show(version)} is not an SPDX 3.0 version`, '@graph');
  doc.spec = { name: 'SPDX-3', version };
  doc.spdxVersion = `SPDX-${version}`;
  const created = text(info.created);
  if (created !== undefined) doc.creationInfo.created = created;
  else ctx.warn('MISSING_REQUIRED_FIELD', 'CreationInfo has no created date', '@graph');
  const add = (actor: Actor | undefined) => actor && doc.creationInfo.creators.push(actor);
  for (const ref of listOf(info.createdBy)) add(actorOf(graph, ref));
  for (const ref of listOf(info.createdUsing)) {
    const tool = actorOf(graph, ref);
    add(tool && { ...tool, type: 'Tool' });
  }
  if (doc.creationInfo.creators.length === 0) ctx.error('MISSING_CREATORS', 'CreationInfo names no agent in createdBy', '@graph');
  const comment = text(info.comment);
  if (comment !== undefined) doc.creationInfo.comment = comment;
  if (version) properties.push({ name: 'spdx3:specVersion', value: version });
}
