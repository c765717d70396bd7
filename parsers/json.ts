// SPDX 2.x JSON: JSON.parse for speed, then the shared object converter; syntax errors carry line and column.
// A JSON text that turns out to be CycloneDX or SPDX 3 (detection only sees the first bytes) goes to its reader.
import { convertCycloneDx, isCycloneDx } from './cyclonedx/convert.js';
import type { DiagnosticSink } from './diagnostics.js';
import { ConvertContext } from './json-like/context.js';
import { convertDocument, isSpdx3 } from './json-like/document.js';
import { jsonLocator, lineColumnAt } from './json-like/json-locator.js';
import { findJsonSyntaxError } from './json-like/json-syntax.js';
import { emptyDocument, type SpdxDocument } from './model.js';
import { convertSpdx3 } from './spdx3/convert.js';

/** Element positions cost a scan of the text; past this size only diagnostics get positions. */
const ELEMENT_POSITION_LIMIT = 8 * 1024 * 1024;

type Converter = (ctx: ConvertContext, root: unknown) => SpdxDocument;

export function parseJsonDocument(text: string, sink: DiagnosticSink): SpdxDocument {
  return parseJsonWith(text, sink, (ctx, root) => (isCycloneDx(root) ? convertCycloneDx : isSpdx3(root) ? convertSpdx3 : convertDocument)(ctx, root));
}
export function parseCycloneDxJson(text: string, sink: DiagnosticSink): SpdxDocument {
  return parseJsonWith(text, sink, convertCycloneDx);
}
export function parseSpdx3Json(text: string, sink: DiagnosticSink): SpdxDocument {
  return parseJsonWith(text, sink, convertSpdx3);
}

function parseJsonWith(text: string, sink: DiagnosticSink, convert: Converter): SpdxDocument {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    sink.add({ severity: 'error', code: 'JSON_SYNTAX', ...syntaxErrorWhere(text, err) });
    return emptyDocument();
  }
  const ctx = new ConvertContext(sink, 'JSON', jsonLocator(text), text.length <= ELEMENT_POSITION_LIMIT);
  return convert(ctx, root);
}

/** Line, column and reason of the first syntax error, from our own scan (V8's message may lack a position). */
function syntaxErrorWhere(text: string, err: unknown): { message: string; line?: number; column?: number } {
  const found = findJsonSyntaxError(text);
  if (found) return { message: `malformed JSON: ${found.message}`, ...lineColumnAt(text, found.offset) };
  return { message: `malformed JSON: ${err instanceof Error ? err.message.split('\n', 1)[0] : String(err)}` };
}
