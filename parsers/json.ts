// SPDX 2.x JSON: JSON.parse for speed, then the shared object converter; syntax errors carry line and column.
import type { DiagnosticSink } from './diagnostics.js';
import { ConvertContext } from './json-like/context.js';
import { convertDocument } from './json-like/document.js';
import { jsonLocator, lineColumnAt } from './json-like/json-locator.js';
import { findJsonSyntaxError } from './json-like/json-syntax.js';
import { emptyDocument, type SpdxDocument } from './model.js';

/** Element positions cost a scan of the text; past this size only diagnostics get positions. */
const ELEMENT_POSITION_LIMIT = 8 * 1024 * 1024;

export function parseJsonDocument(text: string, sink: DiagnosticSink): SpdxDocument {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    sink.add({ severity: 'error', code: 'JSON_SYNTAX', ...syntaxErrorWhere(text, err) });
    return emptyDocument();
  }
  const ctx = new ConvertContext(sink, 'JSON', jsonLocator(text), text.length <= ELEMENT_POSITION_LIMIT);
  return convertDocument(ctx, root);
}

/** Line, column and reason of the first syntax error, from our own scan (V8's message may lack a position). */
function syntaxErrorWhere(text: string, err: unknown): { message: string; line?: number; column?: number } {
  const found = findJsonSyntaxError(text);
  if (found) return { message: `malformed JSON: ${found.message}`, ...lineColumnAt(text, found.offset) };
  return { message: `malformed JSON: ${err instanceof Error ? err.message.split('\n', 1)[0] : String(err)}` };
}
