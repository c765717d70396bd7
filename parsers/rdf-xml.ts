// SPDX 2.x RDF/XML: fast-xml-parser (entity expansion off) to a small RDF graph, then the SPDX RDF mapping.
import type { DiagnosticSink } from './diagnostics.js';
import { lineIndex } from './json-like/json-locator.js';
import { emptyDocument, type SpdxDocument } from './model.js';
import { graphToDocument } from './rdf/document.js';
import { readRdfGraph, type RdfGraph } from './rdf/graph.js';
import { RdfReader } from './rdf/terms.js';
import { checkXml } from './xml-safety.js';

export function parseRdfXmlDocument(text: string, sink: DiagnosticSink): SpdxDocument {
  const runs = checkXml(text, sink, 'RDF');
  if (!runs) return emptyDocument();
  let graph: RdfGraph;
  try {
    graph = readRdfGraph(runs);
  } catch (err) {
    sink.error('RDF_SYNTAX', `malformed RDF/XML: ${(err as Error).message}`);
    return emptyDocument();
  }
  const toPosition = lineIndex(text);
  const reader = new RdfReader(sink, toPosition);
  for (const problem of graph.problems) sink.warning('RDF_STRUCTURE', problem.message, problem.offset === undefined ? {} : toPosition(problem.offset));
  return graphToDocument(reader, graph);
}
