// SPDX 2.x YAML: the `yaml` package with the failsafe schema (every scalar stays text, so `version: 3.10` is not
// turned into 3.1), aliases bounded against billion-laughs, then the shared object converter.
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { DiagnosticSink } from './diagnostics.js';
import { ConvertContext, pathSegments, type Locator } from './json-like/context.js';
import { convertDocument } from './json-like/document.js';
import { emptyDocument, type SpdxDocument } from './model.js';

/** More alias expansions than any honest SBOM needs; an alias bomb stops here. */
const MAX_ALIAS_COUNT = 1000;

export function parseYamlDocument(text: string, sink: DiagnosticSink): SpdxDocument {
  let doc: Document.Parsed;
  let lineCounter: LineCounter;
  try {
    ({ doc, lineCounter } = readYaml(text));
  } catch (err) {
    sink.error('YAML_SYNTAX', `malformed YAML: ${(err as Error).message}`);
    return emptyDocument();
  }
  const where = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  for (const e of doc.errors) {
    sink.add({ severity: 'error', code: 'YAML_SYNTAX', message: `malformed YAML: ${firstLine(e.message)}`, ...where(e.pos[0]) });
  }
  // The parser recovers around most errors; what it recovered is still read (each error above says what broke).
  for (const w of doc.warnings) {
    sink.add({ severity: 'warning', code: 'YAML_WARNING', message: firstLine(w.message), ...where(w.pos[0]) });
  }
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    sink.error('YAML_ALIAS_LIMIT', `YAML aliases expand beyond ${MAX_ALIAS_COUNT} nodes (an alias bomb?): ${firstLine((err as Error).message)}`);
    return emptyDocument();
  }
  const locate = yamlLocator(doc, lineCounter);
  return convertDocument(new ConvertContext(sink, 'YAML', locate, true, true), root);
}

/** Positions of field paths in a parsed YAML document: the deepest node that exists along the path. */
export function yamlLocator(doc: Document.Parsed, lineCounter: LineCounter): Locator {
  return (path) => {
    const segments = pathSegments(path);
    for (let depth = segments.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(segments.slice(0, depth), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) {
        const { line, col } = lineCounter.linePos(range[0]);
        return { line, column: col };
      }
    }
    return undefined;
  };
}

/** Parses YAML the way parseYamlDocument does (failsafe schema, positions counted). */
export function readYaml(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false, logLevel: 'error' });
  return { doc, lineCounter };
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0]!;
}
