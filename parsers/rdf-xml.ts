// SPDX 2.x RDF/XML (placeholder wiring, replaced by the RDF mapping below as it lands).
import type { DiagnosticSink } from './diagnostics.js';
import { emptyDocument, type SpdxDocument } from './model.js';
import { checkXml } from './xml-safety.js';

export function parseRdfXmlDocument(text: string, sink: DiagnosticSink): SpdxDocument {
  if (!checkXml(text, sink, 'RDF')) return emptyDocument();
  sink.error('RDF_NOT_READ', 'RDF/XML reading is not finished yet');
  return emptyDocument();
}
