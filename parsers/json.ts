// SPDX 2.x JSON: JSON.parse for speed, then the shared object converter; syntax errors carry line and column.
import type { DiagnosticSink } from './diagnostics.js';
import { ConvertContext } from './json-like/context.js';
import { convertDocument } from './json-like/document.js';
import { jsonLocator, lineColumnAt } from './json-like/json-locator.js';
import { emptyDocument, type SpdxDocument } from './model.js';

/** Element positions cost a scan of the text; past this size only diagnostics get positions. */
const ELEMENT_POSITION_LIMIT = 16 * 1024 * 1024;

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

/** V8 reports `... at position N` or `(line L column C)`; turn either into a line and column. */
function syntaxErrorWhere(text: string, err: unknown): { message: string; line?: number; column?: number } {
  const raw = err instanceof Error ? err.message : String(err);
  const message = `malformed JSON: ${raw.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '')}`;
  const lc = /line (\d+) column (\d+)/.exec(raw);
  if (lc) return { message, line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(raw);
  if (pos) return { message, ...lineColumnAt(text, Number(pos[1])) };
  if (/Unexpected end of JSON input/.test(raw)) return { message, ...lineColumnAt(text, text.length) };
  return { message };
}
