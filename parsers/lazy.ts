// parseSbomLazily: the same as parseSbom, but loads only the parser the document needs (YAML and XML libraries
// cost tens of milliseconds to load), so a command-line run on a tag-value file starts fast.
import { DiagnosticSink } from './diagnostics.js';
import type { SbomFormat } from './model.js';
import { failedParse, prepareInput, runParser, type DocumentParser, type ParseOptions, type ParseResult } from './parse-core.js';

const loaders: Record<SbomFormat, () => Promise<DocumentParser>> = {
  'tag-value': async () => (await import('./tag-value/index.js')).parseTagValueDocument,
  json: async () => (await import('./json.js')).parseJsonDocument,
  yaml: async () => (await import('./yaml.js')).parseYamlDocument,
  xml: async () => (await import('./xml.js')).parseXmlDocument,
  'rdf-xml': async () => (await import('./rdf-xml.js')).parseRdfXmlDocument,
  'cyclonedx-json': async () => (await import('./json.js')).parseCycloneDxJson,
  'cyclonedx-xml': async () => (await import('./cyclonedx/xml.js')).parseCycloneDxXml,
  'spdx3-json': async () => (await import('./json.js')).parseSpdx3Json,
};

export async function parseSbomLazily(input: string | Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  const sink = new DiagnosticSink();
  const prepared = prepareInput(input, options, sink);
  input = '';
  if (!prepared) return failedParse(options.format, sink);
  const parser = await loaders[prepared.format]();
  return runParser(parser, prepared.text, prepared.format, sink);
}
