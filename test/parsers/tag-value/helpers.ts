// Small helpers for tag-value tests: parse a snippet of lines, find diagnostics by code.
import { DiagnosticSink, type Diagnostic } from '../../../parsers/diagnostics.js';
import type { SpdxDocument } from '../../../parsers/model.js';
import { parseTagValueDocument } from '../../../parsers/tag-value/index.js';

export const HEADER = [
  'SPDXVersion: SPDX-2.3',
  'DataLicense: CC0-1.0',
  'SPDXID: SPDXRef-DOCUMENT',
  'DocumentName: test',
  'DocumentNamespace: https://example.com/test',
  'Creator: Tool: test-1.0',
  'Created: 2024-01-01T00:00:00Z',
];

export function parse(lines: string[] | string, withHeader = true): { doc: SpdxDocument; diagnostics: Diagnostic[] } {
  const body = typeof lines === 'string' ? lines : lines.join('\n');
  const text = withHeader ? `${HEADER.join('\n')}\n${body}` : body;
  const sink = new DiagnosticSink();
  const doc = parseTagValueDocument(text, sink);
  return { doc, diagnostics: sink.items };
}

/** Line number of a body line (1-based index into `lines`) once the header is in front. */
export const bodyLine = (n: number) => HEADER.length + n;

export function only(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}
