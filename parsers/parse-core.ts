// The steps of parseSbom shared by the eager and the lazy entry points: size limit, decoding, detection, and a
// parser run that turns any unexpected exception into an error diagnostic.
import { decodeInput, detectFromContent, detectFromFileName } from './detect.js';
import { DiagnosticSink, type Diagnostic } from './diagnostics.js';
import { emptyDocument, type SbomFormat, type SpdxDocument } from './model.js';

export interface ParseOptions {
  /** Used for format detection when the content gives no clue, and nothing else. */
  fileName?: string;
  /** Skips detection. */
  format?: SbomFormat;
  /** Larger input is refused with INPUT_TOO_LARGE. Default 512 MiB. */
  maxBytes?: number;
}

export interface ParseResult {
  /** Undefined when the format could not be told (see the diagnostics). */
  format: SbomFormat | undefined;
  document: SpdxDocument;
  diagnostics: Diagnostic[];
}

export type DocumentParser = (text: string, sink: DiagnosticSink) => SpdxDocument;

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/** Decoded text and its format, or undefined with the reason in `sink`. */
export function prepareInput(input: string | Uint8Array, options: ParseOptions, sink: DiagnosticSink): { text: string; format: SbomFormat } | undefined {
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const size = typeof input === 'string' ? input.length : input.byteLength;
    if (size > maxBytes) {
      sink.error('INPUT_TOO_LARGE', `the input is ${size} bytes, more than the limit of ${maxBytes}`);
      return undefined;
    }
    const decoded = decodeInput(input);
    for (const d of decoded.diagnostics) sink.add(d);
    const text = decoded.text;
    if (text === undefined) return undefined;
    if (isBlank(text)) {
      sink.error('EMPTY_INPUT', 'the input is empty: no SPDX document to parse');
      return undefined;
    }
    const format = options.format ?? detectFromContent(text) ?? (options.fileName ? detectFromFileName(options.fileName) : undefined);
    if (!format) {
      sink.error(
        'UNKNOWN_FORMAT',
        'cannot tell the format: not SPDX tag-value, JSON, YAML, XML or RDF/XML, CycloneDX JSON or XML, or SPDX 3 JSON-LD (give the format explicitly to force one)',
      );
      return undefined;
    }
    return { text, format };
  } catch (err) {
    sink.error('INTERNAL_PARSER_ERROR', `reading the input failed unexpectedly: ${describe(err)}`);
    return undefined;
  }
}

/** Runs one format's parser; a parser bug becomes an error diagnostic, never an exception for the caller. */
export function runParser(parser: DocumentParser, text: string, format: SbomFormat, sink: DiagnosticSink): ParseResult {
  try {
    const document = parser(text, sink);
    return { format: refinedFormat(format, document), document, diagnostics: sink.items };
  } catch (err) {
    sink.error('INTERNAL_PARSER_ERROR', `the ${format} parser failed unexpectedly: ${describe(err)}`);
    return { format, document: emptyDocument(), diagnostics: sink.items };
  }
}

/** JSON detected from the first bytes may turn out, once parsed, to be CycloneDX or SPDX 3 (keys in another order). */
function refinedFormat(format: SbomFormat, document: SpdxDocument): SbomFormat {
  if (format !== 'json') return format;
  if (document.spec?.name === 'CycloneDX') return 'cyclonedx-json';
  if (document.spec?.name === 'SPDX-3') return 'spdx3-json';
  return format;
}

export function failedParse(format: SbomFormat | undefined, sink: DiagnosticSink): ParseResult {
  return { format, document: emptyDocument(), diagnostics: sink.items };
}

function describe(err: unknown): string {
  const text = (err as Error)?.message ?? String(err);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}
