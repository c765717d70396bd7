// parseSbom: any SPDX 2.x document (bytes or text, any of the five formats), CycloneDX JSON/XML or SPDX 3 JSON-LD
// to the model plus diagnostics.
// It never throws on bad content: size, encoding, format and parser failures all become error diagnostics.
import { DiagnosticSink } from './diagnostics.js';
import { parseCycloneDxXml } from './cyclonedx/xml.js';
import { parseCycloneDxJson, parseJsonDocument, parseSpdx3Json } from './json.js';
import type { SbomFormat } from './model.js';
import { failedParse, prepareInput, runParser, type DocumentParser, type ParseOptions, type ParseResult } from './parse-core.js';
import { parseRdfXmlDocument } from './rdf-xml.js';
import { parseTagValueDocument } from './tag-value/index.js';
import { parseXmlDocument } from './xml.js';
import { parseYamlDocument } from './yaml.js';

export { countElements, type ElementCounts } from './counts.js';
export { DEFAULT_MAX_BYTES, type ParseOptions, type ParseResult } from './parse-core.js';

const parsers: Record<SbomFormat, DocumentParser> = {
  'tag-value': parseTagValueDocument,
  json: parseJsonDocument,
  yaml: parseYamlDocument,
  xml: parseXmlDocument,
  'rdf-xml': parseRdfXmlDocument,
  'cyclonedx-json': parseCycloneDxJson,
  'cyclonedx-xml': parseCycloneDxXml,
  'spdx3-json': parseSpdx3Json,
};

export function parseSbom(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  const sink = new DiagnosticSink();
  const prepared = prepareInput(input, options, sink);
  // Let the bytes go before parsing: with the caller passing them straight in, the model can use that memory.
  input = '';
  if (!prepared) return failedParse(options.format, sink);
  return runParser(parsers[prepared.format], prepared.text, prepared.format, sink);
}
